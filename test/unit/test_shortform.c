/* Unit suite of the short forms and the context rules of the ref module:
 * Ibid., defined terms, pinpoints and the ICJ case taken from the text
 * around a decision; the footnotes found from the lines around a place
 * the same as from the whole table of them.  Each row: a text and the references expected, as
 * target, then "~via" when reached through a short form, "@pinpoint"
 * when one is written, "!" when marked ambiguous; '|' between them. */
#include "unit.h"

#include "../../src/ref/internal.h"

typedef struct form_case {
    const char *name;
    const char *text;
    const char *want;
} form_case;

static const form_case cases[] = {
    {"ibid after a footnote with a reference",
     "Body.\n\n¹ S/2023/826, annex.\n\n² Ibid., page 4, para. 3.\n",
     "S/2023/826@annex|S/2023/826~ibid@page 4, para. 3"},
    {"ibid after a footnote without one: no reference",
     "¹ S/2023/1.\n\n² Official Records, p. 3.\n\n³ Ibid., para. 2.\n", "S/2023/1"},
    {"ibid after a footnote citing several: the last, ambiguous",
     "¹ S/2023/1; S/2023/2.\n\n² Ibid.\n", "S/2023/1|S/2023/2|S/2023/2~ibid!"},
    {"ibid after ibid, Markdown notes",
     "[^1]: A/78/1.\n\n[^2]: Ibid., para. 2.\n\n[^3]: *Ibid.*\n",
     "A/78/1|A/78/1~ibid@para. 2|A/78/1~ibid"},
    {"ibid naming another part of a publication: no reference",
     "¹ See Official Records, documents S/1790 and S/1824.\n\n² Ibid., Fourth Year, Special Supplement No. 1.\n",
     "S/1790|S/1824"},
    {"ibid followed by its own symbol",
     "<sup>1</sup> A/78/1.\n\n<sup>2</sup> Ibid., document S/13802.\n", "A/78/1|S/13802"},
    {"ibid in the body: the reference before it in the paragraph",
     "as set out in S/2012/43 (ibid., para. 27).", "S/2012/43|S/2012/43~ibid@para. 27"},
    {"ibid in the body of another paragraph: no reference",
     "See S/2012/43.\n\nThe team reported (ibid., para. 27).", "S/2012/43"},
    {"ibid with nothing before it", "Ibid., para. 3.", ""},
    {"ibid in pdftotext footnotes",
     "Text.\n\n         10\n            CAT/C/SVN/CO/3, para. 23. See also CRC/C/SVN/CO/3-4, para. 79.\n"
     "         11\n            Ibid., para. 79.\n         12\n            Ibid., para. 70(e).\n",
     "CAT/C/SVN/CO/3@para. 23|CRC/C/SVN/CO/3-4@para. 79|CRC/C/SVN/CO/3-4~ibid@para. 79!|"
     "CRC/C/SVN/CO/3-4~ibid@para. 70(e)"},
    {"a defined term with a pinpoint",
     "¹ S/2023/826 (hereinafter referred to as “Report”).\n\n² Report, page 2, para. 2.\n\n³ Ibid., page 4.\n",
     "S/2023/826|S/2023/826~term@page 2, para. 2|S/2023/826~ibid@page 4"},
    {"a term used before its definition: no reference",
     "Report, page 2.¹\n\n¹ S/2023/826 (hereinafter “Report”).\n", "S/2023/826"},
    {"a term without a pinpoint in the body: no reference",
     "S/2023/826 (the “Report”). The Report says so.", "S/2023/826"},
    {"a term in a title: no reference",
     "¹ S/2023/826 (hereinafter “Report”).\n\n² M. Shaw, Report on war crimes, 2023.\n", "S/2023/826"},
    {"a term alone as a footnote's citation",
     "¹ A/50/790 (the “Agreement”).\n\n² See the Agreement.\n", "A/50/790|A/50/790~term"},
    {"pinpoints of written-out references",
     "A/71/880-S/2017/316, annex, para. 76. A/HRC/18/33/Add.2, paras. 58 (h), 61 and 64 (a) and (c).",
     "A/71/880@annex, para. 76|A/HRC/18/33/Add.2@paras. 58 (h), 61 and 64 (a) and (c)"},
    {"icj: ibid keeps the case of the footnote before",
     "<sup>5</sup> *Application of the International Convention on the Elimination of All Forms of "
     "Racial Discrimination (Armenia v. Azerbaijan)*. Provisional Measures, Order of the International "
     "Court of Justice of 7 December 2021, para. 60.\n\n<sup>6</sup> *Ibid.*, Order of the "
     "International Court of Justice of 22 February 2023.\n",
     "icj:180:order:2021-12-07@para. 60|icj:180:order:2023-02-22~ibid"},
    {"icj: proceedings instituted by one party against the other",
     "the proceedings instituted by Azerbaijan against Armenia in the International Court of Justice, "
     "and the measures delivered by the Court in its order of 7 December 2021 in respect of Armenia.",
     "icj:181:order:2021-12-07"},
    {"icj: the measures requested by a party",
     "As to the orders of the International Court of Justice of 22 February 2023, Mr. Mendez omits "
     "that the Court rejected two of the three measures requested by Armenia.",
     "icj:180:order:2023-02-22"},
    {"icj: a party's request",
     "Armenia subsequently requested that the International Court of Justice modify its 22 February "
     "2023 order.",
     "icj:180:order:2023-02-22"},
    {"icj: parties of both cases: the date-level id",
     "In the proceedings instituted by Azerbaijan against Armenia, the International Court of Justice "
     "granted in its order of 7 December 2021 measures requested by Armenia.",
     "icj::order:2021-12-07"},
    {"icj: no party named: the date-level id",
     "The International Court of Justice issued its order of 7 December 2021.",
     "icj::order:2021-12-07"},
    {"icj: the footnote called from the paragraph",
     "Thus, in its order of 7 December 2021, the International Court of Justice made it clear."
     "<sup>5</sup>\n\n<sup>5</sup> *Application of the International Convention on the Elimination of "
     "All Forms of Racial Discrimination (Azerbaijan v. Armenia)*, Provisional Measures, Order of the "
     "International Court of Justice of 7 December 2021.\n",
     "icj:181:order:2021-12-07|icj:181:order:2021-12-07"},
    /* the footnote table passes over the lines of other first bytes:
     * words go on a footnote, blank lines of any white space close it */
    {"a footnote closed by a line of spaces and a tab",
     "¹ S/2023/1, see\nalso the report.\n  \t\nIbid.\n", "S/2023/1"},
    {"a footnote closed by a blank line of \\r\\n",
     "¹ S/2023/1, see\r\nalso the report.\r\n\r\nIbid.\r\n", "S/2023/1"},
    {"a footnote going on over lines of words and deep indentation",
     "¹ S/2023/1, see\nalso\n                      12 pages.\n² Ibid.\n", "S/2023/1|S/2023/1~ibid"},
    {"no footnote: ibid in a paragraph of words",
     "See S/2023/1,\nalso 12\n(ibid.).\n", "S/2023/1|S/2023/1~ibid"},
    /* and over indented lines of words, with the lines after them */
    {"indented lines of words go on a footnote, an indented blank line closes it",
     "¹ S/2023/1, see\n    also the report.\n\f   more words.\n    \nIbid.\n", "S/2023/1"},
    {"ibid in the body after an unresolved one in a footnote: no reference",
     "See S/2023/1 and\n¹ Ibid., Fourth Year.\n\nText (ibid.).\n", "S/2023/1"},
    {"ibid at a footnote's start after body text: the footnote before",
     "¹ S/2023/1.\n\nBody S/2023/2 text.\n\n² Ibid.\n", "S/2023/1|S/2023/2|S/2023/1~ibid"},
    {"ibid after a term made in the footnote before",
     "¹ A/50/790 (the “Agreement”).\n\n² S/2023/1; Agreement, para. 2.\n\n³ Ibid.\n",
     "A/50/790|S/2023/1|A/50/790~term@para. 2|A/50/790~ibid!"},
    {"indented lines of words before pdftotext footnotes",
     "Body text.\n      indented words.\n\t words\n         1\n            S/2023/1, para. 2.\n"
     "         2\n            Ibid., para. 3.\n",
     "S/2023/1@para. 2|S/2023/1~ibid@para. 3"},
};

/* The references of refs in the notation of the table. */
static void describe(const cg_refs *refs, char *out, size_t outlen)
{
    out[0] = '\0';
    for (size_t i = 0; i < refs->n; i++) {
        const cg_ref *r = &refs->items[i];
        size_t n = strlen(out);
        const char *pin = cg_refs_pinpoint(refs, r);
        snprintf(out + n, outlen - n, "%s%s%s%s%s%s%s", i ? "|" : "", cg_refs_target(refs, r),
                 r->via ? "~" : "", cg_via_name(r->via), *pin ? "@" : "", pin,
                 (r->flags & CG_REF_AMBIGUOUS) ? "!" : "");
    }
}

START_TEST(test_short_forms)
{
    const form_case *c = &cases[_i];
    cg_refs refs = {0};
    cg_text text = unit_extract(c->text, NULL, &refs);
    char got[4096];
    describe(&refs, got, sizeof got);
    ck_assert_msg(strcmp(got, c->want) == 0, "%s: got \"%s\", want \"%s\"", c->name, got, c->want);
    cg_refs_free(&refs);
    cg_text_free(&text);
}
END_TEST

START_TEST(test_context_flags)
{
    cg_refs refs = {0};
    cg_text text = unit_extract(cases[17].text, NULL, &refs);
    ck_assert_uint_eq(refs.n, 1);
    ck_assert(refs.items[0].flags & CG_REF_CASE_CONTEXT);
    ck_assert(!(refs.items[0].flags & CG_REF_CASE_INFERRED));
    cg_refs_free(&refs);
    cg_text_free(&text);
}
END_TEST

START_TEST(test_many_ibids_linear)
{
    /* 10^5 consecutive footnotes of "Ibid.": every one resolves, in linear time */
    size_t n = 100000;
    cg_buf b = {0};
    ck_assert_int_eq(cg_buf_puts(&b, "[^1]: A/78/1.\n\n"), CG_OK);
    for (size_t i = 2; i <= n; i++)
        ck_assert_int_eq(cg_buf_printf(&b, "[^%zu]: Ibid.\n\n", i), CG_OK);
    cg_refs refs = {0};
    cg_text text = unit_extract(b.data, NULL, &refs);
    ck_assert_uint_eq(refs.n, n);
    ck_assert_str_eq(cg_refs_target(&refs, &refs.items[n - 1]), "A/78/1");
    cg_refs_free(&refs);
    cg_text_free(&text);
    cg_buf_free(&b);
}
END_TEST

START_TEST(test_short_forms_at_every_offset)
{
    /* the searches for Ibid. and terms go sixteen and thirty-two bytes at
     * a time: a short form at every offset, and at the very end */
    for (int k = 0; k < 80; k++) {
        char text[512];
        int n = snprintf(text, sizeof text, "See S/2023/1 (the \"Report\") %*s (ibid., para. 2). Report, "
                         "para. 3", k, "");
        ck_assert(n > 0 && (size_t)n < sizeof text);
        cg_refs refs = {0};
        cg_text t = unit_extract(text, NULL, &refs);
        ck_assert_msg(refs.n == 3, "offset %d: %zu references", k, refs.n);
        ck_assert_int_eq(refs.items[1].via, CG_VIA_IBID);
        ck_assert_int_eq(refs.items[2].via, CG_VIA_TERM);
        cg_refs_free(&refs);
        cg_text_free(&t);
        text[n - 15] = '\0'; /* "... para. 2). Report" ends the text */
        t = unit_extract(text, NULL, &refs);
        ck_assert_msg(refs.n == 2, "offset %d, term at the end: %zu references", k, refs.n);
        cg_refs_free(&refs);
        cg_text_free(&t);
    }
}
END_TEST

START_TEST(test_many_terms_linear)
{
    /* 20,000 documents' worth of definitions and uses in one text: each
     * use refers to the definition just before it; linear (a search from
     * every definition to the end would take minutes) */
    size_t n = 20000;
    cg_buf b = {0};
    for (size_t i = 1; i <= n; i++)
        ck_assert_int_eq(cg_buf_printf(&b, "[^%zu]: S/2023/%zu (hereinafter \"Report\").\n\n"
                                           "[^%zu]: Report, para. 1.\n\n", 2 * i - 1, i, 2 * i),
                         CG_OK);
    cg_refs refs = {0};
    cg_text text = unit_extract(b.data, NULL, &refs);
    ck_assert_uint_eq(refs.n, 2 * n);
    ck_assert_str_eq(cg_refs_target(&refs, &refs.items[2 * n - 1]), "S/2023/20000");
    ck_assert_int_eq(refs.items[2 * n - 1].via, CG_VIA_TERM);
    cg_refs_free(&refs);
    cg_text_free(&text);
    cg_buf_free(&b);
}
END_TEST

START_TEST(test_many_decisions_linear)
{
    /* 50,000 decisions of a date two cases share, each with its footnote:
     * each footnote is found without a scan of every reference */
    size_t n = 50000;
    cg_buf b = {0};
    for (size_t i = 1; i <= n; i++)
        ck_assert_int_eq(cg_buf_printf(&b, "The International Court of Justice, in its order of "
                                           "7 December 2021, said so.[^%zu]\n\n[^%zu]: *Application of "
                                           "the International Convention on the Elimination of All "
                                           "Forms of Racial Discrimination (Armenia v. Azerbaijan)*, "
                                           "Order of 7 December 2021.\n\n", i, i),
                         CG_OK);
    cg_refs refs = {0};
    cg_text text = unit_extract(b.data, NULL, &refs);
    ck_assert_uint_eq(refs.n, 2 * n);
    ck_assert_str_eq(cg_refs_target(&refs, &refs.items[2 * n - 2]), "icj:180:order:2021-12-07");
    cg_refs_free(&refs);
    cg_text_free(&text);
    cg_buf_free(&b);
}
END_TEST

/* Texts of footnotes of every kind, with markup that the clean text drops. */
static const char *const note_texts[] = {
    "Body.\n\n¹ S/2023/826, annex.\n\n² Ibid., page 4.\n³ More\nlines.\n  \t\nAfter.\n",
    "[^1]: A/78/1.\n\n[^2]: *Ibid.*, **para.** 2.\n[^3]: x\r\n\r\nText[^3] and <sup>4</sup>.\n",
    "<sup>1</sup> A/78/1.\n<SUP>2</SUP> Ibid.\n\n<sup>3</sup>\n",
    "Text.\n\n         10\n            CAT/C/SVN/CO/3, para. 23.\n         11\n            Ibid.\n"
    "         12\n         13\n              x\n\f 14\n                 y\n12\n",
    "¹²³ deep\n                      12 pages.\n⁴⁵ Ibid.\n\n¹\n² \n³x\n",
};

START_TEST(test_notes_local_as_table)
{
    const char *src = note_texts[_i];
    cg_text text;
    cg_error err;
    cg_error_clear(&err);
    ck_assert_int_eq(cg_text_from_bytes(&text, src, strlen(src), CG_MARKUP_PLAIN, "test", &err),
                     CG_OK);
    notes local, table;
    notes_init(&local, &text);
    notes_init(&table, &text);
    ck_assert_int_eq(notes_use_table(&table), CG_OK);
    ck_assert_uint_gt(table.n, 0);
    for (size_t off = 0; off <= text.clean_len; off++) {
        note a, b;
        int in = notes_at(&local, off, &a);
        ck_assert_int_eq(in, notes_at(&table, off, &b));
        if (in) {
            ck_assert_uint_eq(a.start, b.start);
            ck_assert_uint_eq(a.line, b.line);
            ck_assert_int_eq(a.number, b.number);
            note pa, pb;
            int before = notes_before(&local, &a, &pa);
            ck_assert_int_eq(before, notes_before(&table, &b, &pb));
            if (before)
                ck_assert(pa.start == pb.start && pa.end == pb.end && pa.line == pb.line &&
                          pa.number == pb.number);
        }
        for (long number = 0; number < 16; number++) {
            int found = notes_numbered(&local, number, off, &a);
            ck_assert_int_eq(found, notes_numbered(&table, number, off, &b));
            if (found)
                ck_assert(a.start == b.start && a.end == b.end && a.line == b.line);
        }
        local.spent = 0; /* the local searches only */
    }
    notes_free(&local);
    notes_free(&table);
    cg_text_free(&text);
}
END_TEST

/* The first occurrence by the plain definition. */
static const char *first_occurrence(const char *p, const char *end, const char *needle, size_t n)
{
    for (; n > 0 && (size_t)(end - p) >= n; p++)
        if (memcmp(p, needle, n) == 0)
            return p;
    return NULL;
}

/* The byte search finds the same at every width the processor runs, in
 * texts of a few letters (many near misses), from every start, with the
 * needle at the ends of blocks and of the text. */
START_TEST(test_find_bytes_widths)
{
    static const char *const needles[] = {"bid", "ib", "Report", "aab", "b", "zq"};
    static const unsigned widths[] = {1, 16, 32, 64};
    unsigned long state = 99;
    for (int round = 0; round < 400; round++) {
        char text[300];
        size_t len = (size_t)(round % 150) + (size_t)(round / 150) * 70;
        for (size_t i = 0; i < len; i++) {
            state = state * 6364136223846793005UL + 1442695040888963407UL;
            text[i] = "abid ReportzqI"[(state >> 33) % 14];
        }
        char *buf = malloc(len ? len : 1); /* exactly len bytes: a read past is caught */
        ck_assert_ptr_nonnull(buf);
        memcpy(buf, text, len);
        for (size_t k = 0; k < sizeof needles / sizeof needles[0]; k++) {
            size_t n = strlen(needles[k]);
            for (size_t from = 0; from <= len; from += 1 + (size_t)round % 7) {
                const char *want = first_occurrence(buf + from, buf + len, needles[k], n);
                for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
                    if (widths[w] > find_bytes_widest())
                        continue;
                    const char *got =
                        find_bytes_width(buf + from, buf + len, needles[k], n, widths[w]);
                    ck_assert_msg(got == want, "\"%s\" from %zu of %zu, width %u: %td, %td expected",
                                  needles[k], from, len, widths[w], got ? got - buf : -1,
                                  want ? want - buf : -1);
                }
            }
        }
        free(buf);
    }
}
END_TEST

static Suite *shortform_suite(void)
{
    Suite *s = suite_create("shortform");
    TCase *tc = tcase_create("short forms");
    tcase_add_loop_test(tc, test_short_forms, 0, (int)(sizeof cases / sizeof cases[0]));
    tcase_add_test(tc, test_context_flags);
    tcase_add_test(tc, test_many_ibids_linear);
    tcase_add_test(tc, test_short_forms_at_every_offset);
    tcase_add_test(tc, test_many_terms_linear);
    tcase_add_test(tc, test_many_decisions_linear);
    tcase_add_loop_test(tc, test_notes_local_as_table, 0,
                        (int)(sizeof note_texts / sizeof note_texts[0]));
    tcase_add_test(tc, test_find_bytes_widths);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_MAIN(shortform_suite)
