/* Unit suite of the core module: buffers, errors, allocation failure,
 * atomic output. */
#include "unit.h"

START_TEST(test_buf)
{
    cg_buf b = {0};
    ck_assert_int_eq(cg_buf_puts(&b, "ab"), CG_OK);
    ck_assert_int_eq(cg_buf_putc(&b, 'c'), CG_OK);
    char big[400];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    ck_assert_int_eq(cg_buf_printf(&b, "%d%s", 42, big), CG_OK);
    ck_assert_uint_eq(b.len, 3 + 2 + 399);
    ck_assert_int_eq(strncmp(b.data, "abc42xx", 7), 0);
    cg_buf_clear(&b);
    ck_assert_str_eq(b.data, "");
    cg_buf_free(&b);
    ck_assert_ptr_null(b.data);
}
END_TEST

START_TEST(test_error_print)
{
    cg_error err;
    cg_error_set(&err, CG_EINPUT, "a/b.txt", 3, 7, "bad %s", "thing");
    FILE *fp = tmpfile();
    ck_assert_ptr_nonnull(fp);
    cg_error_print(&err, fp);
    rewind(fp);
    char line[128];
    ck_assert_ptr_nonnull(fgets(line, sizeof line, fp));
    ck_assert_str_eq(line, "citegraph: a/b.txt:3:7: bad thing\n");
    fclose(fp);
    ck_assert_str_eq(cg_status_name(CG_ENOMEM), "out of memory");
}
END_TEST

START_TEST(test_alloc_failure)
{
    cg_buf b = {0};
    cg_alloc_fail_after(1);
    ck_assert_int_eq(cg_buf_puts(&b, "x"), CG_ENOMEM);
    ck_assert_int_eq(cg_buf_puts(&b, "x"), CG_OK);
    cg_buf_free(&b);
}
END_TEST

START_TEST(test_atomic)
{
    char dir[] = "/tmp/cgatomXXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/out.txt", dir);
    cg_atomic_file af;
    cg_error err;
    ck_assert_int_eq(cg_atomic_open(&af, path, &err), CG_OK);
    fputs("hello", af.fp);
    ck_assert_int_eq(access(path, F_OK), -1); /* not there before commit */
    ck_assert_int_eq(cg_atomic_commit(&af, &err), CG_OK);
    ck_assert_int_eq(access(path, F_OK), 0);
    ck_assert_int_eq(cg_atomic_open(&af, path, &err), CG_OK);
    fputs("partial", af.fp);
    cg_atomic_abort(&af);
    FILE *fp = fopen(path, "r");
    char s[16] = "";
    ck_assert_ptr_nonnull(fgets(s, sizeof s, fp));
    fclose(fp);
    ck_assert_str_eq(s, "hello"); /* abort left the old file */
    unlink(path);
    rmdir(dir);
    ck_assert_int_eq(cg_atomic_open(&af, "/nonexistent/dir/out.txt", &err), CG_EIO);
    ck_assert_str_eq(err.path, "/nonexistent/dir/out.txt");
}
END_TEST

START_TEST(test_full_disk)
{
    FILE *fp = fopen("/dev/full", "w");
    if (fp == NULL)
        return;
    setvbuf(fp, NULL, _IONBF, 0);
    cg_error err;
    ck_assert_int_eq(cg_write_all(fp, "/dev/full", "abc", 3, &err), CG_EIO);
    fclose(fp);
}
END_TEST

static Suite *core_suite(void)
{
    Suite *s = suite_create("core");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, test_buf);
    tcase_add_test(tc, test_error_print);
    tcase_add_test(tc, test_alloc_failure);
    tcase_add_test(tc, test_atomic);
    tcase_add_test(tc, test_full_disk);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_MAIN(core_suite)
