/* Unit suite of the input module: checks, conversions, markup removal,
 * offsets and positions. */
#include "unit.h"

typedef struct clean_case {
    const char *raw;
    const char *clean;
} clean_case;

static const clean_case cleans[] = {
    {"[A/78/738](#).", "A/78/738."},
    {"resolutions [822 \\(1993\\)](#)", "resolutions 822 (1993)"},
    {"see [the report](https://x.org/a) now", "see the report https://x.org/a  now"},
    {"<https://a.org/x>", "https://a.org/x"},
    {"Nations<sup>1</sup> and", "Nations and"},
    {"a&amp;b&nbsp;c", "a&b c"},
    {"x\xc2\xb9 y\xc2\xb2", "x y"},
    {"a\r\nb\rc", "a\nb\nc"},
    {"**bold** *it*", "bold it"},
    {"<p>one</p>two", "\none\ntwo"},
    {"3 < 4 & 5 > 2", "3 < 4 & 5 > 2"},
    {"", ""},
};

START_TEST(test_clean)
{
    const clean_case *c = &cleans[_i];
    cg_text t;
    cg_error err;
    cg_error_clear(&err);
    ck_assert_int_eq(cg_text_from_bytes(&t, c->raw, strlen(c->raw), CG_MARKUP_PLAIN, "t", &err), CG_OK);
    ck_assert_str_eq(t.clean, c->clean);
    cg_text_free(&t);
}
END_TEST

typedef struct bad_case {
    const char *bytes;
    size_t len;
    long line, column;
} bad_case;

static const bad_case bads[] = {
    {"ab\0c", 4, 1, 3},
    {"x\ny\xc0\xaf", 5, 2, 2},
    {"\x80", 1, 1, 1},
    {"ok\n\n  \xe2\x82", 7, 3, 3},
    {"\xed\xa0\x80", 3, 1, 1},
};

START_TEST(test_rejects)
{
    const bad_case *c = &bads[_i];
    cg_text t;
    cg_error err;
    cg_error_clear(&err);
    ck_assert_int_eq(cg_text_from_bytes(&t, c->bytes, c->len, CG_MARKUP_PLAIN, "bad.txt", &err), CG_EINPUT);
    ck_assert_int_eq(err.line, c->line);
    ck_assert_int_eq(err.column, c->column);
    ck_assert_str_eq(err.path, "bad.txt");
}
END_TEST

START_TEST(test_bom_and_utf16)
{
    cg_text t;
    cg_error err;
    ck_assert_int_eq(cg_text_from_bytes(&t, "\xef\xbb\xbfS/1", 6, CG_MARKUP_PLAIN, "t", &err), CG_OK);
    ck_assert_str_eq(t.raw, "S/1");
    cg_text_free(&t);
    ck_assert_int_eq(cg_text_from_bytes(&t, "\xff\xfe" "A\0/\0\xe9\0", 8, CG_MARKUP_PLAIN, "t", &err), CG_OK);
    ck_assert_str_eq(t.raw, "A/\xc3\xa9");
    cg_text_free(&t);
    ck_assert_int_eq(cg_text_from_bytes(&t, "\xfe\xff\0A\0B", 6, CG_MARKUP_PLAIN, "t", &err), CG_OK);
    ck_assert_str_eq(t.raw, "AB");
    cg_text_free(&t);
}
END_TEST

START_TEST(test_offsets_and_positions)
{
    const char *raw = "[A/1/2](#) x\r\nline two \xc3\xa9 S/3\rthree";
    cg_text t;
    cg_error err;
    ck_assert_int_eq(cg_text_from_bytes(&t, raw, strlen(raw), CG_MARKUP_PLAIN, "t", &err), CG_OK);
    const char *s3 = strstr(t.clean, "S/3");
    ck_assert_ptr_nonnull(s3);
    size_t r = cg_text_raw_offset(&t, (size_t)(s3 - t.clean));
    ck_assert_int_eq(memcmp(raw + r, "S/3", 3), 0);
    ck_assert_int_eq(cg_text_raw_offset(&t, 0), 1);
    long line, col;
    cg_text_position(&t, r, &line, &col);
    ck_assert_int_eq(line, 2);
    ck_assert_int_eq(col, 12);
    cg_text_position(&t, strlen(raw) - 1, &line, &col);
    ck_assert_int_eq(line, 3);
    cg_text_position(&t, 1, &line, &col); /* backwards */
    ck_assert_int_eq(line, 1);
    ck_assert_int_eq(col, 2);
    cg_text_free(&t);
}
END_TEST

START_TEST(test_markup_from_path)
{
    ck_assert_int_eq(cg_markup_from_path("a/b.txt"), CG_MARKUP_PLAIN);
    ck_assert_int_eq(cg_markup_from_path("b.md"), CG_MARKUP_MARKDOWN);
    ck_assert_int_eq(cg_markup_from_path("b.htm"), CG_MARKUP_HTML);
    ck_assert_int_eq(cg_markup_from_path("b.html"), CG_MARKUP_HTML);
    ck_assert_int_eq(cg_markup_from_path("b.pdf"), -1);
    ck_assert_int_eq(cg_markup_from_path("dir.txt/b"), -1);
}
END_TEST

static int reports, fatal_reports;
static void count(const cg_error *err, int fatal, void *ctx)
{
    (void)err;
    (void)ctx;
    reports++;
    fatal_reports += fatal;
}

START_TEST(test_corpus)
{
    char dir[] = "/tmp/cgtestXXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[256];
    const char *files[] = {"b.txt", "a.md", "sub/c.html", "z.pdf"};
    snprintf(path, sizeof path, "%s/sub", dir);
    ck_assert_int_eq(mkdir(path, 0700), 0);
    for (size_t i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        FILE *fp = fopen(path, "w");
        ck_assert_ptr_nonnull(fp);
        fclose(fp);
    }
    char loop[256];
    snprintf(loop, sizeof loop, "%s/sub/up", dir);
    ck_assert_int_eq(symlink("..", loop), 0);
    snprintf(path, sizeof path, "%s/missing", dir);
    const char *paths[] = {dir, path};
    cg_corpus c;
    reports = fatal_reports = 0;
    ck_assert_int_eq(cg_corpus_collect(&c, paths, 2, count, NULL), CG_OK);
    ck_assert_uint_eq(c.n, 3);
    ck_assert_str_eq(c.files[0].rel, "a.md");
    ck_assert_str_eq(c.files[1].rel, "b.txt");
    ck_assert_str_eq(c.files[2].rel, "sub/c.html");
    ck_assert_uint_eq(c.failures, 2); /* the loop and the missing path */
    ck_assert_int_eq(reports, 3);     /* and z.pdf skipped */
    cg_corpus_free(&c);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

static Suite *input_suite(void)
{
    Suite *s = suite_create("input");
    TCase *tc = tcase_create("text");
    tcase_add_loop_test(tc, test_clean, 0, (int)(sizeof cleans / sizeof cleans[0]));
    tcase_add_loop_test(tc, test_rejects, 0, (int)(sizeof bads / sizeof bads[0]));
    tcase_add_test(tc, test_bom_and_utf16);
    tcase_add_test(tc, test_offsets_and_positions);
    tcase_add_test(tc, test_markup_from_path);
    tcase_add_test(tc, test_corpus);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_MAIN(input_suite)
