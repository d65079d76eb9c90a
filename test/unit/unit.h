/* Shared by the unit suites: the registry they load (the bundled one,
 * or CITEGRAPH_REGISTRY) and a main() that runs one suite. */
#ifndef CITEGRAPH_TEST_UNIT_H
#define CITEGRAPH_TEST_UNIT_H

#include <check.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "citegraph/citegraph.h"

/* Loads the bundled registry once for a suite; aborts the test on failure. */
static inline const cg_registry *unit_registry(void)
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

/* Loads the bundled registry (or CITEGRAPH_REGISTRY) into reg, its
 * resolution words grown by the NULL-terminated words (for tests of the
 * scans with other lexicons); aborts the test on failure. */
static inline void unit_registry_with_words(cg_registry *reg, const char *const *words)
{
    const char *dir = getenv("CITEGRAPH_REGISTRY");
    const char *dirs[1] = {dir ? dir : "data/registry"};
    cg_error err;
    cg_error_clear(&err);
    ck_assert_int_eq(cg_registry_load(reg, dirs, 1, &err), CG_OK);
    for (size_t k = 0; words[k]; k++)
        ck_assert_int_eq(cg_phrases_add(&reg->resolution_words, words[k], strlen(words[k]), 0),
                         CG_OK);
}

/* Extracts the references of a text given as a string (Markdown rules)
 * into refs; returns the loaded text for positions (free it). */
static inline cg_text unit_extract(const char *s, const cg_docid *self, cg_refs *refs)
{
    cg_text text;
    cg_error err;
    cg_error_clear(&err);
    ck_assert_int_eq(cg_text_from_bytes(&text, s, strlen(s), CG_MARKUP_PLAIN, "test", &err), CG_OK);
    cg_extractor *ex = cg_extractor_new(unit_registry());
    ck_assert_ptr_nonnull(ex);
    ck_assert_int_eq(cg_extract(ex, &text, self, refs), CG_OK);
    cg_extractor_free(ex);
    return text;
}

/* Pages of the first bytes bytes of the file at path in the page cache
 * (mincore on a mapping of it). */
static inline size_t unit_resident_pages(const char *path, size_t bytes)
{
    int fd = open(path, O_RDONLY);
    ck_assert_int_ge(fd, 0);
    void *map = mmap(NULL, bytes, PROT_READ, MAP_SHARED, fd, 0);
    ck_assert_ptr_ne(map, MAP_FAILED);
    size_t page = (size_t)sysconf(_SC_PAGESIZE), n = (bytes + page - 1) / page, count = 0;
    unsigned char *vec = malloc(n);
    ck_assert_ptr_nonnull(vec);
    ck_assert_int_eq(mincore(map, bytes, vec), 0);
    for (size_t i = 0; i < n; i++)
        count += vec[i] & 1;
    free(vec);
    munmap(map, bytes);
    close(fd);
    return count;
}

/* What a test sink (unit_keep_piece) was handed: every byte, in how
 * many pieces; it fails with CG_EIO at piece fail_at when that is not 0. */
typedef struct unit_pieces {
    cg_buf all;
    size_t pieces, fail_at;
} unit_pieces;

/* A cg_buf_sink's write that keeps what it is handed in a unit_pieces. */
static inline cg_status unit_keep_piece(void *ctx, const char *bytes, size_t n)
{
    unit_pieces *k = ctx;
    if (k->fail_at && k->pieces + 1 == k->fail_at)
        return CG_EIO;
    k->pieces++;
    return cg_buf_append(&k->all, bytes, n);
}

/* Runs one suite and exits with its verdict. */
#define UNIT_MAIN(make_suite)                                            \
    int main(void)                                                       \
    {                                                                    \
        SRunner *sr = srunner_create(make_suite());                      \
        srunner_run_all(sr, CK_NORMAL);                                  \
        int failed = srunner_ntests_failed(sr);                          \
        srunner_free(sr);                                                \
        return failed ? EXIT_FAILURE : EXIT_SUCCESS;                     \
    }

#endif
