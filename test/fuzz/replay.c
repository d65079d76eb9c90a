/* Replays saved inputs through a fuzz target without libFuzzer: each
 * argument is a file, or a folder whose files are replayed in name
 * order.  Prints "name: N inputs" and exits 0 when none failed (a
 * failure aborts inside the target). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int replay_file(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        fprintf(stderr, "replay: cannot open %s\n", path);
        return 0;
    }
    size_t cap = 4096, n = 0;
    unsigned char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, fp)) > 0) {
        n += got;
        if (n == cap) {
            unsigned char *more = realloc(buf, cap *= 2);
            if (more == NULL)
                free(buf);
            buf = more;
        }
    }
    fclose(fp);
    if (buf == NULL) {
        fprintf(stderr, "replay: out of memory reading %s\n", path);
        return 0;
    }
    LLVMFuzzerTestOneInput(buf, n);
    free(buf);
    return 1;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    size_t count = 0;
    int ok = 1;
    for (int i = 1; i < argc; i++) {
        struct stat sb;
        if (stat(argv[i], &sb) != 0) {
            fprintf(stderr, "replay: no such file or folder: %s\n", argv[i]);
            ok = 0;
            continue;
        }
        if (!S_ISDIR(sb.st_mode)) {
            count += (size_t)replay_file(argv[i]);
            continue;
        }
        DIR *dir = opendir(argv[i]);
        if (dir == NULL) {
            ok = 0;
            continue;
        }
        char **names = NULL;
        size_t n = 0;
        struct dirent *de;
        while ((de = readdir(dir)) != NULL) {
            if (de->d_name[0] == '.')
                continue;
            char **more = realloc(names, (n + 1) * sizeof *names);
            if (more == NULL)
                break;
            names = more;
            if ((names[n] = malloc(strlen(argv[i]) + strlen(de->d_name) + 2)) == NULL)
                break;
            sprintf(names[n++], "%s/%s", argv[i], de->d_name);
        }
        closedir(dir);
        if (n)
            qsort(names, n, sizeof *names, by_name);
        for (size_t k = 0; k < n; k++) {
            count += (size_t)replay_file(names[k]);
            free(names[k]);
        }
        free(names);
    }
    printf("%s: %zu inputs replayed\n", argv[0], count);
    return ok ? 0 : 1;
}
