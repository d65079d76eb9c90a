/* Where a command's output goes: a file written atomically (a temporary
 * beside it, renamed over it once complete), or stdout. */
#include "cli.h"

int cli_write_output(const char *path, const cg_buf *out)
{
    if (path == NULL)
        return cli_write_stdout(out);
    cg_atomic_file af;
    cg_error err;
    cg_error_clear(&err);
    if (cg_atomic_open(&af, path, &err) != CG_OK) {
        cg_error_print(&err, stderr);
        return 0;
    }
    if (cg_write_all(af.fp, path, out->data ? out->data : "", out->len, &err) != CG_OK) {
        cg_atomic_abort(&af);
        cg_error_print(&err, stderr);
        return 0;
    }
    if (cg_atomic_commit(&af, &err) != CG_OK) {
        cg_error_print(&err, stderr);
        return 0;
    }
    return 1;
}
