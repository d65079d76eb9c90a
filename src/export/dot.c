/* Graphviz DOT, written here rather than by igraph so that it carries
 * labels and styles: shape and colour by kind, corpus documents filled
 * and bold, pen width growing with cited_by, edges labelled by weight. */
#include <math.h>

#include "export_impl.h"

typedef struct kind_style {
    const char *shape, *color, *fill, *style;
} kind_style;

static const kind_style styles[CG_VKIND_COUNT] = {
    [CG_VKIND_SYMBOL] = {"ellipse", "#1f77b4", "#dbe9f6", "solid"},
    [CG_VKIND_RESOLUTION] = {"box", "#ff7f0e", "#fde3c8", "rounded"},
    [CG_VKIND_ICJ] = {"diamond", "#d62728", "#f7d3d3", "solid"},
    [CG_VKIND_URL] = {"note", "#7f7f7f", "#eeeeee", "solid"},
    [CG_VKIND_OTHER] = {"octagon", "#9467bd", "#e7ddf1", "solid"},
    [CG_VKIND_DOCUMENT] = {"folder", "#2ca02c", "#d5efd5", "solid"},
};

static cg_status node(cg_buf *out, const cg_graph *g, const cg_metrics *m, size_t v)
{
    const cg_vertex *x = &g->v[v];
    const kind_style *s = &styles[(unsigned)x->kind < CG_VKIND_COUNT ? x->kind : CG_VKIND_OTHER];
    cg_status st = cg_buf_puts(out, "  ");
    if (st == CG_OK) st = cg_dot_put_string(out, x->id);
    if (st == CG_OK) st = cg_buf_puts(out, " [label=");
    if (st == CG_OK) st = cg_dot_put_string(out, x->label);
    if (st == CG_OK) st = cg_buf_puts(out, ", tooltip=");
    if (st == CG_OK) st = cg_dot_put_string(out, x->id);
    if (st == CG_OK) st = cg_buf_puts(out, ", shape=");
    if (st == CG_OK) st = cg_buf_puts(out, s->shape);
    if (st == CG_OK) st = cg_buf_puts(out, ", color=\"");
    if (st == CG_OK) st = cg_buf_puts(out, s->color);
    if (st == CG_OK && x->in_corpus) {
        st = cg_buf_puts(out, x->kind == CG_VKIND_RESOLUTION
                                  ? "\", style=\"filled,bold,rounded\", fillcolor=\""
                                  : "\", style=\"filled,bold\", fillcolor=\"");
        if (st == CG_OK) st = cg_buf_puts(out, s->fill);
    } else if (st == CG_OK) {
        st = cg_buf_puts(out, "\", style=\"");
        if (st == CG_OK) st = cg_buf_puts(out, s->style);
    }
    if (st == CG_OK) st = cg_buf_putc(out, '"');
    if (st == CG_OK) st = cg_buf_puts(out, ", penwidth=");
    if (st == CG_OK) st = cg_put_real(out, 1.0 + log2(1.0 + m->cited_by[v]));
    if (st == CG_OK) st = cg_buf_puts(out, ", cited_by=");
    if (st == CG_OK) st = cg_buf_put_count(out, m->cited_by[v]);
    if (st == CG_OK) st = cg_buf_puts(out, "];\n");
    return st;
}

cg_status cg_export_dot_vertices(cg_buf *out, const cg_graph *g, const cg_metrics *m,
                                 const unsigned char *keep)
{
    cg_export_expect(out, cg_export_kept_count(g, keep), 200); /* about 135 a vertex */
    cg_status st = cg_buf_printf(out,
                                 "digraph citegraph {\n"
                                 "  graph [rankdir=LR, overlap=false, fontname=\"Helvetica\", "
                                 "label=\"%zu documents, %zu vertices, %zu edges\"];\n"
                                 "  node [fontname=\"Helvetica\", fontsize=10];\n"
                                 "  edge [color=\"#555555\", arrowsize=0.6];\n",
                                 g->ndocs, g->nv, g->ne);
    for (size_t v = 0; v < g->nv && st == CG_OK; v++)
        if (cg_export_kept(g, keep, v) && (st = node(out, g, m, v)) == CG_OK)
            st = cg_buf_item_end(out);
    return st;
}

/* One edge: weight, pen width growing with it, and a label above 1. */
static cg_status edge(cg_buf *out, const cg_export_ids *ids, size_t from, size_t to, double w)
{
    cg_status st = cg_export_ids_put_pair(out, ids, from, to, "  ", " -> ", " [weight=");
    if (st == CG_OK) st = cg_buf_put_count(out, w);
    if (st == CG_OK) st = cg_buf_puts(out, ", penwidth=");
    if (st == CG_OK) st = cg_put_real(out, w < 8 ? 0.5 + 0.5 * w : 4.5);
    if (st == CG_OK && w > 1) st = cg_buf_puts(out, ", label=\"");
    if (st == CG_OK && w > 1) st = cg_buf_put_count(out, w);
    if (st == CG_OK && w > 1) st = cg_buf_putc(out, '"');
    if (st == CG_OK) st = cg_buf_puts(out, "];\n");
    return st;
}

cg_status cg_export_dot_edges(cg_buf *out, const cg_graph *g, const unsigned char *keep)
{
    cg_export_expect(out, keep ? 0 : g->ne, 100); /* about 75 an edge */
    cg_status st = cg_export_each_edge(out, g, keep, cg_dot_put_string, edge);
    return st == CG_OK ? cg_buf_puts(out, "}\n") : st;
}
