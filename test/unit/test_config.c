/* Unit suite of the config module: the bundled registry loads with what
 * the extractor needs; malformed registry files fail with CG_ECONFIG and
 * the file, line and column of the fault. */
#include "unit.h"

/* A temporary registry folder holding files written by a test. */
typedef struct tmp_reg {
    char dir[32];
    char paths[4][160];
    int n;
} tmp_reg;

static void tmp_reg_init(tmp_reg *t)
{
    memset(t, 0, sizeof *t);
    snprintf(t->dir, sizeof t->dir, "/tmp/cgregXXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(t->dir));
}

/* Writes text into the folder as name; returns its path. */
static const char *tmp_reg_write(tmp_reg *t, const char *name, const char *text)
{
    ck_assert_int_lt(t->n, 4);
    char full[sizeof t->paths[0]];
    snprintf(full, sizeof full, "%s/%s", t->dir, name);
    char *path = t->paths[t->n++];
    memcpy(path, full, sizeof full);
    FILE *fp = fopen(path, "w");
    ck_assert_ptr_nonnull(fp);
    fputs(text, fp);
    fclose(fp);
    return path;
}

static void tmp_reg_remove(tmp_reg *t)
{
    for (int i = 0; i < t->n; i++)
        ck_assert_int_eq(unlink(t->paths[i]), 0);
    ck_assert_int_eq(rmdir(t->dir), 0);
}

/* The smallest registry that loads: a series, a resolution word, months. */
static const char minimal[] =
    "series: [A, S]\n"
    "lexicon:\n"
    "  resolution: [resolution]\n"
    "  months: [January, February, March, April, May, June, July, August,\n"
    "           September, October, November, December]\n";

/* ---- the bundled registry ---- */

START_TEST(test_bundled)
{
    const cg_registry *reg = unit_registry();
    ck_assert_uint_eq(reg->months.n, 12);
    const cg_phrase *a = cg_phrases_find_ci(&reg->series, "A", 1);
    ck_assert_ptr_nonnull(a);
    ck_assert_str_eq(a->text, "A");
    ck_assert_ptr_nonnull(cg_phrases_find_ci(&reg->series, "S", 1));
    ck_assert_ptr_nonnull(cg_phrases_find_ci(&reg->components, "ADD", 3));
    ck_assert_uint_gt(reg->nbodies, 3);
    ck_assert_uint_gt(reg->body_names.n, reg->nbodies - 1);
    ck_assert_uint_gt(reg->resolution_words.n, 0);
    for (int f = 0; f < CG_FORM_COUNT; f++)
        ck_assert_int_lt(reg->default_body[f], (int)reg->nbodies);
    ck_assert_int_ge(reg->default_body[CG_FORM_SESSION], 0);
    /* every list sorted longest first */
    for (size_t i = 1; i < reg->body_names.n; i++)
        ck_assert_uint_ge(reg->body_names.items[i - 1].len, reg->body_names.items[i].len);
    /* the bodies the extractor names */
    static const char *const codes[] = {"security-council", "general-assembly"};
    for (size_t k = 0; k < 2; k++) {
        int found = 0;
        for (size_t i = 0; i < reg->nbodies; i++)
            found |= strcmp(reg->bodies[i].code, codes[k]) == 0;
        ck_assert_msg(found, "no body %s", codes[k]);
    }
    const char *after;
    const char *sc = "Security Council resolution";
    const cg_phrase *ph = cg_phrases_match(&reg->body_names, sc, sc + strlen(sc), &after);
    ck_assert_ptr_nonnull(ph);
    ck_assert_str_eq(reg->bodies[ph->value].code, "security-council");
    ck_assert_str_eq(reg->bodies[ph->value].resolution[CG_FORM_NUMBER_YEAR], "S/RES/{n} ({y})");
}
END_TEST

START_TEST(test_bundled_cases)
{
    const cg_registry *reg = unit_registry();
    const cg_icj_case *c = cg_registry_case(reg, 180);
    ck_assert_ptr_nonnull(c);
    ck_assert_int_eq(c->number, 180);
    ck_assert_ptr_nonnull(strstr(c->title, "Armenia v. Azerbaijan"));
    ck_assert_uint_ge(c->ndecisions, 5);
    int found = 0;
    for (size_t i = 0; i < c->ndecisions; i++)
        found |= c->decisions[i].type == CG_ICJ_ORDER && c->decisions[i].date == 20211207;
    ck_assert(found);
    c = cg_registry_case(reg, 95);
    ck_assert_ptr_nonnull(c);
    ck_assert_int_eq(c->number, 95);
    ck_assert_ptr_null(cg_registry_case(reg, 99999));
    ck_assert_ptr_null(cg_registry_case(reg, 0));
}
END_TEST

START_TEST(test_load_own)
{
    /* loading and freeing a registry of one's own, twice over */
    for (int round = 0; round < 2; round++) {
        cg_registry reg;
        cg_error err;
        cg_error_clear(&err);
        const char *dirs[] = {"data/registry"};
        const char *env = getenv("CITEGRAPH_REGISTRY");
        if (env)
            dirs[0] = env;
        ck_assert_int_eq(cg_registry_load(&reg, dirs, 1, &err), CG_OK);
        ck_assert_int_eq(err.status, CG_OK);
        ck_assert_uint_eq(reg.months.n, unit_registry()->months.n);
        ck_assert_uint_eq(reg.nbodies, unit_registry()->nbodies);
        ck_assert_uint_eq(reg.ncases, unit_registry()->ncases);
        cg_registry_free(&reg);
        ck_assert_uint_eq(reg.nbodies, 0);
        ck_assert_ptr_null(reg.bodies);
    }
}
END_TEST

START_TEST(test_minimal_and_merge)
{
    tmp_reg t;
    tmp_reg_init(&t);
    tmp_reg_write(&t, "a.yaml", minimal);
    tmp_reg_write(&t, "b.yaml",
                  "series: CCPR\n"
                  "bodies:\n"
                  "  - code: security-council\n"
                  "    names: [Security Council]\n"
                  "    resolution: {number-year: \"S/RES/{n} ({y})\"}\n"
                  "  - code: security-council\n"
                  "    names: Council\n"
                  "    un: false\n"
                  "defaults: {number-year: security-council}\n"
                  "icj:\n"
                  "  - number: 7\n"
                  "    title: A v. B\n"
                  "    decisions:\n"
                  "      - {type: judgment, date: 2001-02-03}\n");
    tmp_reg_write(&t, "notes.txt", "not: [yaml\n"); /* not a .yaml file: ignored */
    cg_registry reg;
    cg_error err;
    cg_error_clear(&err);
    const char *dirs[] = {t.dir};
    ck_assert_int_eq(cg_registry_load(&reg, dirs, 1, &err), CG_OK);
    ck_assert_uint_eq(reg.series.n, 3);
    ck_assert_str_eq(reg.series.items[0].text, "CCPR"); /* sorted longest first */
    ck_assert_uint_eq(reg.nbodies, 1);                    /* the same code merges */
    ck_assert_int_eq(reg.bodies[0].un, 0);
    ck_assert_str_eq(reg.bodies[0].resolution[CG_FORM_NUMBER_YEAR], "S/RES/{n} ({y})");
    ck_assert_ptr_null(reg.bodies[0].resolution[CG_FORM_SESSION]);
    ck_assert_uint_eq(reg.body_names.n, 2);
    ck_assert_int_eq(reg.default_body[CG_FORM_NUMBER_YEAR], 0);
    ck_assert_int_eq(reg.default_body[CG_FORM_SESSION], -1);
    const cg_icj_case *c = cg_registry_case(&reg, 7);
    ck_assert_ptr_nonnull(c);
    ck_assert_str_eq(c->title, "A v. B");
    ck_assert_uint_eq(c->ndecisions, 1);
    ck_assert_int_eq(c->decisions[0].type, CG_ICJ_JUDGMENT);
    ck_assert_int_eq(c->decisions[0].date, 20010203);
    const cg_phrase *m = cg_phrases_find_ci(&reg.months, "September", 9);
    ck_assert_ptr_nonnull(m);
    ck_assert_int_eq(m->value, 9);
    cg_registry_free(&reg);
    tmp_reg_remove(&t);
}
END_TEST

/* ---- malformed files ---- */

typedef struct bad_yaml {
    const char *text;
    long line, column;
    const char *message; /* part of the message */
} bad_yaml;

static const bad_yaml bads[] = {
    /* YAML syntax */
    {"series:\n  - A\n\t- B\n", 3, 1, "malformed YAML"},                     /* a tab indents */
    {"series:\n  - A\n bad: [\n", 3, 2, "malformed YAML"},                   /* bad indentation */
    {"series: [A, B\ncomponents: [Add]\n", 2, 11, "did not find expected ',' or ']'"},          /* unclosed list */
    {"series: \"A\n", 2, 1, "malformed YAML"},                              /* unclosed quote */
    /* structure */
    {"series: [A]\nfrobnicate: 1\n", 2, 1, "unknown registry key 'frobnicate'"},
    {"- just\n- a list\n", 1, 1, "must be a mapping"},
    {"series: {a: b}\n", 1, 9, "'series' must be a string or a list of strings"},
    {"series:\n  - A\n  - [B]\n", 3, 5, "'series' must list non-empty strings"},
    {"series: [A, \"\"]\n", 1, 13, "'series' must list non-empty strings"},
    {"[a]: 1\n", 1, 1, "registry keys must be strings"},
    /* bodies outside the UN */
    {"other-series: [MRE]\n", 1, 15, "'other-series' must map a prefix to its series"},
    {"other-series:\n  OAS: [MRE]\n", 2, 3, "the prefix 'OAS' is not lower-case"},
    {"other-series:\n  oas:x: [MRE]\n", 2, 3, "the prefix 'oas:x' is not lower-case"},
    {"other-series:\n  oas: MRE\n", 2, 8, "'oas' needs a list of series"},
    {"other-series:\n  icj: [MRE]\n", 2, 3, "the prefix 'icj' is taken by another kind of id"},
    {"other-series:\n  oas: [MRE, Cp]\n", 2, 14, "a series is capital letters, not 'Cp'"},
    {"other-series:\n  oas: [MRE, [CP]]\n", 2, 14, "a series is capital letters, not ''"},
    /* lexicon */
    {"lexicon:\n  months: [a, b]\n", 2, 11, "twelve months"},
    {"lexicon:\n  months: [a, b, c, d, e, f, g, h, i, j, k]\n", 2, 11, "twelve months"},
    {"lexicon:\n  months: [a, b, c, d, e, f, g, h, i, j, k, l, m]\n", 2, 11, "twelve months"},
    {"lexicon:\n  months: January\n", 2, 11, "twelve months"},
    {"lexicon: [a]\n", 1, 10, "'lexicon' must be a mapping"},
    {"lexicon:\n  resolution: {a: 1}\n", 2, 15, "'resolution' must be a string or a list"},
    /* bodies */
    {"bodies:\n  - names: [X]\n", 2, 5, "a body needs a 'code'"},
    {"bodies:\n  - code: x\n  - code: [y]\n", 3, 5, "a body needs a 'code'"},
    {"bodies: x\n", 1, 9, "must be a list of bodies"},
    {"bodies:\n  - code: x\n    resolution: {sessoin: \"A/RES/{s}/{n}\"}\n", 3, 18, "unknown resolution form"},
    {"bodies:\n  - code: x\n    decision: {session: [a]}\n", 3, 25, "must be a string"},
    {"defaults: {session: nobody}\n", 1, 21, "names a body that no registry file defines"},
    {"defaults: {decade: x}\n", 1, 12, "unknown form in 'defaults'"},
    /* the Court */
    {"icj:\n  - number: 7\n    title: T\n    decisions:\n      - {type: order, date: 2021-13-01}\n", 5, 9, "YYYY-MM-DD"},
    {"icj:\n  - number: 7\n    title: T\n    decisions:\n      - {type: order, date: 2021-12-32}\n", 5, 9, "YYYY-MM-DD"},
    {"icj:\n  - number: 7\n    title: T\n    decisions:\n      - {type: order, date: 2021-12-01x}\n", 5, 9, "YYYY-MM-DD"},
    {"icj:\n  - number: 7\n    title: T\n    decisions:\n      - {type: ruling, date: 2021-12-01}\n", 5, 9, "'type' must be order, judgment or advisory-opinion"},
    {"icj:\n  - number: seven\n    title: T\n", 2, 5, "General List 'number'"},
    {"icj:\n  - number: -3\n    title: T\n", 2, 5, "General List 'number'"},
    {"icj:\n  - number: 7\n", 2, 5, "a case needs a 'title'"},
    {"icj:\n  - number: 7\n    title: T\n    decisions: 2021-12-01\n", 4, 16, "must be a list of {type, date}"},
};

START_TEST(test_malformed)
{
    const bad_yaml *c = &bads[_i];
    tmp_reg t;
    tmp_reg_init(&t);
    tmp_reg_write(&t, "a-good.yaml", minimal); /* loaded first, then freed on failure */
    const char *path = tmp_reg_write(&t, "bad.yaml", c->text);
    cg_registry reg;
    cg_error err;
    cg_error_clear(&err);
    const char *dirs[] = {t.dir};
    ck_assert_int_eq(cg_registry_load(&reg, dirs, 1, &err), CG_ECONFIG);
    ck_assert_int_eq(err.status, CG_ECONFIG);
    ck_assert_str_eq(err.path, path);
    ck_assert_msg(err.line == c->line && err.column == c->column, "case %d (%s): got %ld:%ld (%s)",
                  _i, c->message, err.line, err.column, err.message);
    ck_assert_msg(strstr(err.message, c->message) != NULL, "case %d: message: %s", _i, err.message);
    ck_assert_ptr_null(reg.series.items); /* nothing kept */
    ck_assert_uint_eq(reg.nbodies, 0);
    tmp_reg_remove(&t);
}
END_TEST

/* YAML nested depth levels deep (flow lists, closed) under "series". */
static char *nested(int depth)
{
    size_t n = 8 + 2 * (size_t)depth + 2;
    char *s = malloc(n);
    ck_assert_ptr_nonnull(s);
    char *p = s;
    p += sprintf(p, "series: ");
    for (int i = 0; i < depth; i++)
        *p++ = '[';
    for (int i = 0; i < depth; i++)
        *p++ = ']';
    *p++ = '\n';
    *p = '\0';
    return s;
}

/* Depths around the limit: (depth, whether it is refused). */
static const int depths[][2] = {{100, 1}, {1000, 1}, {64, 1}, {63, 0}};

START_TEST(test_deep_nesting)
{
    int depth = depths[_i][0], refused = depths[_i][1];
    tmp_reg t;
    tmp_reg_init(&t);
    char *text = nested(depth);
    const char *path = tmp_reg_write(&t, "deep.yaml", text);
    free(text);
    cg_registry reg;
    cg_error err;
    cg_error_clear(&err);
    const char *dirs[] = {t.dir};
    ck_assert_int_eq(cg_registry_load(&reg, dirs, 1, &err), CG_ECONFIG);
    ck_assert_str_eq(err.path, path);
    if (refused) {
        ck_assert_msg(strstr(err.message, "nested") != NULL, "message: %s", err.message);
        ck_assert_int_eq(err.line, 1);
        ck_assert_int_eq(err.column, 8 + 64); /* the 64th '[': the mapping is level 1 */
    } else {
        /* within the limit: refused for its content, not its depth */
        ck_assert_msg(strstr(err.message, "nested") == NULL, "message: %s", err.message);
    }
    tmp_reg_remove(&t);
}
END_TEST

START_TEST(test_unterminated_nesting)
{
    tmp_reg t;
    tmp_reg_init(&t);
    char *text = malloc(100010);
    ck_assert_ptr_nonnull(text);
    strcpy(text, "series: ");
    memset(text + 8, '[', 100000);
    text[100008] = '\0';
    tmp_reg_write(&t, "deep.yaml", text);
    free(text);
    cg_registry reg;
    cg_error err;
    const char *dirs[] = {t.dir};
    ck_assert_int_eq(cg_registry_load(&reg, dirs, 1, &err), CG_ECONFIG);
    ck_assert_msg(strstr(err.message, "nested") != NULL, "message: %s", err.message);
    tmp_reg_remove(&t);
}
END_TEST

START_TEST(test_missing_folder)
{
    cg_registry reg;
    cg_error err;
    cg_error_clear(&err);
    const char *dirs[] = {"/nonexistent-cg/registry"};
    ck_assert_int_eq(cg_registry_load(&reg, dirs, 1, &err), CG_ECONFIG);
    ck_assert_int_eq(err.status, CG_ECONFIG);
    ck_assert_str_eq(err.path, "/nonexistent-cg/registry");
    ck_assert_str_eq(err.message, "cannot open registry folder: No such file or directory");
    ck_assert_int_eq(err.line, 0);
}
END_TEST

/* Folders that load but lack what the extractor needs. */
static const struct {
    const char *text; /* NULL: an empty folder */
    const char *message;
} incompletes[] = {
    {NULL, "the registry defines no symbol series"},
    {"series: [A]\n", "the registry defines no months"},
    {"series: [A]\nlexicon:\n  months: [a, b, c, d, e, f, g, h, i, j, k, l]\n",
     "the registry defines no resolution words"},
    {"series: [A]\nlexicon:\n  resolution: resolution\n", "the registry defines no months"},
    {"", "the registry defines no symbol series"}, /* an empty file */
    {"series: [A, S]\nother-series: {oas: [MRE], un: [S]}\nlexicon:\n  resolution: r\n"
     "  months: [a, b, c, d, e, f, g, h, i, j, k, l]\n",
     "the series 'S' is listed both in 'series' and in 'other-series'"},
};

START_TEST(test_incomplete)
{
    tmp_reg t;
    tmp_reg_init(&t);
    if (incompletes[_i].text)
        tmp_reg_write(&t, "r.yaml", incompletes[_i].text);
    cg_registry reg;
    cg_error err;
    cg_error_clear(&err);
    const char *dirs[] = {t.dir};
    ck_assert_int_eq(cg_registry_load(&reg, dirs, 1, &err), CG_ECONFIG);
    ck_assert_str_eq(err.path, t.dir);
    ck_assert_msg(strncmp(err.message, incompletes[_i].message, strlen(incompletes[_i].message)) == 0,
                  "message: %s", err.message);
    tmp_reg_remove(&t);
}
END_TEST

START_TEST(test_load_file_missing)
{
    cg_registry reg;
    memset(&reg, 0, sizeof reg);
    cg_error err;
    cg_error_clear(&err);
    ck_assert_int_eq(cg_registry_load_file(&reg, "/nonexistent-cg/x.yaml", &err), CG_EIO);
    ck_assert_str_eq(err.path, "/nonexistent-cg/x.yaml");
    cg_registry_free(&reg);
}
END_TEST

static Suite *config_suite(void)
{
    Suite *s = suite_create("config");
    TCase *tc = tcase_create("bundled");
    tcase_add_test(tc, test_bundled);
    tcase_add_test(tc, test_bundled_cases);
    tcase_add_test(tc, test_load_own);
    tcase_add_test(tc, test_minimal_and_merge);
    suite_add_tcase(s, tc);

    tc = tcase_create("malformed");
    tcase_add_loop_test(tc, test_malformed, 0, (int)(sizeof bads / sizeof bads[0]));
    tcase_add_loop_test(tc, test_deep_nesting, 0, (int)(sizeof depths / sizeof depths[0]));
    tcase_add_test(tc, test_unterminated_nesting);
    tcase_add_test(tc, test_missing_folder);
    tcase_add_loop_test(tc, test_incomplete, 0, (int)(sizeof incompletes / sizeof incompletes[0]));
    tcase_add_test(tc, test_load_file_missing);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_MAIN(config_suite)
