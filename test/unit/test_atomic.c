/* Atomic output under signals and odd targets: a SIGTERM or SIGINT while
 * temporaries are written (by several threads at once) leaves the
 * previous files and no temporary; a
 * device is written in place, not replaced; the mode of a replaced file
 * is kept; a temporary closed first is committed or aborted later; the
 * pages cached of a file being replaced are dropped, its bytes kept. */
#include <dirent.h>
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>

#include "unit.h"

static char dir[64];

static void make_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/citegraph-atomic-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

/* Number of entries in dir (without . and ..). */
static int entries(void)
{
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL)
        n += strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0;
    closedir(d);
    return n;
}

static void write_file(const char *path, const char *s)
{
    FILE *fp = fopen(path, "w");
    ck_assert_ptr_nonnull(fp);
    fputs(s, fp);
    fclose(fp);
}

static void check_file(const char *path, const char *want)
{
    char got[64] = {0};
    FILE *fp = fopen(path, "r");
    ck_assert_ptr_nonnull(fp);
    size_t n = fread(got, 1, sizeof got - 1, fp);
    fclose(fp);
    got[n] = '\0';
    ck_assert_str_eq(got, want);
}

static void clean_dir(const char *path)
{
    unlink(path);
    rmdir(dir);
}

static const int signals[] = {SIGTERM, SIGINT, SIGHUP};

/* Forks a child that sets sig to handler, installs the cleanup, writes
 * text to a new version of path (left unflushed to the temporary only),
 * raises sig, then puts the version in place, which it reaches only when
 * sig does not end it; returns the child's wait status. */
static int child_writes_and_raises(const char *path, int sig, void (*handler)(int),
                                   const char *text)
{
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        signal(sig, handler);
        cg_atomic_cleanup_on_signals();
        cg_atomic_file af;
        if (cg_atomic_open(&af, path, NULL) != CG_OK)
            _exit(3);
        fputs(text, af.fp);
        fflush(af.fp);
        raise(sig);
        _exit(cg_atomic_commit(&af, NULL) == CG_OK ? 0 : 4);
    }
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    return status;
}

START_TEST(test_signal_mid_write)
{
    make_dir();
    char path[128];
    snprintf(path, sizeof path, "%s/graph.dot", dir);
    write_file(path, "previous\n");
    /* a signal ignored by whoever started the tests (nohup: SIGHUP) is
     * left ignored, by design: the child takes it back for this test */
    int status = child_writes_and_raises(path, signals[_i], SIG_DFL, "half of a new");
    ck_assert(WIFSIGNALED(status));
    ck_assert_int_eq(WTERMSIG(status), signals[_i]);
    check_file(path, "previous\n");
    ck_assert_int_eq(entries(), 1); /* no temporary left */
    clean_dir(path);
}
END_TEST

/* A signal the process was started ignoring (nohup) stays ignored: the
 * write goes on and is put in place. */
START_TEST(test_ignored_signal_stays_ignored)
{
    make_dir();
    char path[128];
    snprintf(path, sizeof path, "%s/graph.dot", dir);
    write_file(path, "previous\n");
    int status = child_writes_and_raises(path, SIGHUP, SIG_IGN, "new\n");
    ck_assert(WIFEXITED(status));
    ck_assert_int_eq(WEXITSTATUS(status), 0);
    check_file(path, "new\n");
    ck_assert_int_eq(entries(), 1);
    clean_dir(path);
}
END_TEST

/* A file being written atomically, opened by a thread of its own (left
 * open: the signal comes once every thread has made its temporary). */
typedef struct writer {
    char path[128];
    cg_atomic_file af;
} writer;

static void *open_and_write(void *arg)
{
    writer *w = arg;
    if (cg_atomic_open(&w->af, w->path, NULL) != CG_OK)
        _exit(3);
    fputs("half of a new", w->af.fp);
    fflush(w->af.fp);
    return NULL;
}

START_TEST(test_signal_many_writers)
{
    enum { WRITERS = 4 };
    make_dir();
    writer w[WRITERS];
    for (int i = 0; i < WRITERS; i++) {
        snprintf(w[i].path, sizeof w[i].path, "%s/out%d.txt", dir, i);
        write_file(w[i].path, "previous\n");
    }
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        signal(SIGTERM, SIG_DFL);
        cg_atomic_cleanup_on_signals();
        pthread_t t[WRITERS];
        for (int i = 0; i < WRITERS; i++)
            if (pthread_create(&t[i], NULL, open_and_write, &w[i]) != 0)
                _exit(5);
        for (int i = 0; i < WRITERS; i++)
            pthread_join(t[i], NULL); /* every temporary made, none put in place */
        raise(SIGTERM);
        _exit(4); /* not reached: the signal ends the process */
    }
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFSIGNALED(status));
    ck_assert_int_eq(WTERMSIG(status), SIGTERM);
    ck_assert_int_eq(entries(), WRITERS); /* the previous files, no temporary */
    for (int i = 0; i < WRITERS; i++) {
        check_file(w[i].path, "previous\n");
        unlink(w[i].path);
    }
    rmdir(dir);
}
END_TEST

START_TEST(test_device_written_in_place)
{
    cg_atomic_file af;
    cg_error err;
    cg_error_clear(&err);
    ck_assert_int_eq(cg_atomic_open(&af, "/dev/null", &err), CG_OK);
    fputs("x", af.fp);
    ck_assert_int_eq(cg_atomic_commit(&af, &err), CG_OK);
    struct stat sb;
    ck_assert_int_eq(stat("/dev/null", &sb), 0);
    ck_assert(S_ISCHR(sb.st_mode));
    if (access("/dev/full", W_OK) == 0) {
        ck_assert_int_eq(cg_atomic_open(&af, "/dev/full", &err), CG_OK);
        for (int i = 0; i < 10000; i++)
            fputs("more than a buffer ", af.fp);
        ck_assert_int_eq(cg_atomic_commit(&af, &err), CG_EIO);
        ck_assert_str_eq(err.path, "/dev/full");
        ck_assert_int_eq(stat("/dev/full", &sb), 0);
        ck_assert(S_ISCHR(sb.st_mode));
    }
}
END_TEST

START_TEST(test_mode_and_link_kept)
{
    make_dir();
    char path[128], link[128];
    snprintf(path, sizeof path, "%s/out.csv", dir);
    snprintf(link, sizeof link, "%s/link.csv", dir);
    write_file(path, "old");
    ck_assert_int_eq(chmod(path, 0640), 0);
    ck_assert_int_eq(symlink("out.csv", link), 0);
    cg_atomic_file af;
    ck_assert_int_eq(cg_atomic_open(&af, link, NULL), CG_OK);
    fputs("new", af.fp);
    ck_assert_int_eq(cg_atomic_commit(&af, NULL), CG_OK);
    struct stat sb;
    ck_assert_int_eq(lstat(link, &sb), 0);
    ck_assert(S_ISLNK(sb.st_mode)); /* the link is kept, the file it names replaced */
    check_file(path, "new");
    ck_assert_int_eq(stat(path, &sb), 0);
    ck_assert_int_eq(sb.st_mode & 0777, 0640);
    ck_assert_int_eq(entries(), 2);
    unlink(link);
    clean_dir(path);
}
END_TEST

/* A temporary closed (synced) first is put in place by a later commit,
 * or removed by an abort with the target untouched; closing twice is
 * harmless. */
START_TEST(test_close_then_commit_or_abort)
{
    make_dir();
    char path[128];
    snprintf(path, sizeof path, "%s/graph.dot", dir);
    write_file(path, "old");
    cg_atomic_file af;
    ck_assert_int_eq(cg_atomic_open(&af, path, NULL), CG_OK);
    fputs("new", af.fp);
    ck_assert_int_eq(cg_atomic_close(&af, NULL), CG_OK);
    ck_assert_int_eq(cg_atomic_close(&af, NULL), CG_OK);
    ck_assert_ptr_null(af.fp);
    check_file(path, "old"); /* closed, not yet in place */
    ck_assert_int_eq(entries(), 2);
    ck_assert_int_eq(cg_atomic_commit(&af, NULL), CG_OK);
    check_file(path, "new");
    ck_assert_int_eq(entries(), 1);
    ck_assert_int_eq(cg_atomic_open(&af, path, NULL), CG_OK);
    fputs("newer", af.fp);
    ck_assert_int_eq(cg_atomic_close(&af, NULL), CG_OK);
    cg_atomic_abort(&af);
    check_file(path, "new");
    ck_assert_int_eq(entries(), 1);
    clean_dir(path);
}
END_TEST

enum { CACHED_BYTES = 1 << 20 };

/* A file of CACHED_BYTES at path, on disk and read into the page cache. */
static void cached_file(const char *path)
{
    char *bytes = malloc(CACHED_BYTES);
    ck_assert_ptr_nonnull(bytes);
    memset(bytes, 'x', CACHED_BYTES);
    memcpy(bytes, "previous", 8);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, bytes, CACHED_BYTES), CACHED_BYTES);
    ck_assert_int_eq(fsync(fd), 0); /* clean pages: droppable */
    close(fd);
    fd = open(path, O_RDONLY);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(read(fd, bytes, CACHED_BYTES), CACHED_BYTES);
    close(fd);
    free(bytes);
}


/* Opening the replacement of a file drops the file's cached pages (where
 * the file system lets them go: not on tmpfs), and leaves its bytes as
 * they were until the commit. */
START_TEST(test_replaced_file_cache_dropped)
{
    make_dir();
    char path[128], probe[128];
    snprintf(path, sizeof path, "%s/graph.graphml", dir);
    snprintf(probe, sizeof probe, "%s/probe", dir);
    /* whether this file system drops clean pages when told to */
    cached_file(probe);
    int fd = open(probe, O_RDONLY);
    ck_assert_int_ge(fd, 0);
    posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    close(fd);
    int drops = unit_resident_pages(probe, CACHED_BYTES) == 0;
    unlink(probe);
    cached_file(path);
    if (drops)
        ck_assert_uint_gt(unit_resident_pages(path, CACHED_BYTES), 0);
    cg_atomic_file af;
    ck_assert_int_eq(cg_atomic_open(&af, path, NULL), CG_OK);
    if (drops)
        ck_assert_uint_eq(unit_resident_pages(path, CACHED_BYTES), 0);
    char head[9] = {0};
    FILE *fp = fopen(path, "r");
    ck_assert_ptr_nonnull(fp);
    ck_assert_uint_eq(fread(head, 1, 8, fp), 8);
    fclose(fp);
    ck_assert_str_eq(head, "previous");
    fputs("new", af.fp);
    ck_assert_int_eq(cg_atomic_commit(&af, NULL), CG_OK);
    check_file(path, "new");
    ck_assert_int_eq(entries(), 1);
    clean_dir(path);
}
END_TEST

/* What cg_atomic_write writes is the file's bytes once committed; every
 * 8 MiB written are queued for writeback on the way (where the system
 * can be asked to). */
START_TEST(test_write_queued)
{
    enum { PIECE = 1 << 20, PIECES = 9 };
    make_dir();
    char path[128];
    snprintf(path, sizeof path, "%s/references.tsv", dir);
    char *piece = malloc(PIECE);
    ck_assert_ptr_nonnull(piece);
    cg_atomic_file af;
    ck_assert_int_eq(cg_atomic_open(&af, path, NULL), CG_OK);
    for (int i = 0; i < PIECES; i++) {
        memset(piece, 'a' + i, PIECE);
        ck_assert_int_eq(cg_atomic_write(&af, path, piece, PIECE, NULL), CG_OK);
    }
    ck_assert_uint_eq(af.written, (size_t)PIECES * PIECE);
#ifdef __linux__
    ck_assert_uint_eq(af.queued, (size_t)8 * PIECE);
#endif
    ck_assert_int_eq(cg_atomic_commit(&af, NULL), CG_OK);
    FILE *fp = fopen(path, "rb");
    ck_assert_ptr_nonnull(fp);
    for (int i = 0; i < PIECES; i++) {
        ck_assert_uint_eq(fread(piece, 1, PIECE, fp), PIECE);
        ck_assert(piece[0] == 'a' + i && piece[PIECE - 1] == 'a' + i);
    }
    ck_assert_int_eq(fgetc(fp), EOF);
    fclose(fp);
    free(piece);
    clean_dir(path);
}
END_TEST

static Suite *atomic_suite(void)
{
    Suite *s = suite_create("atomic");
    TCase *tc = tcase_create("atomic");
    tcase_add_loop_test(tc, test_signal_mid_write, 0, 3);
    tcase_add_test(tc, test_ignored_signal_stays_ignored);
    tcase_add_test(tc, test_signal_many_writers);
    tcase_add_test(tc, test_device_written_in_place);
    tcase_add_test(tc, test_mode_and_link_kept);
    tcase_add_test(tc, test_close_then_commit_or_abort);
    tcase_add_test(tc, test_replaced_file_cache_dropped);
    tcase_add_test(tc, test_write_queued);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_MAIN(atomic_suite)
