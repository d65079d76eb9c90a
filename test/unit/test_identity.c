/* Unit suite for document identity: the masthead description, the
 * descriptions of dated letters paired with symbols, author folding,
 * and the corpus-wide resolution with its refusals. */
#include "unit.h"

static cg_text load(const char *s)
{
    cg_text text;
    cg_error err;
    cg_error_clear(&err);
    ck_assert_int_eq(cg_text_from_bytes(&text, s, strlen(s), CG_MARKUP_PLAIN, "t", &err), CG_OK);
    return text;
}

START_TEST(test_describe_pdftotext)
{
    cg_text t = load("               United Nations                                        A/HRC/14/15\n"
                     "               General Assembly                        Distr.: General\n"
                     "                                                       15 March 2010\n"
                     "                                                       Original: English\n"
                     "\n"
                     "Human Rights Council\n"
                     "Fourteenth session\n"
                     "Agenda item 6\n"
                     "Letter dated 1 March 2010 from the Chargé d'affaires a.i. of the\n"
                     "Permanent Mission of Slovenia to the United Nations Office at Geneva\n"
                     "addressed to the President of the Human Rights Council\n"
                     "The body of the letter.\n");
    cg_docdesc d;
    cg_describe(unit_registry(), &t, &d);
    ck_assert_str_eq(d.date, "2010-03-15");
    ck_assert_str_eq(d.organ, "General Assembly; Human Rights Council");
    ck_assert_str_eq(d.session, "Fourteenth session");
    ck_assert_str_eq(d.title, "Letter dated 1 March 2010 from the Chargé d'affaires a.i. of the "
                              "Permanent Mission of Slovenia to the United Nations Office at Geneva "
                              "addressed to the President of the Human Rights Council");
    ck_assert_int_eq(d.letter_date, 20100301);
    ck_assert_str_eq(d.author, "chargé d'affaires a.i. of the permanent mission of slovenia to "
                               "the united nations office at geneva");
    cg_text_free(&t);
}
END_TEST

START_TEST(test_describe_markdown)
{
    cg_text t = load("**General Assembly  \nSecurity Council**\n\nDistr.: General  \n2 April 2025\n\n"
                     "**General Assembly  \nSeventy-ninth session**\nAgenda item 14\n"
                     "**Report of the Secretary-General on the work of the Organization**\n"
                     "**Security Council  \nEightieth year**\n\n"
                     "**Letter dated 1 April 2025 from the Permanent Representative  \n"
                     "of Azerbaijan to the United Nations addressed to the  \nSecretary-General**\n\n"
                     "I am writing in connection with the letter dated 3 March 2025.\n");
    cg_docdesc d;
    cg_describe(unit_registry(), &t, &d);
    ck_assert_str_eq(d.date, "2025-04-02");
    ck_assert_str_eq(d.organ, "General Assembly; Security Council");
    ck_assert_str_eq(d.session, "Seventy-ninth session; Eightieth year");
    ck_assert_str_eq(d.title, "Letter dated 1 April 2025 from the Permanent Representative of "
                              "Azerbaijan to the United Nations addressed to the Secretary-General");
    ck_assert_int_eq(d.letter_date, 20250401);
    ck_assert_str_eq(d.author, "permanent representative of azerbaijan");
    cg_text_free(&t);
}
END_TEST

START_TEST(test_describe_nothing)
{
    cg_text t = load("Resolution 543 (1983)\nof 29 November 1983\nThe Security Council,\n");
    cg_docdesc d;
    cg_describe(unit_registry(), &t, &d);
    ck_assert_str_eq(d.date, "");
    ck_assert_str_eq(d.title, "");
    ck_assert_str_eq(d.organ, "");
    ck_assert_int_eq(d.letter_date, 0);
    cg_text_free(&t);
    t = load("");
    cg_describe(unit_registry(), &t, &d);
    ck_assert_str_eq(d.title, "");
    cg_text_free(&t);
}
END_TEST

typedef struct found {
    cg_described d[8];
    int n;
} found;

static int collect(const cg_described *d, void *ctx)
{
    found *f = ctx;
    if (f->n < 8)
        f->d[f->n++] = *d;
    return 0;
}

static const struct described_case {
    const char *text;
    int n;
    long date0, date1;
    const char *id0, *aliases0, *id1, *author;
} described_cases[] = {
    {"see the letters dated 5 December 2023 and 8 February 2024 from the Permanent Representative "
     "of Azerbaijan to the United Nations addressed to the Secretary-General (A/78/636-S/2023/960 "
     "and A/78/764), with footnotes 10 and 4, respectively",
     2, 20231205, 20240208, "A/78/636", "S/2023/960", "A/78/764", "permanent representative of azerbaijan"},
    {"Letter dated 21 November 2023 from the Permanent Representative of Azerbaijan to the United\n"
     "Nations addressed to the Secretary-General, A/78/609-S/2023/900.",
     1, 20231121, 0, "A/78/609", "S/2023/900", NULL, "permanent representative of azerbaijan"},
    {"The letters dated 12 and 27 July 2023 from the Minister for Foreign Affairs of Armenia "
     "(A/77/968 and A/77/980) say so.",
     2, 20230712, 20230727, "A/77/968", "", "A/77/980", "minister for foreign affairs of armenia"},
    {"a note verbale dated 3 May 2021 from the Permanent Mission of Chile (S/2021/430)",
     1, 20210503, 0, "S/2021/430", "", NULL, "permanent mission of chile"},
    /* refusals: dates and symbols do not pair; no symbol; no author; a resolution */
    {"the letters dated 5 December 2023 and 8 February 2024 from the Permanent Representative "
     "of Azerbaijan (A/78/764)", 0, 0, 0, NULL, NULL, NULL, NULL},
    {"the letter dated 5 December 2023 from the Permanent Representative of Azerbaijan was read.",
     0, 0, 0, NULL, NULL, NULL, NULL},
    {"the letter dated 5 December 2023 (A/78/636)", 0, 0, 0, NULL, NULL, NULL, NULL},
    {"the letter dated 5 December 2023 from the President (resolution 2334 (2016))", 0, 0, 0,
     NULL, NULL, NULL, NULL},
    {"a report dated 5 December 2023 from the Secretary-General (A/78/1)", 0, 0, 0, NULL, NULL,
     NULL, NULL},
    {"dated", 0, 0, 0, NULL, NULL, NULL, NULL},
};

START_TEST(test_find_described)
{
    const struct described_case *c = &described_cases[_i];
    cg_text t = load(c->text);
    found f = {.n = 0};
    cg_find_described(unit_registry(), &t, collect, &f);
    ck_assert_int_eq(f.n, c->n);
    if (c->n >= 1) {
        ck_assert_int_eq(f.d[0].date, c->date0);
        ck_assert_str_eq(f.d[0].id, c->id0);
        ck_assert_str_eq(f.d[0].aliases, c->aliases0);
        ck_assert_str_eq(f.d[0].author, c->author);
    }
    if (c->n >= 2) {
        ck_assert_int_eq(f.d[1].date, c->date1);
        ck_assert_str_eq(f.d[1].id, c->id1);
        ck_assert_str_eq(f.d[1].author, c->author);
    }
    cg_text_free(&t);
}
END_TEST

START_TEST(test_author_key)
{
    char out[64];
    const char *s = "the  Permanent\nRepresentative of X to the United Nations";
    cg_author_key(s, s + strlen(s), out, sizeof out);
    ck_assert_str_eq(out, "permanent representative of x");
    s = "Permanent Representative of a country with a very long name indeed, longer than out";
    cg_author_key(s, s + strlen(s), out, sizeof out);
    ck_assert_uint_lt(strlen(out), sizeof out);
}
END_TEST

/* The identity of document i of t (a static copy). */
static const cg_identity *get(const cg_identities *t, size_t i)
{
    static cg_identity who;
    ck_assert(cg_identities_get(t, i, &who));
    return &who;
}

/* A corpus of texts given by name; ids resolved. */
static cg_identities *identify(const char *const *names, const char *const *texts, size_t n)
{
    cg_identities *t = cg_identities_new(n);
    ck_assert_ptr_nonnull(t);
    for (size_t i = 0; i < n; i++) {
        cg_text text = load(texts[i]);
        ck_assert_int_eq(cg_identities_add(t, i, unit_registry(), names[i], NULL, &text), CG_OK);
        cg_text_free(&text);
    }
    ck_assert_int_eq(cg_identities_resolve(t), CG_OK);
    return t;
}

#define LETTER(date) "Letter dated " date " from the Permanent Representative of Ruritania to the " \
                     "United Nations addressed to the Secretary-General\nText.\n"

START_TEST(test_resolve)
{
    const char *names[] = {"a.txt", "b.txt", "c.txt"};
    const char *texts[] = {
        LETTER("8 February 2024"),
        LETTER("1 April 2025") "As said in my letter dated 8 February 2024 from the Permanent "
                               "Representative of Ruritania (A/78/764-S/2024/120).\n",
        "Nothing here.\n"};
    cg_identities *t = identify(names, texts, 3);
    const cg_identity *a = get(t, 0);
    ck_assert_str_eq(a->id.id, "A/78/764");
    ck_assert_str_eq(a->id.aliases, "S/2024/120");
    ck_assert_int_eq(a->how, CG_HOW_CORPUS);
    ck_assert_str_eq(cg_how_name(a->how), "corpus");
    ck_assert_str_eq(get(t, 1)->id.id, "doc:b");
    ck_assert_int_eq(get(t, 1)->how, CG_HOW_PATH);
    ck_assert_str_eq(get(t, 2)->id.id, "doc:c");
    cg_identities_free(t);
}
END_TEST

START_TEST(test_resolve_refusals)
{
    /* two letters of one date and author: neither named */
    const char *n1[] = {"a.txt", "b.txt", "c.txt"};
    const char *t1[] = {LETTER("8 February 2024"), LETTER("8 February 2024"),
                        "the letter dated 8 February 2024 from the Permanent Representative of "
                        "Ruritania (A/78/764)\n"};
    cg_identities *t = identify(n1, t1, 3);
    ck_assert_str_eq(get(t, 0)->id.id, "doc:a");
    ck_assert_str_eq(get(t, 1)->id.id, "doc:b");
    cg_identities_free(t);
    /* documents disagree on the symbol */
    const char *t2[] = {LETTER("8 February 2024"),
                        "the letter dated 8 February 2024 from the Permanent Representative of "
                        "Ruritania (A/78/764)\n",
                        "the letter dated 8 February 2024 from the Permanent Representative of "
                        "Ruritania (A/78/765)\n"};
    t = identify(n1, t2, 3);
    ck_assert_str_eq(get(t, 0)->id.id, "doc:a");
    cg_identities_free(t);
    /* the symbol belongs to another document already (its file name) */
    const char *n3[] = {"a.txt", "A_78_764.txt"};
    const char *t3[] = {LETTER("8 February 2024"),
                        "the letter dated 8 February 2024 from the Permanent Representative of "
                        "Ruritania (A/78/764)\n"};
    t = identify(n3, t3, 2);
    ck_assert_str_eq(get(t, 0)->id.id, "doc:a");
    ck_assert_int_eq(get(t, 1)->how, CG_HOW_FILE_NAME);
    cg_identities_free(t);
    /* a document never names itself */
    const char *t4[] = {LETTER("8 February 2024") "see my letter dated 8 February 2024 from the "
                        "Permanent Representative of Ruritania (A/78/764)\n"};
    t = identify(n1, t4, 1);
    ck_assert_str_eq(get(t, 0)->id.id, "doc:a");
    cg_identities_free(t);
    /* two letters named with one symbol: neither takes it */
    const char *t5[] = {LETTER("8 February 2024"), LETTER("9 February 2024"),
                        "the letters dated 8 and 9 February 2024 from the Permanent Representative "
                        "of Ruritania (A/78/764 and A/78/764)\n"};
    t = identify(n1, t5, 3);
    ck_assert_str_eq(get(t, 0)->id.id, "doc:a");
    ck_assert_str_eq(get(t, 1)->id.id, "doc:b");
    cg_identities_free(t);
}
END_TEST

/* Readings made apart (as worker threads make them), in any order, then
 * put in the table: the same identities as cg_identities_add. */
START_TEST(test_read_then_put)
{
    const char *names[] = {"a.txt", "b.txt"};
    const char *texts[] = {LETTER("8 February 2024"),
                           "Nothing of mine.\nAs said in the letter dated 8 February 2024 from "
                           "the Permanent Representative of Ruritania (A/78/764-S/2024/120).\n"};
    cg_doc_reading r[2];
    for (size_t k = 2; k-- > 0;) {
        cg_text text = load(texts[k]);
        ck_assert_int_eq(cg_doc_read(unit_registry(), names[k], NULL, &text, &r[k]), CG_OK);
        cg_text_free(&text);
    }
    ck_assert_uint_eq(r[0].nclaims, 0);
    ck_assert_uint_eq(r[1].nclaims, 1);
    ck_assert_int_eq(r[1].claims[0].date, 20240208);
    ck_assert_str_eq(r[1].claims[0].id, "A/78/764");
    ck_assert_str_eq(r[0].self.id.id, "doc:a");
    ck_assert_int_eq(r[0].self.how, CG_HOW_PATH);
    cg_identities *t = cg_identities_new(2);
    ck_assert_ptr_nonnull(t);
    ck_assert_int_eq(cg_identities_put(t, 2, &r[0]), CG_EUSAGE);
    for (size_t k = 0; k < 2; k++) {
        ck_assert_int_eq(cg_identities_put(t, k, &r[k]), CG_OK);
        cg_doc_reading_free(&r[k]);
        ck_assert_ptr_null(r[k].claims);
    }
    ck_assert_int_eq(cg_identities_resolve(t), CG_OK);
    ck_assert_str_eq(get(t, 0)->id.id, "A/78/764");
    ck_assert_str_eq(get(t, 0)->id.aliases, "S/2024/120");
    ck_assert_int_eq(get(t, 0)->how, CG_HOW_CORPUS);
    ck_assert_str_eq(get(t, 1)->id.id, "doc:b");
    cg_identities_free(t);
}
END_TEST

START_TEST(test_manifest_wins)
{
    cg_manifest m;
    cg_error err;
    const char *yaml = "documents:\n  a.txt:\n    symbol: [A_78_1, S/2024/1]\n    title: Mine\n"
                       "    date: 2024-01-02\n    colour: blue\n";
    cg_error_clear(&err);
    ck_assert_int_eq(cg_manifest_parse(&m, yaml, strlen(yaml), "m.yaml", "", &err), CG_OK);
    cg_identities *t = cg_identities_new(1);
    cg_text text = load(LETTER("8 February 2024"));
    ck_assert_int_eq(cg_identities_add(t, 0, unit_registry(), "a.txt",
                                       cg_manifest_find(&m, "a.txt", "a.txt"), &text), CG_OK);
    ck_assert_int_eq(cg_identities_resolve(t), CG_OK);
    const cg_identity *a = get(t, 0);
    ck_assert_int_eq(a->how, CG_HOW_MANIFEST);
    ck_assert_str_eq(a->id.id, "A_78_1"); /* not a symbol: kept as written */
    ck_assert_str_eq(a->id.aliases, "S/2024/1");
    ck_assert_str_eq(a->desc.title, "Mine");
    ck_assert_str_eq(a->desc.date, "2024-01-02");
    ck_assert_str_eq(a->entry->attrs[0].value, "blue");
    cg_text_free(&text);
    cg_identities_free(t);
    cg_manifest_free(&m);
}
END_TEST

static Suite *identity_suite(void)
{
    Suite *s = suite_create("identity");
    TCase *tc = tcase_create("identity");
    tcase_add_test(tc, test_describe_pdftotext);
    tcase_add_test(tc, test_describe_markdown);
    tcase_add_test(tc, test_describe_nothing);
    tcase_add_loop_test(tc, test_find_described, 0,
                        (int)(sizeof described_cases / sizeof described_cases[0]));
    tcase_add_test(tc, test_author_key);
    tcase_add_test(tc, test_resolve);
    tcase_add_test(tc, test_resolve_refusals);
    tcase_add_test(tc, test_manifest_wins);
    tcase_add_test(tc, test_read_then_put);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_MAIN(identity_suite)
