/* citegraph export: writing references and graphs in the formats other
 * tools read.  Writers append to a buffer; the caller decides where the
 * bytes go (stdout, or an atomically written file). */
#ifndef CITEGRAPH_EXPORT_H
#define CITEGRAPH_EXPORT_H

#include <stddef.h>

#include "citegraph/core.h"
#include "citegraph/graph.h"
#include "citegraph/metrics.h"
#include "citegraph/ref.h"
#include "citegraph/text.h"

/* Formats of the extract command's rows. */
typedef enum cg_refs_format {
    CG_REFS_TSV,  /* header row, then tab-separated columns */
    CG_REFS_JSONL /* one JSON object a line */
} cg_refs_format;

/* Appends the header row (TSV; nothing for JSONL). */
cg_status cg_refs_write_header(cg_buf *out, cg_refs_format format);

/* Appends one row per reference of a document: file as given, its
 * source id, then kind, target, text as written, column, aliases, notes. */
cg_status cg_refs_write(cg_buf *out, cg_refs_format format, const char *file,
                        const char *source, cg_text *text, const cg_refs *refs);

/* Appends s as one TSV field: every run of whitespace (tabs, line ends) one space. */
cg_status cg_tsv_put_field(cg_buf *out, const char *s);

/* Appends the header row of the docs listing (TSV; nothing for JSONL). */
cg_status cg_docs_write_header(cg_buf *out, cg_refs_format format);

/* Appends one row of the docs listing: the file as found and its identity
 * (id, aliases, how it was found, date, title, organ, session). */
cg_status cg_docs_write(cg_buf *out, cg_refs_format format, const char *file,
                        const cg_identity *who);

/* Appends s[0..n) as a JSON string literal, quotes included. */
cg_status cg_json_put_string(cg_buf *out, const char *s, size_t n);

/* Formats of the report command's table. */
typedef enum cg_report_format {
    CG_REPORT_TEXT, /* a short header, then an aligned table */
    CG_REPORT_CSV,  /* RFC 4180, one row a vertex */
    CG_REPORT_JSON, /* one object: counts and rows */
    CG_REPORT_MD,   /* a Markdown table under a short list of counts */
    CG_REPORT_HTML  /* one self-contained page: counts, tables, figures */
} cg_report_format;

/* Formats of the graph command's output. */
typedef enum cg_graph_format {
    CG_GRAPH_DOT,     /* Graphviz, styled by kind */
    CG_GRAPH_GRAPHML, /* GraphML with typed keys */
    CG_GRAPH_CSV,     /* one file: node and edge rows told apart by a type column */
    CG_GRAPH_JSON     /* node-link JSON: nodes and links */
} cg_graph_format;

/* Report format of a name ("text", "csv", "json", "md", "html"); -1 if unknown. */
int cg_report_format_parse(const char *name);

/* Graph format of a name ("dot", "graphml", "csv", "json"); -1 if unknown. */
int cg_graph_format_parse(const char *name);

/* Appends the report of vertices rows[0..n) of graph, in that order.
 * CG_REPORT_HTML is written without a drawing of the graph (see
 * cg_report_write_html). */
cg_status cg_report_write(cg_buf *out, cg_report_format format, const cg_graph *graph,
                          const cg_metrics *m, const size_t *rows, size_t n);

/* Appends graph in format; keep (nv flags, or NULL for all) selects the
 * vertices written, and the edges between kept vertices. */
cg_status cg_graph_write(cg_buf *out, cg_graph_format format, const cg_graph *graph,
                         const cg_metrics *m, const unsigned char *keep);

/* Appends the part of graph in format that comes before its edges (the
 * vertices, with their measures: DOT reads only the in-degree, GraphML
 * every measure): DOT and GraphML only, else CG_EUSAGE.  Followed by
 * cg_graph_write_edges, the same bytes as cg_graph_write. */
cg_status cg_graph_write_vertices(cg_buf *out, cg_graph_format format, const cg_graph *graph,
                                  const cg_metrics *m, const unsigned char *keep);

/* Appends the rest of graph in format (DOT or GraphML): its edges and its
 * end.  It reads no measure, so it may be made while they are computed. */
cg_status cg_graph_write_edges(cg_buf *out, cg_graph_format format, const cg_graph *graph,
                               const unsigned char *keep);

/* Appends s as one RFC 4180 CSV field (quoted when it needs to be). */
cg_status cg_csv_put_field(cg_buf *out, const char *s);

/* Appends s with XML special characters escaped and control bytes as spaces. */
cg_status cg_xml_put_escaped(cg_buf *out, const char *s);

/* Appends s as a double-quoted Graphviz DOT string. */
cg_status cg_dot_put_string(cg_buf *out, const char *s);

/* Appends s with the Markdown specials | * _ ` [ ] < > and backslash escaped. */
cg_status cg_md_put_escaped(cg_buf *out, const char *s);

/* Appends x in the fixed format %.6g (0 for -0, NaN or infinity). */
cg_status cg_put_real(cg_buf *out, double x);

/* Appends s[0..n) escaped for HTML text and attribute values (& < > " '),
 * control bytes other than tab and line end as spaces. */
cg_status cg_html_put_escaped(cg_buf *out, const char *s, size_t n);

/* Room enough for any address cg_link_url writes. */
#define CG_LINK_MAX 8400

/* Writes into out (outlen bytes) the web address where the target id of
 * a reference of kind (cg_kind) is read: undocs.org for symbols and
 * resolutions ("https://undocs.org/S/RES/853(1993)"), the ICJ's page of
 * the case, HUDOC for judgments of the European Court of Human Rights, a
 * web source itself.  Returns 0 (out empty) when there is none. */
int cg_link_url(int kind, const char *id, char *out, size_t outlen);

/* Appends one self-contained HTML page of a document with each of its
 * references a link to its target (cg_link_url), the id and kind in a
 * tooltip.  use_raw renders the text as read (plain text and PDF: keeps
 * footnote marks) rather than the clean text (Markdown, HTML). */
cg_status cg_annotate_write(cg_buf *out, const char *title, const char *source,
                            const cg_text *text, const cg_refs *refs, int use_raw);

/* Appends the HTML report: what was read, the references by kind, the
 * graph drawing graph_svg (an <svg> element from Graphviz; when NULL,
 * graph_note says why there is none), references by year of the cited
 * document as a bar chart, the most cited targets of each kind (top a
 * kind) with links, and the table of vertices rows[0..n). */
cg_status cg_report_write_html(cg_buf *out, const cg_graph *graph, const cg_metrics *m,
                               const size_t *rows, size_t n, size_t top,
                               const char *graph_svg, const char *graph_note);

#endif
