/* Unit suite of the command line's progress line: its text, when it is
 * drawn (terminal or not, --progress, --quiet), how often, and its end. */
#include "unit.h"

#include "progress.h"

/* The line's text for the figures of a table row. */
static const struct {
    size_t done, nfiles;
    uint64_t bytes, total;
    double elapsed;
    int final;
    const char *want;
} formats[] = {
    {3, 10, 1200000, 4000000, 2.0, 0, "3/10 files  1.2/4.0 MB  0.6 MB/s  0:05 left"},
    {10, 10, 4000000, 4000000, 7.0, 1, "10/10 files  4.0/4.0 MB  0.6 MB/s  in 0:07"},
    {0, 5, 0, 1000000, 0.0, 0, "0/5 files  0.0/1.0 MB  0.0 MB/s  -:-- left"},
    {1, 2, 1000000, 8201000000, 1.0, 0, "1/2 files  1.0/8201.0 MB  1.0 MB/s  2:16:40 left"},
    {2, 2, 0, 0, 0.0, 1, "2/2 files  0.0/0.0 MB  0.0 MB/s  in 0:00"},
};

START_TEST(test_format)
{
    char line[160];
    cli_progress_format(line, sizeof line, formats[_i].done, formats[_i].nfiles,
                        formats[_i].bytes, formats[_i].total, formats[_i].elapsed,
                        formats[_i].final);
    ck_assert_str_eq(line, formats[_i].want);
}
END_TEST

/* A corpus of n files of 1000 bytes each in a fresh folder. */
static char folder[64];
static cg_corpus corpus;
static char *paths[4];
static cg_corpus_file files[4];

static void make_corpus(void)
{
    strcpy(folder, "/tmp/cg-progress-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(folder));
    static char bytes[1000];
    memset(bytes, 'x', sizeof bytes);
    for (size_t i = 0; i < 4; i++) {
        paths[i] = malloc(128);
        snprintf(paths[i], 128, "%s/%zu.txt", folder, i);
        FILE *fp = fopen(paths[i], "wb");
        ck_assert_ptr_nonnull(fp);
        fwrite(bytes, 1, sizeof bytes, fp);
        fclose(fp);
        files[i].path = paths[i];
        files[i].rel = paths[i];
    }
    corpus.files = files;
    corpus.n = 4;
}

static void remove_corpus(void)
{
    for (size_t i = 0; i < 4; i++) {
        remove(paths[i]);
        free(paths[i]);
    }
    rmdir(folder);
}

/* Everything written to fp so far, NUL-terminated into out. */
static void written(FILE *fp, char *out, size_t n)
{
    fflush(fp);
    rewind(fp);
    size_t k = fread(out, 1, n - 1, fp);
    out[k] = '\0';
}

START_TEST(test_auto_pipe_silent)
{
    FILE *fp = tmpfile();
    cli_progress p;
    cli_progress_start(&p, &corpus, CLI_PROGRESS_AUTO, fp, 0);
    cli_progress_at_time(&p, 2, p.start + 10);
    cli_progress_end_time(&p, 4, p.start + 20);
    char out[512];
    written(fp, out, sizeof out);
    ck_assert_str_eq(out, "");
    fclose(fp);
}
END_TEST

START_TEST(test_quiet_silent)
{
    FILE *fp = tmpfile();
    cli_progress p;
    cli_progress_start(&p, &corpus, CLI_PROGRESS_OFF, fp, 1);
    cli_progress_at_time(&p, 2, p.start + 10);
    cli_progress_end_time(&p, 4, p.start + 20);
    char out[512];
    written(fp, out, sizeof out);
    ck_assert_str_eq(out, "");
    fclose(fp);
}
END_TEST

START_TEST(test_tty_short_run_silent)
{
    FILE *fp = tmpfile();
    cli_progress p;
    cli_progress_start(&p, &corpus, CLI_PROGRESS_AUTO, fp, 1);
    double t0 = p.start;
    cli_progress_at_time(&p, 1, t0 + CLI_PROGRESS_DELAY / 2);
    cli_progress_end_time(&p, 4, t0 + CLI_PROGRESS_DELAY * 0.9);
    char out[512];
    written(fp, out, sizeof out);
    ck_assert_str_eq(out, "");
    fclose(fp);
}
END_TEST

START_TEST(test_tty_long_run)
{
    FILE *fp = tmpfile();
    cli_progress p;
    cli_progress_start(&p, &corpus, CLI_PROGRESS_AUTO, fp, 1);
    ck_assert_uint_eq(p.total, 4000);
    double t0 = p.start;
    cli_progress_at_time(&p, 1, t0 + 1.0);  /* drawn */
    cli_progress_at_time(&p, 2, t0 + 1.1);  /* too soon: not drawn */
    cli_progress_at_time(&p, 3, t0 + 1.0 + CLI_PROGRESS_TTY_INTERVAL); /* drawn */
    cli_progress_end_time(&p, 4, t0 + 2.0);
    char out[512];
    written(fp, out, sizeof out);
    /* the final line is two characters shorter: blanked with spaces */
    ck_assert_str_eq(out, "\rcitegraph: 1/4 files  0.0/0.0 MB  0.0 MB/s  0:03 left"
                          "\rcitegraph: 3/4 files  0.0/0.0 MB  0.0 MB/s  0:00 left"
                          "\rcitegraph: 4/4 files  0.0/0.0 MB  0.0 MB/s  in 0:02  \n");
    ck_assert_ptr_null(p.sizes);
    fclose(fp);
}
END_TEST

START_TEST(test_forced_pipe)
{
    FILE *fp = tmpfile();
    cli_progress p;
    cli_progress_start(&p, &corpus, CLI_PROGRESS_ON, fp, 0);
    double t0 = p.start;
    cli_progress_at_time(&p, 1, t0 + 0.5); /* before the first interval */
    cli_progress_at_time(&p, 2, t0 + CLI_PROGRESS_LOG_INTERVAL);
    cli_progress_end_time(&p, 4, t0 + 1.2);
    char out[512];
    written(fp, out, sizeof out);
    ck_assert_str_eq(out, "citegraph: 2/4 files  0.0/0.0 MB  0.0 MB/s  0:01 left\n"
                          "citegraph: 4/4 files  0.0/0.0 MB  0.0 MB/s  in 0:01\n");
    fclose(fp);
}
END_TEST

START_TEST(test_clear)
{
    FILE *fp = tmpfile();
    cli_progress p;
    cli_progress_start(&p, &corpus, CLI_PROGRESS_AUTO, fp, 1);
    cli_progress_clear(&p); /* nothing drawn: nothing to clear */
    cli_progress_at_time(&p, 1, p.start + 1.0);
    size_t width = p.width;
    cli_progress_clear(&p);
    char out[512];
    written(fp, out, sizeof out);
    const char *blank = strchr(out + 1, '\r');
    ck_assert_ptr_nonnull(blank);
    ck_assert_uint_eq(strspn(blank + 1, " "), width + strlen("citegraph: "));
    ck_assert_str_eq(blank + 1 + width + strlen("citegraph: "), "\r");
    cli_progress_end_time(&p, 4, p.start + 2.0);
    fclose(fp);
}
END_TEST

static Suite *progress_suite(void)
{
    Suite *s = suite_create("progress");
    TCase *tc = tcase_create("format");
    tcase_add_loop_test(tc, test_format, 0, (int)(sizeof formats / sizeof formats[0]));
    suite_add_tcase(s, tc);

    tc = tcase_create("when");
    tcase_add_checked_fixture(tc, make_corpus, remove_corpus);
    tcase_add_test(tc, test_auto_pipe_silent);
    tcase_add_test(tc, test_quiet_silent);
    tcase_add_test(tc, test_tty_short_run_silent);
    tcase_add_test(tc, test_tty_long_run);
    tcase_add_test(tc, test_forced_pipe);
    tcase_add_test(tc, test_clear);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_MAIN(progress_suite)
