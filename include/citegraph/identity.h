/* citegraph identity: what a document says of itself (masthead:
 * distribution date, title, organ, session), how other documents
 * describe it ("the letter dated 8 February 2024 from the Permanent
 * Representative of Azerbaijan ... (A/78/764)"), and the corpus-wide
 * table that fixes every document's id before the graph is built
 * (spec/identifiers.md 6). */
#ifndef CITEGRAPH_IDENTITY_H
#define CITEGRAPH_IDENTITY_H

#include <stddef.h>

#include "citegraph/core.h"
#include "citegraph/extract.h"
#include "citegraph/manifest.h"
#include "citegraph/registry.h"
#include "citegraph/text.h"

/* Longest title, organ, session or author kept (longer ones are cut). */
#define CG_DESC_MAX 512

/* What a document's masthead says of it; "" (or 0) when not found. */
typedef struct cg_docdesc {
    char date[16];             /* distribution date, YYYY-MM-DD */
    char title[CG_DESC_MAX];   /* "Letter dated 8 February 2024 from ..." */
    char organ[CG_DESC_MAX];   /* "General Assembly; Security Council" */
    char session[CG_DESC_MAX]; /* "Seventy-eighth session; Seventy-eighth year" */
    long letter_date;          /* YYYYMMDD of the communication its title dates */
    char author[CG_DESC_MAX];  /* its author, folded (cg_author_key) */
} cg_docdesc;

/* Reads the masthead of text (the lines before the body) into out. */
void cg_describe(const cg_registry *reg, const cg_text *text, cg_docdesc *out);

/* A communication described in a text together with the symbol given
 * for it: "letter dated <date> from <author> ... (<symbol>)". */
typedef struct cg_described {
    long date;                 /* YYYYMMDD */
    char author[CG_DESC_MAX];  /* folded (cg_author_key) */
    char id[CG_ID_MAX];        /* the symbol's canonical id */
    char aliases[CG_ID_MAX];   /* its joint aliases, '|' separated */
} cg_described;

/* Called for each description found; returns nonzero to stop. */
typedef int (*cg_described_fn)(const cg_described *d, void *ctx);

/* Finds every description of a dated communication paired with symbols
 * in text, one call a (date, symbol) pair, in text order. */
void cg_find_described(const cg_registry *reg, const cg_text *text, cg_described_fn fn,
                       void *ctx);

/* Parses "dated D1 [, D2 ...] and Dn from [the] AUTHOR" at p (just after
 * the word "dated"): up to maxdates dates (YYYYMMDD) into dates, the
 * folded author into author.  Returns the end of the author, or NULL. */
const char *cg_letter_parse(const cg_registry *reg, const char *p, const char *end,
                            long *dates, size_t maxdates, size_t *ndates, char *author,
                            size_t authorlen);

/* Folds an author phrase: lower case, one space, leading "the" and
 * trailing "to the United Nations" dropped. */
void cg_author_key(const char *p, const char *end, char *out, size_t outlen);

/* How a document's id was found, in order of preference (spec 6). */
typedef enum cg_how {
    CG_HOW_MANIFEST,  /* the corpus manifest */
    CG_HOW_FILE_NAME, /* a UN-style file name */
    CG_HOW_MASTHEAD,  /* its own masthead or page header */
    CG_HOW_CORPUS,    /* another document of the corpus describes it */
    CG_HOW_PATH       /* none of these: doc: and its path */
} cg_how;

/* The name of a way ("manifest", "file-name", "masthead", "corpus", "path"). */
const char *cg_how_name(cg_how how);

/* The identity of one document of the corpus, once resolved. */
typedef struct cg_identity {
    cg_docid id;
    cg_how how;
    cg_docdesc desc;              /* title, date, organ: the manifest's over the masthead's */
    const cg_manifest_entry *entry; /* NULL if the manifest says nothing of it */
} cg_identity;

/* Every document's identity, built in a first pass over the corpus and
 * resolved once all documents are known; each kept in as many bytes as
 * its strings need. */
typedef struct cg_identities cg_identities;

/* Makes an empty table for ndocs documents; NULL if out of memory. */
cg_identities *cg_identities_new(size_t ndocs);

/* What one document says of itself and of others, as read from its
 * text, before the corpus resolves it. */
typedef struct cg_doc_reading {
    cg_identity self;      /* its id from the manifest, file name or masthead */
    cg_described *claims;  /* the descriptions of other documents it contains */
    size_t nclaims, cap;
} cg_doc_reading;

/* Reads document rel (text: its head, or all of it; entry may be NULL)
 * into out, in any thread.  CG_ENOMEM leaves nothing to free. */
cg_status cg_doc_read(const cg_registry *reg, const char *rel, const cg_manifest_entry *entry,
                      const cg_text *text, cg_doc_reading *out);

/* Releases what a reading holds. */
void cg_doc_reading_free(cg_doc_reading *r);

/* Records the reading of document i in the table. */
cg_status cg_identities_put(cg_identities *t, size_t i, const cg_doc_reading *r);

/* Reads document i (cg_doc_read) and records it (cg_identities_put). */
cg_status cg_identities_add(cg_identities *t, size_t i, const cg_registry *reg,
                            const char *rel, const cg_manifest_entry *entry,
                            const cg_text *text);

/* Records the descriptions of other documents that text, a part of
 * document i not given to cg_identities_add, contains. */
cg_status cg_identities_add_claims(cg_identities *t, size_t i, const cg_registry *reg,
                                   const cg_text *text);

/* The parts of a document read to identify it: its head (masthead and
 * title) and a window around each "dated" after it, each a clean text. */
typedef struct cg_doc_parts {
    cg_text head;
    int has_head;
    cg_text *windows;
    size_t n, cap;
} cg_doc_parts;

/* Most bytes of a document's head: its lines up to the first line end
 * at or after this byte. */
#define CG_DOC_HEAD_BYTES 65536

/* Most lines of a document's head (at least what the masthead rules read). */
#define CG_DOC_HEAD_LINES 200

/* Cuts the head out of a document loaded with CG_MARKUP_NONE (or of its
 * first CG_DOC_HEAD_BYTES) and cleans it with markup; name is for errors. */
cg_status cg_doc_parts_head(const cg_text *raw, cg_markup markup, const char *name,
                            cg_doc_parts *parts, cg_error *err);

/* Adds to parts the windows around each "dated" (the lexicon's word)
 * after the head of the whole document raw (CG_MARKUP_NONE), cleaned. */
cg_status cg_doc_parts_windows(const cg_registry *reg, const cg_text *raw, cg_markup markup,
                               const char *name, cg_doc_parts *parts, cg_error *err);

/* Both: the head and the windows.  Nothing to free on failure. */
cg_status cg_doc_parts_make(const cg_registry *reg, const cg_text *raw, cg_markup markup,
                            const char *name, cg_doc_parts *parts, cg_error *err);

/* Releases the parts. */
void cg_doc_parts_free(cg_doc_parts *parts);

/* Whether some document added could still be named by another: its id
 * is its path and its title describes a dated letter of an author.  When
 * none could, the descriptions inside documents need not be read. */
int cg_identities_wanted(const cg_identities *t);

/* Gives each document still without a symbol the one the corpus
 * describes it with, when exactly one document matches and no other
 * document of the corpus has that id already.  Deterministic, O(n log n). */
cg_status cg_identities_resolve(cg_identities *t);

/* Fills out with the identity of document i (once added); returns 0 if
 * i was never added. */
int cg_identities_get(const cg_identities *t, size_t i, cg_identity *out);

/* Releases the table. */
void cg_identities_free(cg_identities *t);

#endif
