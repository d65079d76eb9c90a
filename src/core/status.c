/* Status codes and error records: the one place a failure is described
 * for a person (path, line, column, message). */
#include "citegraph/core.h"

#include <stdio.h>
#include <string.h>

const char *cg_status_name(cg_status status)
{
    switch (status) {
    case CG_OK: return "success";
    case CG_ENOMEM: return "out of memory";
    case CG_EIO: return "input/output error";
    case CG_EINPUT: return "unsupported input";
    case CG_ECONFIG: return "configuration error";
    case CG_EUSAGE: return "usage error";
    case CG_ELIMIT: return "size limit exceeded";
    }
    return "unknown error";
}

cg_status cg_error_set(cg_error *err, cg_status status, const char *path,
                       long line, long column, const char *fmt, ...)
{
    if (err == NULL)
        return status;
    err->status = status;
    err->line = line;
    err->column = column;
    snprintf(err->path, sizeof err->path, "%s", path ? path : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return status;
}

void cg_error_clear(cg_error *err)
{
    if (err == NULL)
        return;
    memset(err, 0, sizeof *err);
}

void cg_error_print(const cg_error *err, FILE *out)
{
    fputs("citegraph: ", out);
    if (err->path[0] != '\0') {
        fputs(err->path, out);
        if (err->line > 0) {
            fprintf(out, ":%ld", err->line);
            if (err->column > 0)
                fprintf(out, ":%ld", err->column);
        }
        fputs(": ", out);
    }
    fputs(err->message[0] ? err->message : cg_status_name(err->status), out);
    fputc('\n', out);
}

int cg_ascii_caseeq(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (cg_ascii_lower((unsigned char)a[i]) != cg_ascii_lower((unsigned char)b[i]))
            return 0;
    return 1;
}
