/* Fuzz target: raw bytes as a registry YAML file, loaded alone; a
 * registry that loads is then used to extract from a fixed sentence. */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char sentence[] =
    "See A/78/1, resolution 853 (1993) of the Security Council, Ibid., and "
    "the Order of 17 November 2023 (https://www.icj-cij.org/case/180).";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char dir[64], path[96];
    if (dir[0] == '\0') {
        snprintf(dir, sizeof dir, "%s", "/tmp/citegraph-fuzz-XXXXXX");
        if (mkdtemp(dir) == NULL)
            abort();
        snprintf(path, sizeof path, "%s/registry.yaml", dir);
    }
    FILE *fp = fopen(path, "wb");
    if (fp == NULL || (size && fwrite(data, 1, size, fp) != size) || fclose(fp) != 0)
        abort();
    const char *dirs[1] = {dir};
    cg_registry reg;
    cg_error err;
    cg_error_clear(&err);
    if (cg_registry_load(&reg, dirs, 1, &err) == CG_OK) {
        cg_extractor *ex = cg_extractor_new(&reg);
        cg_text text;
        if (ex && cg_text_from_bytes(&text, sentence, strlen(sentence), CG_MARKUP_PLAIN, "s",
                                     &err) == CG_OK) {
            cg_refs refs = {0};
            cg_extract(ex, &text, NULL, &refs);
            cg_refs_free(&refs);
            cg_text_free(&text);
        }
        cg_extractor_free(ex);
        cg_registry_free(&reg);
    } else if (err.status != CG_ECONFIG && err.status != CG_ENOMEM) {
        abort(); /* a bad file is a configuration error, nothing else */
    }
    unlink(path);
    return 0;
}
