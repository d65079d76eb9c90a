/* Unit suite of the lex module: numbers, roman numerals, dates, words
 * and phrase matching forward and backward. */
#include "unit.h"

static const char *end_of(const char *s) { return s + strlen(s); }

/* ---- numbers ---- */

typedef struct uint_case {
    const char *s;
    int maxdigits;
    long value;  /* -1: no match */
    size_t used; /* bytes read */
} uint_case;

static const uint_case uints[] = {
    {"1234x", 4, 1234, 4},
    {"1234x", 5, 1234, 4},
    {"1234x", 3, -1, 0},   /* more digits than allowed */
    {"12345", 4, -1, 0},
    {"0", 1, 0, 1},
    {"007)", 3, 7, 3},
    {"9 9", 1, 9, 1},
    {"x12", 4, -1, 0},     /* no digits */
    {"", 4, -1, 0},
    {" 12", 4, -1, 0},
    {"2147483647", 10, 2147483647L, 10},
};

START_TEST(test_uint)
{
    const uint_case *c = &uints[_i];
    long v = -7;
    const char *e = cg_lex_uint(c->s, end_of(c->s), c->maxdigits, &v);
    if (c->value < 0) {
        ck_assert_ptr_null(e);
        ck_assert_int_eq(v, -7); /* untouched */
    } else {
        ck_assert_ptr_eq(e, c->s + c->used);
        ck_assert_int_eq(v, c->value);
    }
}
END_TEST

START_TEST(test_uint_bounded)
{
    /* end cuts the digits short: "12" of "1234" */
    long v = 0;
    const char *s = "1234";
    ck_assert_ptr_eq(cg_lex_uint(s, s + 2, 2, &v), s + 2);
    ck_assert_int_eq(v, 12);
    ck_assert_ptr_null(cg_lex_uint(s, s, 2, &v));
}
END_TEST

typedef struct roman_case {
    const char *s;
    long value; /* -1: rejected */
    size_t used;
} roman_case;

static const roman_case romans[] = {
    {"I", 1, 1},       {"IV", 4, 2},      {"IX)", 9, 2},     {"XXV", 25, 3},
    {"XXV)", 25, 3},   {"XXIX", 29, 4},   {"XLIV", 44, 4},   {"XC", 90, 2},
    {"CXC", 190, 3},   {"LXXVIII ", 78, 7}, {"XVa", -1, 0},  {"XV1", -1, 0},
    {"", -1, 0},       {"A", -1, 0},      {"xxv", -1, 0},    {"XXXXXXXXX", -1, 0},
    {"XV\xc3\xa9", -1, 0},
};

START_TEST(test_roman)
{
    const roman_case *c = &romans[_i];
    long v = -7;
    const char *e = cg_lex_roman(c->s, end_of(c->s), &v);
    if (c->value < 0) {
        ck_assert_msg(e == NULL, "\"%s\" accepted as %ld", c->s, v);
    } else {
        ck_assert_msg(e != NULL, "\"%s\" rejected", c->s);
        ck_assert_ptr_eq(e, c->s + c->used);
        ck_assert_int_eq(v, c->value);
    }
}
END_TEST

/* ---- dates ---- */

typedef struct date_case {
    const char *s;
    int no_year;
    long date;   /* -1: no match */
    size_t used; /* bytes read */
} date_case;

static const date_case dates[] = {
    {"7 December 2021", 0, 20211207, 15},
    {"7 December 2021", 1, 20211207, 15},
    {"07 December 2021,", 0, 20211207, 16},
    {"15\nDecember 1979;", 0, 19791215, 16},      /* break after the day */
    {"15 December\n  1979;", 0, 19791215, 18},    /* break before the year */
    {"1 January 1900", 0, 19000101, 14},
    {"31 May 2999", 0, 29990531, 11},
    {"22 February and", 1, 222, 11},              /* year left out */
    {"22 February and", 0, -1, 0},
    {"22 February", 1, 222, 11},
    {"22 February", 0, -1, 0},
    {"6 July 1850", 1, 706, 6},                   /* not a year of ours */
    {"6 July 1850", 0, -1, 0},
    {"6 July 20231", 1, 706, 6},
    {"32 May 2020", 0, -1, 0},
    {"0 May 2020", 0, -1, 0},
    {"123 May 2020", 0, -1, 0},
    {"7 Decembers 2021", 0, -1, 0},
    {"7 december 2021", 0, -1, 0},
    {"7December 2021", 0, -1, 0},
    {"7\n\nDecember 2021", 0, -1, 0},             /* a paragraph break is too far */
    {"7 December\n\n2021", 1, 1207, 10},
    {"7 December\n\n2021", 0, -1, 0},
    {"December 2021", 0, -1, 0},
    {"", 1, -1, 0},
};

START_TEST(test_date)
{
    const date_case *c = &dates[_i];
    long d = -7;
    const char *e = cg_lex_date(unit_registry(), c->s, end_of(c->s), c->no_year, &d);
    if (c->date < 0) {
        ck_assert_msg(e == NULL, "\"%s\" read as %ld", c->s, d);
    } else {
        ck_assert_msg(e != NULL, "\"%s\" rejected", c->s);
        ck_assert_int_eq(d, c->date);
        ck_assert_uint_eq((size_t)(e - c->s), c->used);
    }
}
END_TEST

/* ---- words and spaces ---- */

START_TEST(test_words)
{
    const char *s = "resolution 853";
    ck_assert_ptr_eq(cg_lex_word(s, end_of(s)), s + 10);
    const char *d = "853";
    ck_assert_ptr_eq(cg_lex_word(d, end_of(d)), d);
    ck_assert(cg_lex_is_word(s, end_of(s), "resolution"));
    ck_assert(!cg_lex_is_word(s, end_of(s), "resolutions"));
    ck_assert(!cg_lex_is_word(s, end_of(s), "resol"));
    const char *t = "Add.1";
    ck_assert(cg_lex_is_word(t, end_of(t), "Add"));
    const char *u = "Addendum";
    ck_assert(!cg_lex_is_word(u, end_of(u), "Add"));
    const char *v = "Add\xc3\xa9";
    ck_assert(!cg_lex_is_word(v, end_of(v), "Add")); /* a non-ASCII letter continues the word */
    ck_assert(cg_lex_is_word(u, u + 3, "Add"));      /* end stops the word */
}
END_TEST

START_TEST(test_spaces)
{
    const char *s = " \t\n\r x";
    ck_assert_ptr_eq(cg_lex_skip_space(s, end_of(s)), s + 5);
    ck_assert_ptr_eq(cg_lex_skip_space(s, s + 2), s + 2);
    const char *t = "a \n \n b";
    ck_assert_ptr_eq(cg_lex_skip_space_lines(t + 1, end_of(t), 2), t + 6);
    ck_assert_ptr_null(cg_lex_skip_space_lines(t + 1, end_of(t), 1));
    ck_assert_ptr_eq(cg_lex_skip_space_lines(t + 1, t + 3, 1), t + 3);
    ck_assert_ptr_eq(cg_lex_skip_space_lines(t, end_of(t), 0), t);
    ck_assert(cg_is_space('\v') && cg_is_space('\f') && !cg_is_space('x'));
    ck_assert(cg_is_alnum(0xC3) && cg_is_alnum('z') && !cg_is_alnum('-'));
}
END_TEST

/* ---- phrases ---- */

/* A list of "Council" (1), "Security Council" (2), "General Assembly"
 * (3), "Add." (4), sorted longest first. */
static void council_list(cg_phrases *list)
{
    memset(list, 0, sizeof *list);
    static const char *const texts[] = {"Council", "Security Council", "General Assembly", "Add."};
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(cg_phrases_add(list, texts[i], strlen(texts[i]), i + 1), CG_OK);
    cg_phrases_sort(list);
}

typedef struct match_case {
    const char *s;
    int value;    /* 0: no match */
    size_t used;
} match_case;

static const match_case matches[] = {
    {"Security Council resolution", 2, 16},
    {"Security\n  Council resolution", 2, 18},
    {"Security \r\n\tCouncil", 2, 19},
    {"Security Councils", 0, 0},     /* no shorter phrase starts here */
    {"Council resolution", 1, 7},
    {"Council", 1, 7},
    {"Councils", 0, 0},
    {"Council\xc3\xa9", 0, 0},
    {"Council's", 1, 7},
    {"Council.", 1, 7},
    {"council", 0, 0},               /* case-sensitive */
    {"SecurityCouncil", 0, 0},       /* the space is required */
    {"Security", 0, 0},
    {"General  Assembly,", 3, 17},
    {"Add.1", 4, 4},                 /* a phrase ending in punctuation */
    {"", 0, 0},
};

START_TEST(test_phrases_match)
{
    const match_case *c = &matches[_i];
    cg_phrases list;
    council_list(&list);
    const char *after = NULL;
    const cg_phrase *ph = cg_phrases_match(&list, c->s, end_of(c->s), &after);
    if (c->value == 0) {
        ck_assert_msg(ph == NULL, "\"%s\" matched \"%s\"", c->s, ph ? ph->text : "");
    } else {
        ck_assert_msg(ph != NULL, "\"%s\" not matched", c->s);
        ck_assert_int_eq(ph->value, c->value);
        ck_assert_uint_eq((size_t)(after - c->s), c->used);
    }
    cg_phrases_free(&list);
    ck_assert_ptr_null(list.items);
    ck_assert_uint_eq(list.n, 0);
}
END_TEST

typedef struct before_case {
    const char *s;
    size_t cut;   /* end = s + cut, or the whole string when 0 */
    int value;    /* 0: no match */
    size_t start;
} before_case;

static const before_case befores[] = {
    {"the Security Council", 0, 2, 4},
    {"the Security\n   Council", 0, 2, 4},
    {"Security Council", 0, 2, 0},
    {"the Council", 0, 1, 4},
    {"UNCouncil", 0, 0, 0},            /* whole word at its start */
    {"the Councils", 0, 0, 0},
    {"the Council resolution", 11, 1, 4},
    {"the Security Council", 3, 0, 0},
    {"x-Council", 0, 1, 2},
    {"", 0, 0, 0},
};

START_TEST(test_phrases_before)
{
    const before_case *c = &befores[_i];
    cg_phrases list;
    council_list(&list);
    const char *end = c->cut ? c->s + c->cut : end_of(c->s);
    const char *start = NULL;
    const cg_phrase *ph = cg_phrases_match_before(&list, c->s, end, &start);
    if (c->value == 0) {
        ck_assert_msg(ph == NULL, "\"%s\" matched \"%s\"", c->s, ph ? ph->text : "");
    } else {
        ck_assert_msg(ph != NULL, "\"%s\" not matched", c->s);
        ck_assert_int_eq(ph->value, c->value);
        ck_assert_uint_eq((size_t)(start - c->s), c->start);
    }
    cg_phrases_free(&list);
}
END_TEST

START_TEST(test_phrases_before_begin)
{
    /* begin limits how far back the match may reach */
    cg_phrases list;
    council_list(&list);
    const char *s = "the Security Council";
    const char *start = NULL;
    const cg_phrase *ph = cg_phrases_match_before(&list, s + 8, end_of(s), &start);
    ck_assert_ptr_nonnull(ph);
    ck_assert_int_eq(ph->value, 1);
    ck_assert_ptr_eq(start, s + 13);
    cg_phrases_free(&list);
}
END_TEST

START_TEST(test_phrases_sort_find)
{
    cg_phrases list;
    council_list(&list);
    ck_assert_uint_eq(list.n, 4);
    ck_assert_str_eq(list.items[0].text, "General Assembly"); /* longest first, ties by bytes */
    ck_assert_str_eq(list.items[1].text, "Security Council");
    ck_assert_str_eq(list.items[2].text, "Council");
    ck_assert_str_eq(list.items[3].text, "Add.");
    ck_assert_uint_eq(list.items[0].len, 16);
    const cg_phrase *ph = cg_phrases_find_ci(&list, "COUNCIL", 7);
    ck_assert_ptr_nonnull(ph);
    ck_assert_int_eq(ph->value, 1);
    ck_assert_ptr_null(cg_phrases_find_ci(&list, "COUNCI", 6));
    ck_assert_ptr_null(cg_phrases_find_ci(&list, "Councils", 8));
    ck_assert_ptr_nonnull(cg_phrases_find_ci(&list, "add.", 4));
    /* the length given is what is copied */
    ck_assert_int_eq(cg_phrases_add(&list, "Corr.1", 4, 9), CG_OK);
    ck_assert_str_eq(list.items[4].text, "Corr");
    ck_assert_uint_eq(list.items[4].len, 4);
    cg_phrases_free(&list);
    cg_phrases_free(&list); /* freeing twice is harmless */
}
END_TEST

/* Matching tries the phrases that may match at the point in list order:
 * added unsorted, sorted (chained by byte), then added to again. */
START_TEST(test_phrases_chains)
{
    cg_phrases list = {0};
    static const char *const texts[] = {"para", "page", "paragraph", "annex", "para."};
    for (int i = 0; i < 5; i++)
        ck_assert_int_eq(cg_phrases_add(&list, texts[i], strlen(texts[i]), i + 1), CG_OK);
    const char *after = NULL, *start = NULL;
    const char *s = "paragraph 3";
    /* unsorted: the first in list order that matches as a whole word */
    const cg_phrase *ph = cg_phrases_match(&list, s, end_of(s), &after);
    ck_assert_ptr_nonnull(ph);
    ck_assert_int_eq(ph->value, 3);
    s = "para. 3";
    ph = cg_phrases_match(&list, s, end_of(s), &after);
    ck_assert_int_eq(ph->value, 1); /* "para" before "para." */
    ck_assert_ptr_null(cg_phrases_match(&list, "xpara", end_of("xpara"), &after));
    ck_assert_ptr_null(cg_phrases_match(&list, "par", end_of("par"), &after)); /* too short */
    cg_phrases_sort(&list);
    ph = cg_phrases_match(&list, s, end_of(s), &after);
    ck_assert_int_eq(ph->value, 5); /* longest first once sorted */
    /* once sorted, the first bytes tell where nothing can match */
    ck_assert(cg_phrases_may_start(&list, 'p') && cg_phrases_may_start(&list, 'a'));
    ck_assert(!cg_phrases_may_start(&list, 'P') && !cg_phrases_may_start(&list, 'x'));
    ck_assert_uint_eq((size_t)(after - s), 5);
    ph = cg_phrases_match_before(&list, s, s + 5, &start);
    ck_assert_int_eq(ph->value, 5);
    ph = cg_phrases_match_before(&list, s, s + 4, &start);
    ck_assert_int_eq(ph->value, 1);
    /* added after sorting: tried after the chained ones */
    ck_assert_int_eq(cg_phrases_add(&list, "p.", 2, 6), CG_OK);
    ck_assert_int_eq(cg_phrases_add(&list, "pages", 5, 7), CG_OK);
    s = "p. 4";
    ph = cg_phrases_match(&list, s, end_of(s), &after);
    ck_assert_int_eq(ph->value, 6);
    ck_assert(cg_phrases_may_start(&list, 'x')); /* unchained ones may start anywhere */
    s = "pages 4";
    ph = cg_phrases_match(&list, s, end_of(s), &after);
    ck_assert_int_eq(ph->value, 7); /* "page" is not a whole word here */
    ph = cg_phrases_match_before(&list, s, s + 2, &start);
    ck_assert_ptr_null(ph);
    ph = cg_phrases_match_before(&list, "see p.", end_of("see p."), &start);
    ck_assert_int_eq(ph->value, 6);
    ck_assert_ptr_null(cg_phrases_match(&list, "", end_of(""), &after));
    cg_phrases_free(&list);
}
END_TEST

START_TEST(test_phrases_nomem)
{
    cg_phrases list = {0};
    cg_alloc_fail_after(2); /* the items grow, the copy fails */
    ck_assert_int_eq(cg_phrases_add(&list, "Council", 7, 1), CG_ENOMEM);
    ck_assert_uint_eq(list.n, 0);
    ck_assert_int_eq(cg_phrases_add(&list, "Council", 7, 1), CG_OK);
    ck_assert_uint_eq(list.n, 1);
    cg_phrases_free(&list);
    cg_alloc_fail_after(0);
}
END_TEST

START_TEST(test_registry_months)
{
    /* the bundled months, matched as the date scanner does */
    const cg_registry *reg = unit_registry();
    static const char *const names[] = {"January", "February", "March", "April", "May", "June",
                                        "July", "August", "September", "October", "November",
                                        "December"};
    for (int m = 0; m < 12; m++) {
        const char *after;
        const cg_phrase *ph = cg_phrases_match(&reg->months, names[m], end_of(names[m]), &after);
        ck_assert_msg(ph != NULL, "%s", names[m]);
        ck_assert_int_eq(ph->value, m + 1);
        ck_assert_ptr_eq(after, end_of(names[m]));
    }
}
END_TEST

/* Exact and case-blind finding through the chains, then the phrases
 * added after sorting; matching with heads and tails of eight bytes and
 * more, compared as blocks, and with spaces folded between them. */
START_TEST(test_phrases_find_blocks)
{
    cg_phrases list = {0};
    static const char *const texts[] = {"Add", "ADD", "Corr", "CONF", "A", "",
                                        "International Court of Justice", "of the",
                                        "Organizations"};
    for (int i = 0; i < 9; i++)
        ck_assert_int_eq(cg_phrases_add(&list, texts[i], strlen(texts[i]), i + 1), CG_OK);
    cg_phrases_sort(&list);
    ck_assert_int_eq(cg_phrases_add(&list, "add", 3, 20), CG_OK); /* not chained */
    ck_assert_int_eq(cg_phrases_add(&list, "Rev", 3, 21), CG_OK);
    ck_assert_int_eq(cg_phrases_find(&list, "ADD", 3)->value, 2);
    ck_assert_int_eq(cg_phrases_find(&list, "Add", 3)->value, 1);
    ck_assert_int_eq(cg_phrases_find(&list, "add", 3)->value, 20);
    ck_assert_int_eq(cg_phrases_find(&list, "Rev", 3)->value, 21);
    ck_assert_int_eq(cg_phrases_find(&list, "A", 1)->value, 5);
    ck_assert_int_eq(cg_phrases_find(&list, "", 0)->value, 6);
    ck_assert_ptr_null(cg_phrases_find(&list, "Ad", 2));
    ck_assert_ptr_null(cg_phrases_find(&list, "REV", 3));
    /* case-blind: the first in list order ("ADD" sorts before "Add") */
    ck_assert_int_eq(cg_phrases_find_ci(&list, "add", 3)->value, 2);
    ck_assert_int_eq(cg_phrases_find_ci(&list, "rev", 3)->value, 21);
    ck_assert_int_eq(cg_phrases_find_ci(&list, "conf", 4)->value, 4);
    ck_assert_int_eq(cg_phrases_find_ci(&list, "", 0)->value, 6);
    ck_assert_ptr_null(cg_phrases_find_ci(&list, "cor", 3));
    /* the walk of a byte in either case: chained in list order, then the rest */
    cg_phrases_ci_iter it;
    int order[8], n = 0;
    for (const cg_phrase *ph = cg_phrases_ci_first(&list, 'a', &it); ph && n < 8;
         ph = cg_phrases_ci_next(&list, &it))
        order[n++] = ph->value;
    ck_assert_int_eq(n, 4);
    ck_assert_int_eq(order[0], 2);
    ck_assert_int_eq(order[1], 1);
    ck_assert_int_eq(order[2], 5);
    ck_assert_int_eq(order[3], 20);
    ck_assert_ptr_null(cg_phrases_ci_first(&list, '?', &it));
    const char *after = NULL, *start = NULL;
    const char *s = "the International Court\n  of   Justice said";
    const cg_phrase *ph = cg_phrases_match(&list, s + 4, end_of(s), &after);
    ck_assert_int_eq(ph->value, 7);
    ck_assert_ptr_eq(after, s + 38);
    ph = cg_phrases_match_before(&list, s, s + 38, &start);
    ck_assert_int_eq(ph->value, 7);
    ck_assert_ptr_eq(start, s + 4);
    s = "International Court of Justices";
    ck_assert_ptr_null(cg_phrases_match(&list, s, end_of(s), &after));
    s = "Internationxl Court of Justice";
    ck_assert_ptr_null(cg_phrases_match(&list, s, end_of(s), &after));
    ck_assert_ptr_null(cg_phrases_match_before(&list, s, end_of(s), &start));
    s = "Organizations";
    ck_assert_int_eq(cg_phrases_match(&list, s, end_of(s), &after)->value, 9);
    ck_assert_int_eq(cg_phrases_match_before(&list, s, end_of(s), &start)->value, 9);
    s = "Organizationz";
    ck_assert_ptr_null(cg_phrases_match(&list, s, end_of(s), &after));
    ck_assert_ptr_null(cg_phrases_match(&list, s, s + 12, &after)); /* shorter than the phrase */
    ck_assert_ptr_null(cg_phrases_match_before(&list, s, end_of(s), &start));
    cg_phrases_free(&list);
}
END_TEST

/* Every series of the bundled registry is found by its bytes, and only
 * by all of them. */
START_TEST(test_registry_series_find)
{
    const cg_registry *reg = unit_registry();
    ck_assert_uint_gt(reg->series.n, 10);
    for (size_t i = 0; i < reg->series.n; i++) {
        const cg_phrase *want = &reg->series.items[i];
        const cg_phrase *got = cg_phrases_find(&reg->series, want->text, want->len);
        ck_assert_msg(got != NULL && got->len == want->len &&
                          memcmp(got->text, want->text, want->len) == 0,
                      "series %s", want->text);
        char longer[64];
        snprintf(longer, sizeof longer, "%sQQ", want->text);
        ck_assert_ptr_null(cg_phrases_find(&reg->series, longer, want->len + 2));
    }
}
END_TEST

static Suite *lex_suite(void)
{
    Suite *s = suite_create("lex");
    TCase *tc = tcase_create("scan");
    tcase_add_loop_test(tc, test_uint, 0, (int)(sizeof uints / sizeof uints[0]));
    tcase_add_test(tc, test_uint_bounded);
    tcase_add_loop_test(tc, test_roman, 0, (int)(sizeof romans / sizeof romans[0]));
    tcase_add_loop_test(tc, test_date, 0, (int)(sizeof dates / sizeof dates[0]));
    tcase_add_test(tc, test_words);
    tcase_add_test(tc, test_spaces);
    suite_add_tcase(s, tc);

    tc = tcase_create("phrases");
    tcase_add_loop_test(tc, test_phrases_match, 0, (int)(sizeof matches / sizeof matches[0]));
    tcase_add_loop_test(tc, test_phrases_before, 0, (int)(sizeof befores / sizeof befores[0]));
    tcase_add_test(tc, test_phrases_before_begin);
    tcase_add_test(tc, test_phrases_sort_find);
    tcase_add_test(tc, test_phrases_chains);
    tcase_add_test(tc, test_phrases_nomem);
    tcase_add_test(tc, test_registry_months);
    tcase_add_test(tc, test_phrases_find_blocks);
    tcase_add_test(tc, test_registry_series_find);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_MAIN(lex_suite)
