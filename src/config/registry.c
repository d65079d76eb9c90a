/* Registry lookups that need no YAML: where the registry folder is, and
 * the Court's cases by number. */
#include "citegraph/registry.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef CG_DATADIR
#define CG_DATADIR "/usr/local/share/citegraph"
#endif

static int is_dir(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

int cg_registry_default_dir(const char *argv0, char *out, size_t outlen)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
    } else if (argv0 && strchr(argv0, '/') && realpath(argv0, exe) == NULL) {
        exe[0] = '\0';
    } else if (!argv0 || !strchr(argv0, '/')) {
        exe[0] = '\0';
    }
    char *slash = strrchr(exe, '/');
    if (slash) {
        *slash = '\0';
        static const char *const rel[] = {"/../data/registry", "/../../data/registry",
                                          "/../share/citegraph/registry", "/data/registry"};
        for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
            snprintf(out, outlen, "%s%s", exe, rel[i]);
            if (is_dir(out))
                return 1;
        }
    }
    snprintf(out, outlen, "%s/registry", CG_DATADIR);
    return is_dir(out);
}

const cg_icj_case *cg_registry_case(const cg_registry *reg, long number)
{
    for (size_t i = 0; i < reg->ncases; i++)
        if (reg->cases[i].number == number)
            return &reg->cases[i];
    return NULL;
}
