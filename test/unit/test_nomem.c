/* Allocation failure along the whole path of a small corpus: loading,
 * identity, extraction, rows, graph, measures, every graph and report
 * format.  For every N the Nth allocation fails: the call that met it
 * reports CG_ENOMEM, everything is released (ASan and valgrind see no
 * leak), nothing crashes, and the next run is whole and unchanged. */
#include "unit.h"

typedef struct doc {
    const char *name;
    cg_markup markup;
    const char *bytes;
} doc;

static const doc corpus[] = {
    {"a.txt", CG_MARKUP_PLAIN,
     "A/78/1\n\nSee S/2023/888 and A/77/774-S/2023/145, resolution 853 (1993) of the\n"
     "Security Council and General Assembly resolutions 48/114 and 49/75 K.\n"
     "Ibid., para. 3. The report (hereinafter \xe2\x80\x9cthe Report\xe2\x80\x9d) and the Report.\n"
     "Order of 17 November 2023 of the International Court of Justice;\n"
     "https://www.un.org/en/a?b=1 and E/CN.4/1999/79/Add.1.\n"},
    {"b.md", CG_MARKUP_MARKDOWN,
     "# Letter\n\nAs in [A/78/1](https://undocs.org/A/78/1) and [resolution 2625 (XXV)](#)"
     "<sup>1</sup>, see *S/RES/242 (1967)*.\n\n[^1]: A/HRC/8/6, page 4.\n"},
    {"c.html", CG_MARKUP_HTML,
     "<html><body><p>Recalling <a href=\"https://www.un.org/x\">A/RES/73/6</a> &amp; "
     "S/2004/908<sup>2</sup>, decision 1998/50 &#8212; A/78/1.</p></body></html>\n"},
};
#define NDOCS (sizeof corpus / sizeof corpus[0])

/* Runs the whole path once, writing every output into all (which it
 * empties first).  Returns the first failure, CG_OK if none. */
static cg_status run_path(cg_buf *all)
{
    cg_buf_clear(all);
    cg_status st = CG_OK;
    cg_extractor *ex = cg_extractor_new(unit_registry());
    cg_graph_builder *b = ex ? cg_graph_builder_new() : NULL;
    if (b == NULL)
        st = CG_ENOMEM;
    cg_refs refs = {0};
    for (size_t i = 0; i < NDOCS && st == CG_OK; i++) {
        cg_text text;
        cg_error err;
        cg_error_clear(&err);
        st = cg_text_from_bytes(&text, corpus[i].bytes, strlen(corpus[i].bytes),
                                corpus[i].markup, corpus[i].name, &err);
        if (st != CG_OK) {
            ck_assert_int_eq(err.status, st);
            ck_assert(strstr(err.message, "memory") != NULL);
            break;
        }
        cg_docid id;
        cg_docid_from_path(unit_registry(), corpus[i].name, &id);
        cg_docid head;
        if (cg_docid_from_masthead(unit_registry(), &text, &head))
            id = head;
        cg_refs_clear(&refs);
        st = cg_extract(ex, &text, &id, &refs);
        if (st == CG_OK)
            st = cg_refs_write(all, CG_REFS_TSV, corpus[i].name, id.id, &text, &refs);
        if (st == CG_OK)
            st = cg_refs_write(all, CG_REFS_JSONL, corpus[i].name, id.id, &text, &refs);
        if (st == CG_OK)
            st = cg_graph_builder_add(b, &id, &refs);
        cg_text_free(&text);
    }
    cg_graph g;
    cg_metrics m;
    cg_error err;
    cg_error_clear(&err);
    if (st == CG_OK && (st = cg_graph_build(b, &g, &err)) == CG_OK) {
        if ((st = cg_metrics_compute(&g, &m, &err)) == CG_OK) {
            for (int f = CG_GRAPH_DOT; f <= CG_GRAPH_JSON && st == CG_OK; f++)
                st = cg_graph_write(all, (cg_graph_format)f, &g, &m, NULL);
            for (int f = CG_REPORT_TEXT; f <= CG_REPORT_MD && st == CG_OK; f++)
                st = cg_report_write(all, (cg_report_format)f, &g, &m, m.rank, g.nv);
            cg_metrics_free(&m);
        }
        cg_graph_free(&g);
        if (st != CG_OK && err.status != CG_OK)
            ck_assert_int_eq(err.status, st);
    }
    cg_refs_free(&refs);
    cg_graph_builder_free(b);
    cg_extractor_free(ex);
    return st;
}

START_TEST(test_every_allocation_fails_once)
{
    cg_buf want = {0}, got = {0};
    ck_assert_int_eq(run_path(&want), CG_OK);
    ck_assert(want.len > 1000);
    long n;
    for (n = 1;; n++) {
        cg_alloc_fail_after(n);
        cg_status st = run_path(&got);
        long pending = cg_alloc_fail_pending();
        cg_alloc_fail_after(0);
        if (pending > 0) { /* the path needs fewer than n allocations */
            ck_assert_int_eq(st, CG_OK);
            break;
        }
        ck_assert_msg(st == CG_ENOMEM, "allocation %ld failed: status %d, not out of memory", n,
                      (int)st);
        cg_buf_clear(&got);
        ck_assert_int_eq(run_path(&got), CG_OK); /* nothing left behind */
        ck_assert_msg(got.len == want.len && memcmp(got.data, want.data, want.len) == 0,
                      "output changed after allocation %ld failed", n);
    }
    ck_assert(n > 50); /* the path was really walked */
    fprintf(stderr, "nomem: %ld allocations, each made to fail once\n", n - 1);
    cg_buf_free(&want);
    cg_buf_free(&got);
}
END_TEST

START_TEST(test_registry_allocation_fails)
{
    const char *dir = getenv("CITEGRAPH_REGISTRY");
    const char *dirs[1] = {dir ? dir : "data/registry"};
    for (long n = 1;; n++) {
        cg_registry reg;
        cg_error err;
        cg_error_clear(&err);
        cg_alloc_fail_after(n);
        cg_status st = cg_registry_load(&reg, dirs, 1, &err);
        long pending = cg_alloc_fail_pending();
        cg_alloc_fail_after(0);
        if (st == CG_OK)
            cg_registry_free(&reg);
        if (pending > 0) {
            ck_assert_int_eq(st, CG_OK);
            break;
        }
        ck_assert_msg(st == CG_ENOMEM, "allocation %ld failed: status %d (%s)", n, (int)st,
                      err.message);
        ck_assert_msg(strstr(err.message, "memory") != NULL, "allocation %ld: message '%s'", n,
                      err.message);
    }
}
END_TEST

static Suite *nomem_suite(void)
{
    Suite *s = suite_create("nomem");
    TCase *tc = tcase_create("nomem");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_every_allocation_fails_once);
    tcase_add_test(tc, test_registry_allocation_fails);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_MAIN(nomem_suite)
