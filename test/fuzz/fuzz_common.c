/* Shared by the fuzz targets: the registry and the failure report. */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>

const cg_registry *fuzz_registry(void)
{
    static cg_registry reg;
    static int loaded;
    if (!loaded) {
        const char *dir = getenv("CITEGRAPH_REGISTRY");
        const char *dirs[1] = {dir ? dir : "data/registry"};
        cg_error err;
        cg_error_clear(&err);
        if (cg_registry_load(&reg, dirs, 1, &err) != CG_OK) {
            cg_error_print(&err, stderr);
            abort();
        }
        loaded = 1;
    }
    return &reg;
}

void fuzz_require(int ok, const char *format, const check_why *why, const char *text,
                  size_t len)
{
    if (ok)
        return;
    size_t at = why->offset, from = at > 60 ? at - 60 : 0, to = at + 60 < len ? at + 60 : len;
    fprintf(stderr, "%s output does not parse back: %s at byte %zu\n  near: ", format,
            why->reason ? why->reason : "?", at);
    for (size_t i = from; i < to; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c >= 0x20 && c < 0x7F)
            fputc(c, stderr);
        else
            fprintf(stderr, "\\x%02x", c);
    }
    fputc('\n', stderr);
    abort();
}
