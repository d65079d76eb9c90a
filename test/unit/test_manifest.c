/* Unit suite for the corpus manifest loader: good manifests, every kind
 * of malformed one (with its line and column), deep nesting, huge input,
 * lookup by path and by name. */
#include "unit.h"

static cg_status parse(cg_manifest *m, const char *yaml, cg_error *err)
{
    cg_error_clear(err);
    return cg_manifest_parse(m, yaml, strlen(yaml), "m.yaml", "corpus", err);
}

START_TEST(test_good)
{
    cg_manifest m;
    cg_error err;
    ck_assert_int_eq(parse(&m, "# comment\n"
                               "documents:\n"
                               "  b.txt:\n"
                               "    symbol: [A/78/636, S/2023/960]\n"
                               "    title: Letter dated 5 December 2023\n"
                               "    date: 2023-12-07\n"
                               "    organ: General Assembly\n"
                               "    language: en\n"
                               "    pages: 12\n"
                               "  ./sub/a.txt:\n"
                               "    symbol: A/78/764\n"
                               "  c.txt:\n",
                     &err),
                     CG_OK);
    ck_assert_uint_eq(m.n, 3);
    const cg_manifest_entry *b = cg_manifest_find(&m, "corpus/b.txt", "b.txt");
    ck_assert_ptr_nonnull(b);
    ck_assert_uint_eq(b->nsymbols, 2);
    ck_assert_str_eq(b->symbols[0], "A/78/636");
    ck_assert_str_eq(b->symbols[1], "S/2023/960");
    ck_assert_str_eq(b->title, "Letter dated 5 December 2023");
    ck_assert_str_eq(b->date, "2023-12-07");
    ck_assert_str_eq(b->organ, "General Assembly");
    ck_assert_uint_eq(b->nattrs, 2);
    ck_assert_str_eq(b->attrs[0].key, "language");
    ck_assert_str_eq(b->attrs[1].value, "12");
    ck_assert_int_eq(b->line, 3);
    ck_assert_int_eq(b->column, 3);
    /* by path (leading ./ dropped) and by name relative to a folder argument */
    const cg_manifest_entry *a = cg_manifest_find(&m, "./corpus/sub/a.txt", NULL);
    ck_assert_ptr_nonnull(a);
    ck_assert_str_eq(a->symbols[0], "A/78/764");
    ck_assert_ptr_eq(cg_manifest_find(&m, "elsewhere/x/sub/a.txt", "sub/a.txt"), a);
    const cg_manifest_entry *c = cg_manifest_find(&m, "corpus/c.txt", NULL);
    ck_assert_ptr_nonnull(c);
    ck_assert_uint_eq(c->nsymbols, 0);
    ck_assert_ptr_null(c->title);
    ck_assert_ptr_null(cg_manifest_find(&m, "corpus/d.txt", "d.txt"));
    cg_manifest_free(&m);
}
END_TEST

START_TEST(test_empty)
{
    cg_manifest m;
    cg_error err;
    ck_assert_int_eq(parse(&m, "", &err), CG_OK);
    ck_assert_uint_eq(m.n, 0);
    ck_assert_ptr_null(cg_manifest_find(&m, "a.txt", "a.txt"));
    cg_manifest_free(&m);
    ck_assert_int_eq(parse(&m, "documents: {}\n", &err), CG_OK);
    ck_assert_uint_eq(m.n, 0);
    cg_manifest_free(&m);
}
END_TEST

static const struct bad {
    const char *yaml;
    long line, column;
    const char *message;
} bads[] = {
    {"documents:\n  a.txt:\n    title: [unclosed\n", 4, 1, "malformed YAML"},
    {"documents:\n  a.txt: {title: x\n", 3, 1, "malformed YAML"},
    {"- a\n- b\n", 1, 1, "must be a mapping"},
    {"files:\n  a.txt: {}\n", 1, 1, "unknown manifest key 'files'"},
    {"documents: [a.txt]\n", 1, 12, "must map file names"},
    {"documents:\n  a.txt: letter\n", 2, 10, "must be a mapping"},
    {"documents:\n  a.txt:\n    date: 9 February 2024\n", 3, 11, "YYYY-MM-DD"},
    {"documents:\n  a.txt:\n    date: 2024-13-01\n", 3, 11, "YYYY-MM-DD"},
    {"documents:\n  a.txt:\n    symbol: []\n", 3, 13, "lists no symbol"},
    {"documents:\n  a.txt:\n    symbol: {a: b}\n", 3, 13, "a symbol or a list"},
    {"documents:\n  a.txt:\n    symbol: [A/1, [A/2]]\n", 3, 19, "non-empty string"},
    {"documents:\n  a.txt:\n    title: \"\"\n", 3, 12, "non-empty string"},
    {"documents:\n  a.txt:\n    kind: letter\n", 3, 5, "writes itself"},
    {"documents:\n  a.txt:\n    pagerank: 1\n", 3, 5, "writes itself"},
    {"documents:\n  a.txt:\n    9lives: x\n", 3, 5, "not an attribute name"},
    {"documents:\n  a.txt:\n    my key: x\n", 3, 5, "not an attribute name"},
    {"documents:\n  a.txt:\n    tags: [a, b]\n", 3, 11, "a string or a number"},
    {"documents:\n  a.txt:\n    title: a\n    title: b\n", 4, 5, "given twice"},
    {"documents:\n  a.txt:\n    x: a\n    x: b\n", 4, 5, "given twice"},
    {"documents:\n  a.txt: {}\n  ./a.txt: {}\n", 3, 3, "listed twice"},
    {"documents:\n  a.txt: {}\ndocuments:\n  b.txt: {}\n", 3, 1, "given twice"},
    {"documents:\n  [a]: {}\n", 2, 3, "named by its file name"},
};

START_TEST(test_malformed)
{
    const struct bad *b = &bads[_i];
    cg_manifest m;
    cg_error err;
    ck_assert_int_eq(parse(&m, b->yaml, &err), CG_ECONFIG);
    ck_assert_str_eq(err.path, "m.yaml");
    ck_assert_msg(strstr(err.message, b->message) != NULL, "case %d: message '%s'", _i, err.message);
    ck_assert_msg(err.line == b->line && err.column == b->column, "case %d: at %ld:%ld, want %ld:%ld",
                  _i, err.line, err.column, b->line, b->column);
    ck_assert_uint_eq(m.n, 0); /* nothing left to free */
}
END_TEST

/* Nesting of depth n in an attribute's value. */
static char *nested(int n)
{
    char *s = malloc((size_t)n * 2 + 64);
    ck_assert_ptr_nonnull(s);
    int k = sprintf(s, "documents:\n  a.txt:\n    x: ");
    for (int i = 0; i < n; i++)
        s[k++] = '[';
    for (int i = 0; i < n; i++)
        s[k++] = ']';
    s[k++] = '\n';
    s[k] = '\0';
    return s;
}

static const int depths[] = {61, 62, 1000, 100000};

START_TEST(test_deep_nesting)
{
    char *yaml = nested(depths[_i]);
    cg_manifest m;
    cg_error err;
    ck_assert_int_eq(parse(&m, yaml, &err), CG_ECONFIG);
    /* 3 + 61 levels load but are not an attribute's value; deeper ones stop at the limit */
    if (depths[_i] <= 61)
        ck_assert_ptr_nonnull(strstr(err.message, "a string or a number"));
    else
        ck_assert_ptr_nonnull(strstr(err.message, "nested deeper than"));
    ck_assert_int_eq(err.line, 3);
    free(yaml);
}
END_TEST

START_TEST(test_huge)
{
    /* 50,000 entries, in reverse order; each found by path and by name */
    const int n = 50000;
    size_t cap = (size_t)n * 80 + 32, len = 0;
    char *yaml = malloc(cap);
    ck_assert_ptr_nonnull(yaml);
    len += (size_t)sprintf(yaml, "documents:\n");
    for (int i = n - 1; i >= 0; i--)
        len += (size_t)sprintf(yaml + len, "  d%06d.txt: {symbol: A/78/%d, year_read: %d}\n", i, i + 1, i);
    cg_manifest m;
    cg_error err;
    cg_error_clear(&err);
    ck_assert_int_eq(cg_manifest_parse(&m, yaml, len, "big.yaml", "", &err), CG_OK);
    ck_assert_uint_eq(m.n, (size_t)n);
    for (int i = 0; i < n; i += 997) {
        char name[32], sym[32];
        sprintf(name, "d%06d.txt", i);
        sprintf(sym, "A/78/%d", i + 1);
        const cg_manifest_entry *e = cg_manifest_find(&m, name, NULL);
        ck_assert_ptr_nonnull(e);
        ck_assert_str_eq(e->symbols[0], sym);
        ck_assert_ptr_eq(cg_manifest_find(&m, "x/y.txt", name), e);
        ck_assert_int_eq(e->line, n - i + 1);
    }
    cg_manifest_free(&m);
    /* a huge scalar */
    size_t big = 4u << 20;
    char *huge = malloc(big + 64);
    ck_assert_ptr_nonnull(huge);
    len = (size_t)sprintf(huge, "documents:\n  a.txt:\n    title: ");
    memset(huge + len, 'x', big);
    len += big;
    huge[len++] = '\n';
    ck_assert_int_eq(cg_manifest_parse(&m, huge, len, "huge.yaml", "", &err), CG_OK);
    ck_assert_uint_eq(strlen(m.entries[0].title), big);
    cg_manifest_free(&m);
    free(huge);
    free(yaml);
}
END_TEST

START_TEST(test_load_file)
{
    char dir[] = "/tmp/cg-manifest-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/manifest.yaml", dir);
    FILE *fp = fopen(path, "w");
    ck_assert_ptr_nonnull(fp);
    fputs("documents:\n  a.txt:\n    symbol: S/2023/888\n", fp);
    fclose(fp);
    cg_manifest m;
    cg_error err;
    cg_error_clear(&err);
    ck_assert_int_eq(cg_manifest_load(&m, path, &err), CG_OK);
    ck_assert_str_eq(m.name, path);
    char doc[300];
    snprintf(doc, sizeof doc, "%s/a.txt", dir);
    ck_assert_ptr_nonnull(cg_manifest_find(&m, doc, NULL));
    cg_manifest_free(&m);
    unlink(path);
    ck_assert_int_eq(cg_manifest_load(&m, path, &err), CG_EIO);
    ck_assert_ptr_nonnull(strstr(err.message, "cannot open"));
    rmdir(dir);
}
END_TEST

START_TEST(test_reserved)
{
    ck_assert(cg_manifest_reserved("title"));
    ck_assert(cg_manifest_reserved("in_corpus"));
    ck_assert(!cg_manifest_reserved("language"));
}
END_TEST

static Suite *manifest_suite(void)
{
    Suite *s = suite_create("manifest");
    TCase *tc = tcase_create("manifest");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_good);
    tcase_add_test(tc, test_empty);
    tcase_add_loop_test(tc, test_malformed, 0, (int)(sizeof bads / sizeof bads[0]));
    tcase_add_loop_test(tc, test_deep_nesting, 0, (int)(sizeof depths / sizeof depths[0]));
    tcase_add_test(tc, test_huge);
    tcase_add_test(tc, test_load_file);
    tcase_add_test(tc, test_reserved);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_MAIN(manifest_suite)
