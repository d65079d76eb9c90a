/* citegraph extract: finds every reference of a document's text and
 * gives each its canonical id.  One pass over the clean text, dispatching
 * on the bytes that can start a reference. */
#ifndef CITEGRAPH_EXTRACT_H
#define CITEGRAPH_EXTRACT_H

#include <stddef.h>

#include "citegraph/core.h"
#include "citegraph/ref.h"
#include "citegraph/registry.h"
#include "citegraph/text.h"

/* Longest canonical id the extractor builds (longer URLs are cut off
 * from the graph: they are reported as their first CG_ID_MAX-1 bytes). */
#define CG_ID_MAX 2048

/* An extractor: the registry it reads and the tables built from it.
 * One extractor may be shared by threads; it is read-only once made. */
typedef struct cg_extractor cg_extractor;

/* The identity of a document: its id and the aliases of a joint symbol. */
typedef struct cg_docid {
    char id[CG_ID_MAX];
    char aliases[CG_ID_MAX]; /* '|' separated */
} cg_docid;

/* Makes an extractor over reg (which must outlive it); NULL if out of memory. */
cg_extractor *cg_extractor_new(const cg_registry *reg);

/* Releases an extractor. */
void cg_extractor_free(cg_extractor *ex);

/* Appends the references of text to out, in text order.  References to
 * self (the document's own id or aliases) are left out. */
cg_status cg_extract(const cg_extractor *ex, const cg_text *text, const cg_docid *self,
                     cg_refs *out);

/* Parses a symbol at p; on success writes its canonical id (and any
 * joint aliases, '|' separated) and returns the end of the symbol in the
 * text; NULL if p does not start a symbol.  *is_resolution tells an
 * S/RES/..., A/RES/... symbol. */
const char *cg_symbol_parse(const cg_registry *reg, const char *p, const char *end,
                            char *id, size_t idlen, char *aliases, size_t aliaslen,
                            int *is_resolution);

/* cg_symbol_parse for a symbol the text calls a document ("document
 * S/24"): a single component may also be a number of one or two digits. */
const char *cg_symbol_parse_short(const cg_registry *reg, const char *p, const char *end,
                                  char *id, size_t idlen, char *aliases, size_t aliaslen,
                                  int *is_resolution);

/* Parses at p the symbol of a body outside the United Nations (a series
 * of the registry's other-series, then components as in a UN symbol, a
 * word with a number in brackets too: "WT/MIN(01)/DEC/1"); on success
 * writes "prefix:SYMBOL", the symbol in capitals, and returns its end;
 * NULL if p does not start one. */
const char *cg_other_symbol_parse(const cg_registry *reg, const char *p, const char *end,
                                  char *id, size_t idlen);

/* Canonical form of a URL written as text[0..len): scheme and host in
 * lower case, "https://" added to "www.", backslashes removed. */
void cg_url_canonical(const char *text, size_t len, char *out, size_t outlen);

/* Document identity from its path: a UN-style file name gives its symbol
 * (A_78_764-EN.pdf is A/78/764); otherwise "doc:" + rel without its
 * extension.  rel is the path relative to the folder named by the user,
 * or the base name for a file named directly. */
void cg_docid_from_path(const cg_registry *reg, const char *rel, cg_docid *out);

/* Looks for the document's own symbol in its masthead (the first lines);
 * fills out and returns 1 if one is found. */
int cg_docid_from_masthead(const cg_registry *reg, const cg_text *text, cg_docid *out);

#endif
