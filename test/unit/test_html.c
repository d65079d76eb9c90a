/* The HTML writers: web addresses of targets, escaping, the annotated
 * document. */
#include "unit.h"

static const struct {
    int kind;
    const char *id, *url; /* url "" when there is none */
} links[] = {
    {CG_KIND_SYMBOL, "A/78/738", "https://undocs.org/A/78/738"},
    {CG_KIND_SYMBOL, "A/HRC/WG.6/20/SVN/2", "https://undocs.org/A/HRC/WG.6/20/SVN/2"},
    {CG_KIND_RESOLUTION, "S/RES/853 (1993)", "https://undocs.org/S/RES/853(1993)"},
    {CG_KIND_RESOLUTION, "A/RES/2625 (XXV)", "https://undocs.org/A/RES/2625(XXV)"},
    {CG_KIND_RESOLUTION, "A/RES/48/114", "https://undocs.org/A/RES/48/114"},
    {CG_KIND_SYMBOL, "doc:notes/a", ""},
    {CG_KIND_SYMBOL, "A/78/7 x\"", "https://undocs.org/A/78/7%20x%22"},
    {CG_KIND_ICJ, "icj:180:order:2023-11-17", "https://www.icj-cij.org/case/180"},
    {CG_KIND_ICJ, "icj::order:2021-12-07", "https://www.icj-cij.org/list-of-all-cases"},
    {CG_KIND_ICJ, "icj:x1:order:2021-12-07", ""},
    {CG_KIND_URL, "https://www.un.org/en/a?b=1&c=2", "https://www.un.org/en/a?b=1&c=2"},
    {CG_KIND_URL, "javascript:alert(1)", ""},
    {CG_KIND_URL, "https://a.org/\"><script>", ""},
    {CG_KIND_OTHER, "echr:13216/05:judgment:2015-06-16",
     "https://hudoc.echr.coe.int/eng#%7B%22appno%22:%5B%2213216/05%22%5D%7D"},
    {CG_KIND_OTHER, "oic:res:10/49-POL", ""},
};

START_TEST(test_link_url)
{
    char url[CG_LINK_MAX];
    int got = cg_link_url(links[_i].kind, links[_i].id, url, sizeof url);
    ck_assert_int_eq(got, links[_i].url[0] != '\0');
    ck_assert_str_eq(url, links[_i].url);
}
END_TEST

START_TEST(test_link_url_short_buffer)
{
    char url[12];
    ck_assert_int_eq(cg_link_url(CG_KIND_SYMBOL, "A/78/738", url, sizeof url), 0);
    ck_assert_int_eq(cg_link_url(CG_KIND_SYMBOL, "A/78/738", url, 0), 0);
}
END_TEST

START_TEST(test_html_escape)
{
    cg_buf out = {0};
    const char s[] = "a<b>&\"c'\x01\n\td";
    ck_assert_int_eq(cg_html_put_escaped(&out, s, sizeof s - 1), CG_OK);
    ck_assert_str_eq(out.data, "a&lt;b&gt;&amp;&quot;c&#39; \n\td");
    cg_buf_free(&out);
}
END_TEST

/* The annotated page of s. */
static char *annotate(const char *s, int use_raw)
{
    cg_refs refs = {0};
    cg_docid self = {"doc:t", ""};
    cg_text text = unit_extract(s, &self, &refs);
    cg_buf out = {0};
    ck_assert_int_eq(cg_annotate_write(&out, "T <1>", "t.txt", &text, &refs, use_raw), CG_OK);
    cg_text_free(&text);
    cg_refs_free(&refs);
    return out.data;
}

START_TEST(test_annotate)
{
    char *html = annotate("See resolution 853 (1993) & <b>A/78/738</b>.\n\n"
                          "\xC2\xB9 S/2023/826, para. 2.\n\xC2\xB2 Ibid., para. 4.\n", 1);
    ck_assert_ptr_nonnull(strstr(html, "<title>T &lt;1&gt;</title>"));
    ck_assert_ptr_nonnull(strstr(html, "<a class=\"ref k-resolution\" href=\"https://undocs.org/"
                                       "S/RES/853(1993)\" title=\"S/RES/853 (1993) (resolution)\">"
                                       "resolution 853 (1993)</a> &amp; &lt;b&gt;"));
    ck_assert_ptr_nonnull(strstr(html, "href=\"https://undocs.org/A/78/738\""));
    /* the footnotes: set apart, with their numbers; Ibid. linked to its target */
    ck_assert_ptr_nonnull(strstr(html, "<p class=\"note\">\xC2\xB9 <a class=\"ref k-symbol\""));
    ck_assert_ptr_nonnull(strstr(html, "<a class=\"ref k-symbol via\" href=\"https://undocs.org/"
                                       "S/2023/826\" title=\"S/2023/826 (symbol, by Ibid.); para. 4\">"
                                       "Ibid.</a>"));
    ck_assert_ptr_null(strstr(html, "<b>"));
    ck_assert_ptr_nonnull(strstr(html, "</html>\n"));
    cg_free(html);
}
END_TEST

START_TEST(test_annotate_empty)
{
    char *html = annotate("", 0);
    ck_assert_ptr_nonnull(strstr(html, "0 references"));
    ck_assert_ptr_null(strstr(html, "<p>"));
    cg_free(html);
}
END_TEST

START_TEST(test_annotate_nomem)
{
    cg_refs refs = {0};
    cg_docid self = {"doc:t", ""};
    cg_text text = unit_extract("See A/78/738 and S/RES/853 (1993).\n", &self, &refs);
    for (long n = 1; n < 40; n++) {
        cg_buf out = {0};
        cg_alloc_fail_after(n);
        cg_status st = cg_annotate_write(&out, "t", "t", &text, &refs, 1);
        cg_alloc_fail_after(0);
        ck_assert(st == CG_OK || st == CG_ENOMEM);
        cg_buf_free(&out);
    }
    cg_text_free(&text);
    cg_refs_free(&refs);
}
END_TEST

static Suite *html_suite(void)
{
    Suite *s = suite_create("html");
    TCase *tc = tcase_create("links");
    tcase_add_loop_test(tc, test_link_url, 0, (int)(sizeof links / sizeof links[0]));
    tcase_add_test(tc, test_link_url_short_buffer);
    tcase_add_test(tc, test_html_escape);
    suite_add_tcase(s, tc);
    tc = tcase_create("annotate");
    tcase_add_test(tc, test_annotate);
    tcase_add_test(tc, test_annotate_empty);
    tcase_add_test(tc, test_annotate_nomem);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_MAIN(html_suite)
