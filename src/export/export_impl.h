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
/* Appends the graph as DOT. */
cg_status cg_export_graph_dot(cg_buf *out, const cg_graph *g, const cg_metrics *m,
                              const unsigned char *keep);
/* Appends the graph as GraphML. */
cg_status cg_export_graph_graphml(cg_buf *out, const cg_graph *g, const cg_metrics *m,
                                  const unsigned char *keep);
/* Appends the graph as node and edge CSV rows. */
cg_status cg_export_graph_csv(cg_buf *out, const cg_graph *g, const cg_metrics *m,
                              const unsigned char *keep);
/* Appends the graph as node-link JSON. */
cg_status cg_export_graph_json(cg_buf *out, const cg_graph *g, const cg_metrics *m,
                               const unsigned char *keep);
/* Appends a year, or unknown when it is 0. */
cg_status cg_export_year(cg_buf *out, int year, const char *unknown);
/* Length (1 to 4) of the valid UTF-8 character at s[0..n), its code
 * point in *cp; 0 if the bytes there are not valid UTF-8. */
size_t cg_export_utf8_len(const char *s, size_t n, unsigned long *cp);
/* Appends the character at s[0..n) if valid UTF-8, else U+FFFD; returns
 * the number of bytes of s consumed (at least 1), 0 on failure. */
size_t cg_export_put_utf8(cg_buf *out, const char *s, size_t n);
/* Whether vertex v is written (keep NULL keeps all). */
int cg_export_kept(const cg_graph *graph, const unsigned char *keep, size_t v);

#endif
