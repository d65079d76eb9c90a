/* Private to the export module: one writer a format, and what they share. */
#ifndef CITEGRAPH_EXPORT_IMPL_H
#define CITEGRAPH_EXPORT_IMPL_H

#include "citegraph/export.h"

/* Appends the text report (header and aligned table). */
cg_status cg_export_report_text(cg_buf *out, const cg_graph *g, const cg_metrics *m,
                                const size_t *rows, size_t n);
/* Appends the CSV report. */
cg_status cg_export_report_csv(cg_buf *out, const cg_graph *g, const cg_metrics *m,
                               const size_t *rows, size_t n);
/* Appends the JSON report. */
cg_status cg_export_report_json(cg_buf *out, const cg_graph *g, const cg_metrics *m,
                                const size_t *rows, size_t n);
/* Appends the Markdown report. */
cg_status cg_export_report_md(cg_buf *out, const cg_graph *g, const cg_metrics *m,
                              const size_t *rows, size_t n);
/* Appends the DOT of the graph up to its edges: header and vertices. */
cg_status cg_export_dot_vertices(cg_buf *out, const cg_graph *g, const cg_metrics *m,
                                 const unsigned char *keep);
/* Appends the rest of the DOT: the edges and the end. */
cg_status cg_export_dot_edges(cg_buf *out, const cg_graph *g, const unsigned char *keep);
/* Appends the GraphML of the graph up to its edges: header, keys, vertices. */
cg_status cg_export_graphml_vertices(cg_buf *out, const cg_graph *g, const cg_metrics *m,
                                     const unsigned char *keep);
/* Appends the rest of the GraphML: the edges and the end. */
cg_status cg_export_graphml_edges(cg_buf *out, const cg_graph *g, const unsigned char *keep);
/* Appends the graph as node and edge CSV rows. */
cg_status cg_export_graph_csv(cg_buf *out, const cg_graph *g, const cg_metrics *m,
                              const unsigned char *keep);
/* Appends the graph as node-link JSON. */
cg_status cg_export_graph_json(cg_buf *out, const cg_graph *g, const cg_metrics *m,
                               const unsigned char *keep);
/* Appends a TSV header row of n column names. */
cg_status cg_tsv_put_header(cg_buf *out, const char *const *names, size_t n);
/* Appends a year, or unknown when it is 0. */
cg_status cg_export_year(cg_buf *out, int year, const char *unknown);
/* Length (1 to 4) of the valid UTF-8 character at s[0..n), its code
 * point in *cp; 0 if the bytes there are not valid UTF-8. */
size_t cg_export_utf8_len(const char *s, size_t n, unsigned long *cp);
/* Appends the character at s[0..n) if valid UTF-8, else U+FFFD; returns
 * the number of bytes of s consumed (at least 1), 0 on failure. */
size_t cg_export_put_utf8(cg_buf *out, const char *s, size_t n);
/* Writes at o (room for 4 bytes) what cg_export_put_utf8 appends; *used
 * gets the bytes of s consumed; returns the end of what was written. */
char *cg_export_utf8_at(char *o, const char *s, size_t n, size_t *used);
/* The vertex ids of a graph, each escaped once for a format. */
typedef struct cg_export_ids {
    cg_buf text; /* the escaped ids, one after the other */
    size_t *at;  /* where each starts; at[nv] is the end */
} cg_export_ids;

/* Escapes every vertex id of g with put (CG_ENOMEM: ids left empty). */
cg_status cg_export_ids_make(cg_export_ids *ids, const cg_graph *g,
                             cg_status (*put)(cg_buf *, const char *));

/* Appends the escaped id of vertex v. */
cg_status cg_export_ids_put(cg_buf *out, const cg_export_ids *ids, size_t v);

/* Appends open, the escaped id of from, between, that of to, then close. */
cg_status cg_export_ids_put_pair(cg_buf *out, const cg_export_ids *ids, size_t from, size_t to,
                                 const char *open, const char *between, const char *close);

/* Releases the escaped ids. */
void cg_export_ids_free(cg_export_ids *ids);

/* Appends every edge of g between kept vertices, in edge order, with
 * put_edge (given the ids escaped by escape, the edge's ends and weight). */
cg_status cg_export_each_edge(cg_buf *out, const cg_graph *g, const unsigned char *keep,
                              cg_status (*escape)(cg_buf *, const char *),
                              cg_status (*put_edge)(cg_buf *, const cg_export_ids *, size_t,
                                                    size_t, double));

/* Whether vertex v is written (keep NULL keeps all). */
int cg_export_kept(const cg_graph *graph, const unsigned char *keep, size_t v);
/* Vertices of graph written (keep NULL keeps all). */
size_t cg_export_kept_count(const cg_graph *graph, const unsigned char *keep);
/* Makes room in out for about items × bytes_each more bytes, so that a
 * large output grows once, not by doubling with a copy each time: a hint
 * (when the room cannot be had, appending grows out as before; none when
 * out has a sink). */
void cg_export_expect(cg_buf *out, size_t items, size_t bytes_each);

/* The attributes of a document every format adds after its own: title,
 * date, organ, session. */
#define CG_EXPORT_NDOC_FIELDS 4
extern const char *const cg_export_doc_fields[CG_EXPORT_NDOC_FIELDS];

/* The i-th of those fields of a vertex; NULL when unknown. */
const char *cg_export_doc_field(const cg_vertex *x, size_t i);

/* The names of the manifest's attributes of the kept vertices (borrowed). */
typedef struct cg_attr_names {
    const char **names; /* sorted, each once */
    size_t n;
} cg_attr_names;

/* Collects the attribute names of the kept vertices. */
cg_status cg_export_attr_names(const cg_graph *g, const unsigned char *keep, cg_attr_names *out);

/* The value of a vertex's attribute; NULL if it has none of that name. */
const char *cg_export_attr(const cg_vertex *x, const char *name);

/* Releases the list (not the names). */
void cg_export_attr_names_free(cg_attr_names *names);

#endif
