/* Atomic output: write a temporary file beside the target, then rename
 * it over the target, so a reader never sees a half-written file.  A
 * target that exists and is not a regular file (/dev/stdout, /dev/full,
 * a pipe) is written directly: there is nothing to replace.  A symbolic
 * link is followed, so the file it names is replaced, not the link.
 * The pages cached of the file replaced are dropped when its
 * replacement is opened: the new file is then written into memory just
 * freed, which a virtual machine that hands free memory back to its host
 * gives at once, where pages long free may first have to be faulted in
 * by the host (on the machine of docs/performance.md: 3.8 against 0.27
 * GB/s).
 * The temporaries being written (by any thread) are known to a signal
 * handler that removes them on SIGINT, SIGTERM or SIGHUP
 * (cg_atomic_cleanup_on_signals).  It is
 * closed on exec: a child process started meanwhile does not hold it. */
#define _GNU_SOURCE /* mkostemp */
#include "citegraph/core.h"

#include <fcntl.h>

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The temporary files being written, for the signal handler: a slot
 * each, taken and given back atomically (more at once than slots: the
 * extra ones are written all the same, but not removed on a signal). */
#define ACTIVE_MAX 64
static char *active[ACTIVE_MAX]; /* read and written atomically only */

/* Makes tmp known to the handler, in the first free slot. */
static void activate(char *tmp)
{
    for (int i = 0; i < ACTIVE_MAX; i++) {
        char *none = NULL;
        if (__atomic_compare_exchange_n(&active[i], &none, tmp, 0, __ATOMIC_SEQ_CST,
                                        __ATOMIC_SEQ_CST))
            return;
    }
}

/* Forgets tmp (not written any more). */
static void deactivate(const char *tmp)
{
    for (int i = 0; tmp && i < ACTIVE_MAX; i++)
        if (__atomic_load_n(&active[i], __ATOMIC_SEQ_CST) == tmp) {
            __atomic_store_n(&active[i], NULL, __ATOMIC_SEQ_CST);
            return;
        }
}

static void on_signal(int sig)
{
    for (int i = 0; i < ACTIVE_MAX; i++) {
        char *tmp = __atomic_load_n(&active[i], __ATOMIC_SEQ_CST);
        if (tmp)
            unlink(tmp); /* async-signal-safe */
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

void cg_atomic_cleanup_on_signals(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        struct sigaction sa, old;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        /* a signal ignored by the caller (nohup) stays ignored */
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(sigs[i], &sa, NULL);
    }
}

/* Opens a target that is not a regular file for writing in place. */
static cg_status open_direct(cg_atomic_file *af, const char *path, cg_error *err)
{
    af->fp = fopen(path, "w");
    if (af->fp == NULL) {
        int e = errno;
        cg_atomic_abort(af);
        return cg_error_set(err, CG_EIO, path, 0, 0, "cannot open output file: %s",
                            strerror(e));
    }
    return CG_OK;
}

/* Drops the pages cached of the file at path, which is about to be
 * replaced, so that its replacement is written into memory just freed
 * rather than into pages long free.  The file itself is untouched (a
 * reader meanwhile reads it from disk); dirty pages are only queued for
 * writing.  A hint: nothing is reported. */
static void drop_cached(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return;
    (void)posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    close(fd);
}

cg_status cg_atomic_open(cg_atomic_file *af, const char *path, cg_error *err)
{
    memset(af, 0, sizeof *af);
    struct stat sb, lsb;
    char resolved[PATH_MAX];
    const char *target = path;
    if (lstat(path, &lsb) == 0 && S_ISLNK(lsb.st_mode) && realpath(path, resolved) != NULL)
        target = resolved;
    size_t n = strlen(target);
    af->path = cg_strdup(target);
    int exists = stat(target, &sb) == 0;
    if (af->path != NULL && exists && !S_ISREG(sb.st_mode))
        return open_direct(af, path, err);
    af->tmp_path = af->path ? cg_malloc(n + 16) : NULL;
    if (af->path == NULL || af->tmp_path == NULL) {
        cg_free(af->tmp_path); /* not yet a file name: nothing to unlink */
        af->tmp_path = NULL;
        cg_atomic_abort(af);
        return cg_error_set(err, CG_ENOMEM, path, 0, 0, "out of memory");
    }
    snprintf(af->tmp_path, n + 16, "%s.tmpXXXXXX", target);
    if (exists)
        drop_cached(target);
    /* the signals held (on this thread) while the temporary is made and
     * made known to the handler: one that came in between would leave it
     * behind */
    sigset_t hold, before;
    sigemptyset(&hold);
    sigaddset(&hold, SIGINT);
    sigaddset(&hold, SIGTERM);
    sigaddset(&hold, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &hold, &before);
    int fd = mkostemp(af->tmp_path, O_CLOEXEC);
    if (fd >= 0)
        activate(af->tmp_path);
    pthread_sigmask(SIG_SETMASK, &before, NULL);
    if (fd < 0) {
        int e = errno;
        cg_free(af->tmp_path);
        af->tmp_path = NULL;
        cg_atomic_abort(af);
        return cg_error_set(err, CG_EIO, path, 0, 0,
                            "cannot create output file: %s", strerror(e));
    }
    /* mkostemp makes the file private: give it the mode of the file it
     * replaces, or the one a new file would have */
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, exists ? sb.st_mode & 07777 : 0666 & ~mask);
    af->fp = fdopen(fd, "w");
    if (af->fp == NULL) {
        int e = errno;
        close(fd);
        cg_atomic_abort(af);
        return cg_error_set(err, CG_EIO, path, 0, 0,
                            "cannot open output file: %s", strerror(e));
    }
    return CG_OK;
}

/* Reports that the output af could not be written (errno e) and aborts it. */
static cg_status atomic_failed(cg_atomic_file *af, int e, cg_error *err)
{
    cg_error_set(err, CG_EIO, af->path, 0, 0, "cannot write output file: %s",
                 strerror(e ? e : EIO));
    cg_atomic_abort(af);
    return CG_EIO;
}

cg_status cg_atomic_close(cg_atomic_file *af, cg_error *err)
{
    if (af->fp == NULL)
        return CG_OK; /* closed before */
    int failed = 0, e = 0;
    if (fflush(af->fp) != 0 || ferror(af->fp) ||
        (af->tmp_path && fsync(fileno(af->fp)) != 0)) {
        failed = 1;
        e = errno;
    }
    if (fclose(af->fp) != 0 && !failed) {
        failed = 1;
        e = errno;
    }
    af->fp = NULL;
    return failed ? atomic_failed(af, e, err) : CG_OK;
}

cg_status cg_atomic_commit(cg_atomic_file *af, cg_error *err)
{
    cg_status st = cg_atomic_close(af, err);
    if (st != CG_OK)
        return st;
    if (af->tmp_path && rename(af->tmp_path, af->path) != 0)
        return atomic_failed(af, errno, err);
    deactivate(af->tmp_path);
    cg_free(af->tmp_path);
    cg_free(af->path);
    af->tmp_path = af->path = NULL;
    return CG_OK;
}

void cg_atomic_abort(cg_atomic_file *af)
{
    if (af->fp)
        fclose(af->fp);
    if (af->tmp_path)
        unlink(af->tmp_path);
    deactivate(af->tmp_path);
    cg_free(af->tmp_path);
    cg_free(af->path);
    memset(af, 0, sizeof *af);
}

cg_status cg_atomic_write(cg_atomic_file *af, const char *name, const char *bytes, size_t n,
                          cg_error *err)
{
    enum { QUEUE_BYTES = 8 << 20 };
    cg_status st = cg_write_all(af->fp, name, bytes, n, err);
    if (st != CG_OK)
        return st;
    af->written += n;
#ifdef SYNC_FILE_RANGE_WRITE
    /* a hint: a failure shows again at the sync */
    if (af->tmp_path && af->written - af->queued >= QUEUE_BYTES && fflush(af->fp) == 0) {
        (void)sync_file_range(fileno(af->fp), (off_t)af->queued,
                              (off_t)(af->written - af->queued), SYNC_FILE_RANGE_WRITE);
        af->queued = af->written;
    }
#endif
    return CG_OK;
}

cg_status cg_write_all(FILE *fp, const char *name, const char *buf, size_t n,
                       cg_error *err)
{
    if (n && fwrite(buf, 1, n, fp) != n)
        return cg_error_set(err, CG_EIO, name, 0, 0, "write failed: %s",
                            strerror(errno ? errno : EIO));
    return CG_OK;
}
