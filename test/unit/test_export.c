/* Unit suite of the reference writers: TSV header and rows, JSON Lines,
 * escaping. */
#include "unit.h"

START_TEST(test_header)
{
    cg_buf b = {0};
    ck_assert_int_eq(cg_refs_write_header(&b, CG_REFS_TSV), CG_OK);
    ck_assert_str_eq(b.data, "file\tline\tsource\tkind\ttarget\ttext\tcolumn\taliases\tnotes\n");
    cg_buf_clear(&b);
    ck_assert_int_eq(cg_refs_write_header(&b, CG_REFS_JSONL), CG_OK);
    ck_assert_uint_eq(b.len, 0);
    cg_buf_free(&b);
}
END_TEST

START_TEST(test_rows)
{
    cg_refs refs = {0};
    cg_text t = unit_extract("x\n[A/78/738](#) and A/77/774-\nS/2023/145\tresolution\n853 (1993)", NULL, &refs);
    cg_buf b = {0};
    ck_assert_int_eq(cg_refs_write(&b, CG_REFS_TSV, "f.txt", "doc:f", &t, &refs), CG_OK);
    ck_assert_str_eq(b.data,
                     "f.txt\t2\tdoc:f\tsymbol\tA/78/738\t[A/78/738](#)\t1\t\t\n"
                     "f.txt\t2\tdoc:f\tsymbol\tA/77/774\tA/77/774- S/2023/145\t19\tS/2023/145\t\n"
                     "f.txt\t3\tdoc:f\tresolution\tS/RES/853 (1993)\tresolution 853 (1993)\t12\t\t\n");
    cg_buf_clear(&b);
    cg_refs_clear(&refs);
    cg_text_free(&t);
    t = unit_extract("(A/77/774-S/2023/145)", NULL, &refs);
    ck_assert_int_eq(cg_refs_write(&b, CG_REFS_JSONL, "f\"q.txt", "doc:f", &t, &refs), CG_OK);
    ck_assert_str_eq(b.data, "{\"file\":\"f\\\"q.txt\",\"line\":1,\"column\":2,\"source\":\"doc:f\","
                             "\"kind\":\"symbol\",\"target\":\"A/77/774\",\"text\":\"A/77/774-S/2023/145\","
                             "\"aliases\":[\"S/2023/145\"],\"notes\":\"\"}\n");
    cg_buf_free(&b);
    cg_refs_free(&refs);
    cg_text_free(&t);
}
END_TEST

START_TEST(test_json_escape)
{
    cg_buf b = {0};
    ck_assert_int_eq(cg_json_put_string(&b, "a\"b\\c\n\x01", 7), CG_OK);
    ck_assert_str_eq(b.data, "\"a\\\"b\\\\c\\n\\u0001\"");
    cg_buf_free(&b);
}
END_TEST

static Suite *export_suite(void)
{
    Suite *s = suite_create("export");
    TCase *tc = tcase_create("refs");
    tcase_add_test(tc, test_header);
    tcase_add_test(tc, test_rows);
    tcase_add_test(tc, test_json_escape);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_MAIN(export_suite)
