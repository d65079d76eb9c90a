/* citegraph manifest: what a user states about the documents of a
 * corpus, in YAML (docs/identifiers.md, "The corpus manifest"): per file
 * its symbols (the first is its id, the others aliases), title, date,
 * organ, and any other key, carried into the graph as a vertex attribute. */
#ifndef CITEGRAPH_MANIFEST_H
#define CITEGRAPH_MANIFEST_H

#include <stddef.h>

#include "citegraph/core.h"

/* The name of the manifest picked up in a folder named on the command line. */
#define CG_MANIFEST_NAME "manifest.yaml"

/* A key and its value. */
typedef struct cg_attr {
    char *key;
    char *value;
} cg_attr;

/* What the manifest says of one file. */
typedef struct cg_manifest_entry {
    char *file;       /* the name as written in the manifest */
    char *path;       /* file joined to the manifest's folder */
    char **symbols;   /* nsymbols symbols as written; the first is the id */
    size_t nsymbols;
    char *title;      /* NULL when not given */
    char *date;       /* YYYY-MM-DD, NULL when not given */
    char *organ;      /* NULL when not given */
    cg_attr *attrs;   /* every other key, in the order written */
    size_t nattrs;
    long line, column; /* where the entry's name is */
    int used;         /* set when a document of the corpus matched it */
} cg_manifest_entry;

/* A loaded manifest: its entries sorted by path. */
typedef struct cg_manifest {
    char *name;                 /* the manifest's path, for messages */
    cg_manifest_entry *entries;
    size_t n;
    cg_manifest_entry **by_file; /* the entries sorted by file */
} cg_manifest;

/* Loads the manifest at path.  A malformed one is CG_ECONFIG with
 * path:line:column in err; an unreadable one CG_EIO. */
cg_status cg_manifest_load(cg_manifest *m, const char *path, cg_error *err);

/* Loads a manifest from len bytes; name is used in messages, dir is the
 * folder its file names are relative to ("" for none). */
cg_status cg_manifest_parse(cg_manifest *m, const char *bytes, size_t len, const char *name,
                            const char *dir, cg_error *err);

/* The entry for a document at path (as found) or rel (relative to the
 * folder named on the command line); NULL if none. */
cg_manifest_entry *cg_manifest_find(const cg_manifest *m, const char *path, const char *rel);

/* Whether name is a vertex attribute citegraph writes itself (and so
 * cannot be a manifest key). */
int cg_manifest_reserved(const char *name);

/* Releases a manifest. */
void cg_manifest_free(cg_manifest *m);

#endif
