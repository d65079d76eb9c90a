/* citegraph graph: the citation graph of a corpus.  One vertex per
 * canonical id (every document read and every target it cites, joint
 * symbol aliases merged corpus-wide), one edge per (citing document,
 * cited target) weighted by the number of mentions, no self-loops.
 *
 * The igraph_t holds the structure only.  Vertex attributes (id, label,
 * kind, ...) and edge weights are kept alongside it in plain C arrays
 * indexed by vertex and edge id, not in igraph's attribute handler: no
 * global handler to install, no string copies inside igraph, and every
 * attribute typed. */
#ifndef CITEGRAPH_GRAPH_H
#define CITEGRAPH_GRAPH_H

#include <stddef.h>

#include <igraph.h>

#include "citegraph/core.h"
#include "citegraph/extract.h"
#include "citegraph/identity.h"
#include "citegraph/ref.h"

/* What a vertex is: the kinds of references, plus a corpus document
 * that has no symbol of its own ("doc:..." ids). */
typedef enum cg_vkind {
    CG_VKIND_SYMBOL = CG_KIND_SYMBOL,
    CG_VKIND_RESOLUTION = CG_KIND_RESOLUTION,
    CG_VKIND_ICJ = CG_KIND_ICJ,
    CG_VKIND_URL = CG_KIND_URL,
    CG_VKIND_OTHER = CG_KIND_OTHER,
    CG_VKIND_DOCUMENT,
    CG_VKIND_COUNT
} cg_vkind;

/* The attributes of one vertex. */
typedef struct cg_vertex {
    char *id;          /* canonical id */
    char *label;       /* short label for drawings */
    cg_vkind kind;
    int in_corpus;     /* 1 if the document was read */
    int year;          /* from the id; 0 if unknown */
    const char *organ; /* "General Assembly", ...; "" if unknown: the
                          document's own (doc_organ) or the id's (static) */
    /* what a document of the corpus says of itself or the manifest says
     * of it; NULL when unknown */
    char *title;
    char *date;        /* YYYY-MM-DD */
    char *session;     /* "Seventy-eighth session; Seventy-eighth year" */
    char *doc_organ;
    cg_attr *attrs;    /* the manifest's attributes of the document */
    size_t nattrs;
} cg_vertex;

/* A citation graph: structure, vertex attributes, edge weights. */
typedef struct cg_graph {
    igraph_t g;            /* directed: citing -> cited; vertex i is v[i] */
    int has_g;             /* whether g was made (and must be destroyed) */
    cg_vertex *v;          /* nv vertices, sorted by id */
    size_t nv;
    double *weight;        /* ne edge weights (mentions), in igraph edge order */
    size_t ne;
    size_t ndocs;          /* documents read */
    size_t nrefs;          /* references (mentions) read, self-references excluded */
} cg_graph;

/* Collects documents and their references until the graph is built. */
typedef struct cg_graph_builder cg_graph_builder;

/* Name of a vertex kind ("symbol", ..., "document"). */
const char *cg_vkind_name(cg_vkind kind);

/* Vertex kind of a name; -1 if the name is not a kind. */
int cg_vkind_parse(const char *name);

/* Makes an empty builder; NULL if out of memory. */
cg_graph_builder *cg_graph_builder_new(void);

/* Records a document read (its id and joint aliases) and its references. */
cg_status cg_graph_builder_add(cg_graph_builder *b, const cg_docid *doc, const cg_refs *refs);

/* Records more references of a document already recorded (the later
 * pieces of a large file). */
cg_status cg_graph_builder_add_refs(cg_graph_builder *b, const cg_docid *doc,
                                    const cg_refs *refs);

/* Records what is known of a document read (title, date, organ,
 * session, manifest attributes) for its vertex; the first document of
 * an id wins. */
cg_status cg_graph_builder_describe(cg_graph_builder *b, const cg_identity *who);

/* Builds the graph of everything recorded; aliases resolved corpus-wide. */
cg_status cg_graph_build(const cg_graph_builder *b, cg_graph *out, cg_error *err);

/* Releases a builder. */
void cg_graph_builder_free(cg_graph_builder *b);

/* Releases a graph. */
void cg_graph_free(cg_graph *graph);

/* Vertex index of a canonical id, or -1 (binary search). */
long cg_graph_find(const cg_graph *graph, const char *id);

/* Writes the short label of an id of a kind into out (outlen bytes). */
void cg_graph_label(const char *id, cg_vkind kind, char *out, size_t outlen);

/* Year an id names (S/2023/888 2023, A/78/.. 2023, "(1993)", ICJ date); 0 if none. */
int cg_graph_year(const char *id);

/* Organ that issued a symbol ("General Assembly", ...); "" if unknown. */
const char *cg_graph_organ(const char *id);

/* Installs igraph error and warning handlers that record instead of
 * aborting; safe to call more than once. */
void cg_graph_igraph_handlers(void);

/* Reason of the last igraph error or warning recorded ("" if none). */
const char *cg_graph_igraph_reason(void);

#endif
