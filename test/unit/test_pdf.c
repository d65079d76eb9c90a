/* PDF input (src/input/pdf.c) on small files of test/pdf/: footnote.pdf
 * is a two-page report written by hand (its symbol as masthead and as
 * running header of page 2 with "Page 2", a job number, date stamp and
 * bar code in the footers, a footnote mark raised after a sentence and
 * its footnote at the foot of page 1); scanned.pdf is a page with a
 * grey rectangle and no text, as a scanner makes it. */
#include "unit.h"

static cg_status load(cg_text *text, const char *path, cg_error *err)
{
    cg_error_clear(err);
    return cg_text_load(text, path, CG_MARKUP_PDF, err);
}

START_TEST(test_pdf_text)
{
    cg_text text;
    cg_error err;
    ck_assert_int_eq(load(&text, "test/pdf/footnote.pdf", &err), CG_OK);
    ck_assert_str_eq(text.raw, "S/2023/999\n\n"
                               "1. The Council took note of the report of the Secretary-General.\xC2\xB9\n"
                               "It recalled its resolution 853 (1993).\n\n"
                               "\xC2\xB9 S/2023/826, para. 2.\n\n"
                               "2. The Council recalled A/78/738.\n\n");
    /* the footnote marks are not part of the clean text */
    ck_assert_ptr_nonnull(strstr(text.clean, "Secretary-General.\n"));
    cg_text_free(&text);
}
END_TEST

/* Each allocation of the PDF path made to fail in turn: the load reports
 * CG_ENOMEM and releases everything, or succeeds with the whole text. */
START_TEST(test_pdf_nomem)
{
    cg_text whole, text;
    cg_error err;
    ck_assert_int_eq(load(&whole, "test/pdf/footnote.pdf", &err), CG_OK);
    long failed = 0;
    for (long n = 1;; n++) {
        cg_alloc_fail_after(n);
        cg_status st = load(&text, "test/pdf/footnote.pdf", &err);
        int hit = cg_alloc_fail_pending() == 0;
        cg_alloc_fail_after(0);
        if (st == CG_ENOMEM) {
            ck_assert(hit);
            ck_assert_int_eq(err.status, CG_ENOMEM);
            ck_assert_str_eq(err.path, "test/pdf/footnote.pdf");
            failed++;
            continue;
        }
        ck_assert_int_eq(st, CG_OK);
        ck_assert_str_eq(text.raw, whole.raw);
        cg_text_free(&text);
        if (!hit)
            break; /* every allocation of the path has failed once */
    }
    ck_assert_int_ge(failed, 5);
    cg_text_free(&whole);
}
END_TEST

START_TEST(test_pdf_references)
{
    cg_text text;
    cg_error err;
    ck_assert_int_eq(load(&text, "test/pdf/footnote.pdf", &err), CG_OK);
    cg_docid self;
    cg_docid_from_path(unit_registry(), "footnote.pdf", &self);
    ck_assert_int_eq(cg_docid_from_masthead(unit_registry(), &text, &self), 1);
    ck_assert_str_eq(self.id, "S/2023/999");
    cg_extractor *ex = cg_extractor_new(unit_registry());
    cg_refs refs = {0};
    ck_assert_int_eq(cg_extract(ex, &text, &self, &refs), CG_OK);
    static const char *const want[] = {"S/RES/853 (1993)", "S/2023/826", "A/78/738"};
    ck_assert_uint_eq(refs.n, 3);
    for (size_t i = 0; i < refs.n; i++)
        ck_assert_str_eq(cg_refs_target(&refs, &refs.items[i]), want[i]);
    ck_assert_str_eq(cg_refs_pinpoint(&refs, &refs.items[1]), "para. 2");
    cg_refs_free(&refs);
    cg_extractor_free(ex);
    cg_text_free(&text);
}
END_TEST

START_TEST(test_pdf_no_text_layer)
{
    cg_text text;
    cg_error err;
    ck_assert_int_eq(load(&text, "test/pdf/scanned.pdf", &err), CG_EINPUT);
    ck_assert_str_eq(err.message, "no text layer: needs OCR");
    ck_assert_str_eq(err.path, "test/pdf/scanned.pdf");
    ck_assert_ptr_null(text.raw);
}
END_TEST

START_TEST(test_pdf_errors)
{
    cg_text text;
    cg_error err;
    ck_assert_int_eq(load(&text, "test/pdf/missing.pdf", &err), CG_EIO);
    ck_assert_ptr_nonnull(strstr(err.message, "cannot read"));
    ck_assert_int_eq(load(&text, "test/pdf/S_1995_444.txt", &err), CG_EINPUT);
    ck_assert_str_eq(err.message, "not a PDF file; skipped");
    cg_error_clear(&err);
    ck_assert_int_eq(cg_text_from_bytes(&text, "%PDF-1.4", 8, CG_MARKUP_PDF, "m", &err), CG_EUSAGE);
}
END_TEST

static Suite *pdf_suite(void)
{
    Suite *s = suite_create("pdf");
    TCase *tc = tcase_create("pdf");
    tcase_add_test(tc, test_pdf_text);
    tcase_add_test(tc, test_pdf_nomem);
    tcase_add_test(tc, test_pdf_references);
    tcase_add_test(tc, test_pdf_no_text_layer);
    tcase_add_test(tc, test_pdf_errors);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_MAIN(pdf_suite)
