/* Writing outputs: atomically to a file (a temporary name in the same
 * folder, renamed into place when complete), or to stdout; folders. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* A streamed output's sink: its temporary file. */
typedef struct file_sink {
    cg_buf_sink sink;
    cg_atomic_file *af;
    const char *path;
    cg_error *err;
} file_sink;

static cg_status to_file(void *ctx, const char *bytes, size_t n)
{
    file_sink *f = ctx;
    return cg_atomic_write(f->af, f->path, bytes, n, f->err);
}

int cli_stream_prepared(const char *path, cli_make_fn make, void *ctx,
                        const cg_buf *const *tail, size_t n, cg_atomic_file *af, cg_error *err)
{
    cg_error_clear(err);
    if (cg_atomic_open(af, path, err) != CG_OK)
        return 0;
    file_sink fs = {{to_file, NULL}, af, path, err};
    fs.sink.ctx = &fs;
    cg_buf out = {0};
    out.sink = &fs.sink;
    cg_status st = make(&out, ctx);
    if (st == CG_OK)
        st = cg_buf_spill(&out);
    cg_buf_free(&out);
    for (size_t i = 0; i < n && st == CG_OK; i++)
        st = cg_atomic_write(af, path, tail[i]->data ? tail[i]->data : "", tail[i]->len, err);
    if (st != CG_OK) {
        if (err->status == CG_OK) /* made in part, not for want of writing: say why */
            cg_error_set(err, st, path, 0, 0, "not written: %s", cg_status_name(st));
        cg_atomic_abort(af);
        return 0;
    }
    return cg_atomic_close(af, err) == CG_OK;
}

/* Makes nothing: for a file written from buffers made beforehand. */
static cg_status made_beforehand(cg_buf *out, void *ctx)
{
    (void)out;
    (void)ctx;
    return CG_OK;
}

int cli_save_file(const char *path, const cg_buf *const *parts, size_t n, cg_error *err)
{
    cg_atomic_file af;
    return cli_stream_prepared(path, made_beforehand, NULL, parts, n, &af, err) &&
           cg_atomic_commit(&af, err) == CG_OK;
}

int cli_write_file(const char *path, const cg_buf *out)
{
    cg_error err;
    cg_error_clear(&err);
    if (cli_save_file(path, &out, 1, &err))
        return 1;
    cg_error_print(&err, stderr);
    return 0;
}

int cli_write_output(const char *path, const cg_buf *out)
{
    return path == NULL ? cli_write_stdout(out) : cli_write_file(path, out);
}

int cli_make_dirs(const char *dir)
{
    char path[4096];
    size_t n = strlen(dir);
    if (n == 0 || n >= sizeof path) {
        cli_error("%s: invalid folder name", dir);
        return 0;
    }
    memcpy(path, dir, n + 1);
    for (char *p = path + 1; ; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char c = *p;
        *p = '\0';
        struct stat st;
        if (stat(path, &st) != 0) {
            if (mkdir(path, 0777) != 0 && errno != EEXIST) {
                cli_error("%s: cannot create the folder: %s", path, strerror(errno));
                return 0;
            }
        } else if (!S_ISDIR(st.st_mode)) {
            cli_error("%s: not a folder", path);
            return 0;
        }
        *p = c;
        if (c == '\0')
            break;
    }
    return 1;
}
