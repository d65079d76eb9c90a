/* citegraph ref: a reference found in a document, with its canonical id
 * (spec/identifiers.md), and the list that holds a document's references. */
#ifndef CITEGRAPH_REF_H
#define CITEGRAPH_REF_H

#include <stddef.h>

#include "citegraph/core.h"

/* What a reference points at. */
typedef enum cg_kind {
    CG_KIND_SYMBOL,     /* a UN document symbol: A/78/738 */
    CG_KIND_RESOLUTION, /* a resolution or decision: S/RES/853 (1993) */
    CG_KIND_ICJ,        /* a decision of the ICJ: icj:180:order:2023-11-17 */
    CG_KIND_URL,        /* a web source */
    CG_KIND_OTHER,      /* an optional kind (spec 5): oic:res:10/49-POL */
    CG_KIND_COUNT
} cg_kind;

/* The lower-case name of a kind as printed ("symbol", "resolution", ...). */
const char *cg_kind_name(cg_kind kind);

/* Flags that qualify how a reference's id was obtained. */
enum {
    CG_REF_BODY_INFERRED = 1u << 0, /* no body named: the default body assumed */
    CG_REF_YEAR_INFERRED = 1u << 1, /* year taken from an earlier mention */
    CG_REF_CASE_INFERRED = 1u << 2, /* ICJ case taken from the registry by date */
    CG_REF_CASE_CONTEXT = 1u << 3,  /* ICJ case taken from the text around it */
    CG_REF_AMBIGUOUS = 1u << 4      /* a short form whose antecedent cited several */
};

/* How a reference reaches its target. */
typedef enum cg_via {
    CG_VIA_NONE, /* written out */
    CG_VIA_IBID, /* "Ibid.": the preceding citation's reference */
    CG_VIA_TERM, /* a term defined earlier ("hereinafter “Report”") */
    CG_VIA_COUNT
} cg_via;

/* The name of a way of reaching a target as printed ("", "ibid", "term"). */
const char *cg_via_name(cg_via via);

/* One mention.  Offsets are into the document's clean text; strings are
 * offsets into the owning list's string pool. */
typedef struct cg_ref {
    cg_kind kind;
    unsigned flags;
    size_t start;   /* first byte of the mention */
    size_t end;     /* one past its last byte */
    size_t target;  /* canonical id */
    size_t aliases; /* other symbols of a joint symbol, '|' separated, or "" */
    size_t pinpoint; /* the part cited: "page 4, para. 3", "annex", or "" */
    cg_via via;
} cg_ref;

/* A document's references in text order. */
typedef struct cg_refs {
    cg_ref *items;
    size_t n;
    size_t cap;
    cg_buf pool;
} cg_refs;

/* Appends a reference; id and aliases are copied (aliases may be NULL). */
cg_status cg_refs_add(cg_refs *refs, cg_kind kind, unsigned flags, size_t start,
                      size_t end, const char *id, const char *aliases);

/* The canonical id of a reference of refs. */
const char *cg_refs_target(const cg_refs *refs, const cg_ref *ref);

/* Sets the pinpoint of the reference at index i (copied, n bytes). */
cg_status cg_refs_set_pinpoint(cg_refs *refs, size_t i, const char *pinpoint, size_t n);

/* The pinpoint of a reference of refs ("" if none). */
const char *cg_refs_pinpoint(const cg_refs *refs, const cg_ref *ref);

/* The aliases of a reference of refs ("" if none). */
const char *cg_refs_aliases(const cg_refs *refs, const cg_ref *ref);

/* Sorts items [from, n) by start offset, keeping the order of equal starts. */
cg_status cg_refs_sort_from(cg_refs *refs, size_t from);

/* The first of refs->items[first, last), in text order, that starts at
 * or after off (last if none): a binary search. */
size_t cg_refs_starting_from(const cg_refs *refs, size_t first, size_t last, size_t off);

/* Removes every reference, keeping the memory. */
void cg_refs_clear(cg_refs *refs);

/* Releases the list's memory. */
void cg_refs_free(cg_refs *refs);

#endif
