/* Unit suite of the lex module: numbers, roman numerals, dates, phrases. */
#include "unit.h"

static const char *end_of(const char *s) { return s + strlen(s); }

START_TEST(test_numbers)
{
    long v;
    const char *s = "1234x";
    ck_assert_ptr_eq(cg_lex_uint(s, end_of(s), 4, &v), s + 4);
    ck_assert_int_eq(v, 1234);
    ck_assert_ptr_null(cg_lex_uint(s, end_of(s), 3, &v));
    ck_assert_ptr_null(cg_lex_uint("x", end_of("x"), 3, &v));
    static const struct { const char *s; long v; } romans[] = {
        {"XXV)", 25}, {"XXIX)", 29}, {"XLIV)", 44}, {"IV", 4}};
    for (size_t i = 0; i < 4; i++) {
        ck_assert_ptr_nonnull(cg_lex_roman(romans[i].s, end_of(romans[i].s), &v));
        ck_assert_int_eq(v, romans[i].v);
    }
    ck_assert_ptr_null(cg_lex_roman("XVa", end_of("XVa"), &v));
}
END_TEST

static const struct {
    const char *s;
    int no_year;
    long date; /* -1: no match */
} dates[] = {
    {"7 December 2021", 0, 20211207},
    {"15\nDecember 1979;", 0, 19791215},
    {"22 February and", 1, 222},
    {"22 February and", 0, -1},
    {"32 May 2020", 0, -1},
    {"7 Decembers 2021", 0, -1},
};

START_TEST(test_dates)
{
    long d = 0;
    const char *s = dates[_i].s;
    const char *e = cg_lex_date(unit_registry(), s, end_of(s), dates[_i].no_year, &d);
    if (dates[_i].date < 0) {
        ck_assert_ptr_null(e);
    } else {
        ck_assert_ptr_nonnull(e);
        ck_assert_int_eq(d, dates[_i].date);
    }
}
END_TEST

START_TEST(test_phrases)
{
    cg_phrases list = {0};
    ck_assert_int_eq(cg_phrases_add(&list, "Council", 7, 1), CG_OK);
    ck_assert_int_eq(cg_phrases_add(&list, "Security Council", 16, 2), CG_OK);
    cg_phrases_sort(&list);
    const char *after, *start;
    const char *s = "Security\n   Council resolution";
    const cg_phrase *ph = cg_phrases_match(&list, s, end_of(s), &after);
    ck_assert_ptr_nonnull(ph);
    ck_assert_int_eq(ph->value, 2);
    ck_assert_str_eq(after, " resolution");
    ck_assert_ptr_null(cg_phrases_match(&list, "Councils", end_of("Councils"), &after));
    const char *t = "the Security Council";
    ph = cg_phrases_match_before(&list, t, end_of(t), &start);
    ck_assert_ptr_nonnull(ph);
    ck_assert_int_eq(ph->value, 2);
    ck_assert_ptr_eq(start, t + 4);
    ck_assert_ptr_nonnull(cg_phrases_find_ci(&list, "COUNCIL", 7));
    cg_phrases_free(&list);
}
END_TEST

static Suite *lex_suite(void)
{
    Suite *s = suite_create("lex");
    TCase *tc = tcase_create("lex");
    tcase_add_test(tc, test_numbers);
    tcase_add_loop_test(tc, test_dates, 0, (int)(sizeof dates / sizeof dates[0]));
    tcase_add_test(tc, test_phrases);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_MAIN(lex_suite)
