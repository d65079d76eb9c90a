/* Atomic output: write a temporary file beside the target, then rename
 * it over the target, so a reader never sees a half-written file. */
#include "citegraph/core.h"

#include <errno.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

cg_status cg_atomic_open(cg_atomic_file *af, const char *path, cg_error *err)
{
    memset(af, 0, sizeof *af);
    size_t n = strlen(path);
    af->path = cg_strdup(path);
    af->tmp_path = cg_malloc(n + 16);
    if (af->path == NULL || af->tmp_path == NULL) {
        cg_free(af->tmp_path); /* not yet a file name: nothing to unlink */
        af->tmp_path = NULL;
        cg_atomic_abort(af);
        return cg_error_set(err, CG_ENOMEM, path, 0, 0, "out of memory");
    }
    snprintf(af->tmp_path, n + 16, "%s.tmpXXXXXX", path);
    int fd = mkstemp(af->tmp_path);
    if (fd < 0) {
        int e = errno;
        cg_free(af->tmp_path);
        af->tmp_path = NULL;
        cg_atomic_abort(af);
        return cg_error_set(err, CG_EIO, path, 0, 0,
                            "cannot create output file: %s", strerror(e));
    }
    /* mkstemp makes the file private; an output gets the usual mode */
    mode_t mask = umask(0);
    umask(mask);
    (void)fchmod(fd, 0666 & ~mask);
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

cg_status cg_atomic_commit(cg_atomic_file *af, cg_error *err)
{
    int failed = 0, e = 0;
    if (fflush(af->fp) != 0 || ferror(af->fp) || fsync(fileno(af->fp)) != 0) {
        failed = 1;
        e = errno;
    }
    if (fclose(af->fp) != 0 && !failed) {
        failed = 1;
        e = errno;
    }
    af->fp = NULL;
    if (!failed && rename(af->tmp_path, af->path) != 0) {
        failed = 1;
        e = errno;
    }
    if (failed) {
        cg_error_set(err, CG_EIO, af->path, 0, 0, "cannot write output file: %s",
                     strerror(e ? e : EIO));
        cg_atomic_abort(af);
        return CG_EIO;
    }
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
    cg_free(af->tmp_path);
    cg_free(af->path);
    memset(af, 0, sizeof *af);
}

cg_status cg_write_all(FILE *fp, const char *name, const char *buf, size_t n,
                       cg_error *err)
{
    if (n && fwrite(buf, 1, n, fp) != n)
        return cg_error_set(err, CG_EIO, name, 0, 0, "write failed: %s",
                            strerror(errno ? errno : EIO));
    return CG_OK;
}
