/* Unit suite of the config module: the bundled registry loads; malformed
 * registry files fail with their path, line and column. */
#include "unit.h"

START_TEST(test_bundled)
{
    const cg_registry *reg = unit_registry();
    ck_assert_uint_eq(reg->months.n, 12);
    ck_assert_ptr_nonnull(cg_phrases_find_ci(&reg->series, "A", 1));
    ck_assert_ptr_nonnull(cg_phrases_find_ci(&reg->components, "ADD", 3));
    const cg_icj_case *c = cg_registry_case(reg, 180);
    ck_assert_ptr_nonnull(c);
    ck_assert_uint_ge(c->ndecisions, 5);
    ck_assert_ptr_null(cg_registry_case(reg, 99999));
    ck_assert_int_ge(reg->default_body[CG_FORM_SESSION], 0);
}
END_TEST

typedef struct bad_yaml {
    const char *text;
    long line, column;
    const char *message;
} bad_yaml;

static const bad_yaml bads[] = {
    {"series:\n  - A\n bad: [\n", 3, 2, "malformed YAML"},
    {"series: [A]\nfrobnicate: 1\n", 2, 1, "unknown registry key"},
    {"lexicon:\n  months: [a, b]\n", 2, 11, "twelve months"},
    {"bodies:\n  - names: [X]\n", 2, 5, "needs a 'code'"},
    {"icj:\n  - number: 7\n    title: T\n    decisions:\n      - {type: order, date: 2021-13-01}\n", 5, 9, "YYYY-MM-DD"},
    {"- just\n- a list\n", 1, 1, "must be a mapping"},
};

START_TEST(test_malformed)
{
    const bad_yaml *c = &bads[_i];
    char dir[] = "/tmp/cgregXXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/bad.yaml", dir);
    FILE *fp = fopen(path, "w");
    ck_assert_ptr_nonnull(fp);
    fputs(c->text, fp);
    fclose(fp);
    cg_registry reg;
    cg_error err;
    cg_error_clear(&err);
    const char *dirs[] = {dir};
    ck_assert_int_eq(cg_registry_load(&reg, dirs, 1, &err), CG_ECONFIG);
    ck_assert_str_eq(err.path, path);
    ck_assert_msg(err.line == c->line && err.column == c->column, "%s: got %ld:%ld (%s)", c->message,
                  err.line, err.column, err.message);
    ck_assert_msg(strstr(err.message, c->message) != NULL, "message: %s", err.message);
    unlink(path);
    rmdir(dir);
}
END_TEST

START_TEST(test_deep_nesting)
{
    char dir[] = "/tmp/cgregXXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/deep.yaml", dir);
    FILE *fp = fopen(path, "w");
    ck_assert_ptr_nonnull(fp);
    fputs("series: ", fp);
    for (int i = 0; i < 100000; i++)
        fputc('[', fp);
    fclose(fp);
    cg_registry reg;
    cg_error err;
    const char *dirs[] = {dir};
    ck_assert_int_eq(cg_registry_load(&reg, dirs, 1, &err), CG_ECONFIG);
    ck_assert_msg(strstr(err.message, "nested") != NULL, "message: %s", err.message);
    unlink(path);
    rmdir(dir);
}
END_TEST

START_TEST(test_missing_folder)
{
    cg_registry reg;
    cg_error err;
    const char *dirs[] = {"/nonexistent/registry"};
    ck_assert_int_eq(cg_registry_load(&reg, dirs, 1, &err), CG_ECONFIG);
    ck_assert_str_eq(err.path, "/nonexistent/registry");
}
END_TEST

static Suite *config_suite(void)
{
    Suite *s = suite_create("config");
    TCase *tc = tcase_create("registry");
    tcase_add_test(tc, test_bundled);
    tcase_add_loop_test(tc, test_malformed, 0, (int)(sizeof bads / sizeof bads[0]));
    tcase_add_test(tc, test_deep_nesting);
    tcase_add_test(tc, test_missing_folder);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_MAIN(config_suite)
