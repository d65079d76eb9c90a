/* citegraph corpus: the documents named on the command line, folders
 * walked recursively in name order, each file with the path to print and
 * the path its identity is derived from. */
#ifndef CITEGRAPH_CORPUS_H
#define CITEGRAPH_CORPUS_H

#include <stddef.h>
#include <stdint.h>

#include "citegraph/core.h"

/* One document to read. */
typedef struct cg_corpus_file {
    char *path;  /* as found: the argument, or the folder argument joined with the rest */
    char *rel;   /* relative to the folder argument, or the base name */
    int markup;  /* cg_markup */
    uint64_t size; /* bytes when listed (0 if not a regular file) */
} cg_corpus_file;

/* The documents to read, in order, and what could not be read. */
typedef struct cg_corpus {
    cg_corpus_file *files;
    size_t n;
    size_t cap;
    size_t failures; /* inputs that could not be listed (reported) */
} cg_corpus;

/* Called for each problem met while listing (missing path, unreadable
 * folder, symlink loop, skipped file).  fatal is 0 for a note. */
typedef void (*cg_corpus_report)(const cg_error *err, int fatal, void *ctx);

/* Lists the documents of paths: files of a known type (.txt, .md,
 * .html, .htm, .pdf) in folders, recursively and sorted; other files in
 * folders are reported as skipped; hidden entries are ignored. */
cg_status cg_corpus_collect(cg_corpus *corpus, const char *const *paths, size_t npaths,
                            cg_corpus_report report, void *ctx);

/* Releases the list. */
void cg_corpus_free(cg_corpus *corpus);

#endif
