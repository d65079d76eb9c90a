/* JSON: the report (counts and ranked rows) and the graph as node-link
 * JSON ({"nodes": [...], "links": [{"source", "target", "weight"}]}). */
#include <string.h>

#include "export_impl.h"

static cg_status put_str(cg_buf *out, const char *s)
{
    return cg_json_put_string(out, s, strlen(s));
}

/* Appends ", \"title\": ..., \"date\": ..., \"session\": ..." (null when
 * unknown) and the manifest's attributes of a vertex. */
static cg_status doc_members(cg_buf *out, const cg_vertex *x)
{
    cg_status st = CG_OK;
    for (size_t i = 0; i < CG_EXPORT_NDOC_FIELDS && st == CG_OK; i++) {
        if (i == 2) /* organ is written with the id's attributes */
            continue;
        const char *f = cg_export_doc_field(x, i);
        st = cg_buf_printf(out, ", \"%s\": ", cg_export_doc_fields[i]);
        if (st == CG_OK) st = f ? put_str(out, f) : cg_buf_puts(out, "null");
    }
    for (size_t k = 0; k < x->nattrs && st == CG_OK; k++) {
        st = cg_buf_puts(out, ", ");
        if (st == CG_OK) st = put_str(out, x->attrs[k].key);
        if (st == CG_OK) st = cg_buf_puts(out, ": ");
        if (st == CG_OK) st = put_str(out, x->attrs[k].value);
    }
    return st;
}

/* Appends the members of vertex v's object, without braces. */
static cg_status vertex_members(cg_buf *out, const cg_graph *g, const cg_metrics *m, size_t v)
{
    const cg_vertex *x = &g->v[v];
    cg_status st = cg_buf_puts(out, "\"id\": ");
    if (st == CG_OK) st = put_str(out, x->id);
    if (st == CG_OK) st = cg_buf_puts(out, ", \"label\": ");
    if (st == CG_OK) st = put_str(out, x->label);
    if (st == CG_OK) st = cg_buf_printf(out, ", \"kind\": \"%s\", \"in_corpus\": %s, \"year\": ",
                                        cg_vkind_name(x->kind), x->in_corpus ? "true" : "false");
    if (st == CG_OK) st = cg_export_year(out, x->year, "null");
    if (st == CG_OK) st = cg_buf_puts(out, ", \"organ\": ");
    if (st == CG_OK) st = put_str(out, x->organ);
    if (st == CG_OK)
        st = cg_buf_printf(out, ", \"cited_by\": %.0f, \"mentions\": %.0f, \"cites\": %.0f",
                           m->cited_by[v], m->mentions[v], m->cites[v]);
    const char *names[] = {"pagerank", "authority", "hub", "betweenness"};
    const double *reals[] = {m->pagerank, m->authority, m->hub, m->betweenness};
    for (size_t i = 0; i < 4 && st == CG_OK; i++) {
        st = cg_buf_printf(out, ", \"%s\": ", names[i]);
        if (st == CG_OK)
            st = cg_put_real(out, reals[i][v]);
    }
    return st == CG_OK ? doc_members(out, x) : st;
}

static cg_status counts(cg_buf *out, const cg_graph *g, const cg_metrics *m)
{
    cg_status st = cg_buf_printf(out, "\"documents\": %zu, \"references\": %zu, "
                                      "\"vertices\": %zu, \"edges\": %zu, "
                                      "\"betweenness_method\": ",
                                 g->ndocs, g->nrefs, g->nv, g->ne);
    return st == CG_OK ? put_str(out, m->betweenness_method) : st;
}

cg_status cg_export_report_json(cg_buf *out, const cg_graph *g, const cg_metrics *m,
                                const size_t *rows, size_t n)
{
    cg_status st = cg_buf_puts(out, "{");
    if (st == CG_OK) st = counts(out, g, m);
    if (st == CG_OK) st = cg_buf_puts(out, ",\n \"rows\": [");
    for (size_t i = 0; i < n && st == CG_OK; i++) {
        st = cg_buf_printf(out, "%s\n  {\"rank\": %zu, ", i ? "," : "", i + 1);
        if (st == CG_OK) st = vertex_members(out, g, m, rows[i]);
        if (st == CG_OK) st = cg_buf_putc(out, '}');
    }
    if (st == CG_OK) st = cg_buf_puts(out, n ? "\n ]}\n" : "]}\n");
    return st;
}

cg_status cg_export_graph_json(cg_buf *out, const cg_graph *g, const cg_metrics *m,
                               const unsigned char *keep)
{
    cg_status st = cg_buf_puts(out, "{\"directed\": true, \"multigraph\": false,\n \"graph\": {");
    if (st == CG_OK) st = counts(out, g, m);
    if (st == CG_OK) st = cg_buf_puts(out, "},\n \"nodes\": [");
    const char *sep = "";
    for (size_t v = 0; v < g->nv && st == CG_OK; v++) {
        if (!cg_export_kept(g, keep, v))
            continue;
        st = cg_buf_printf(out, "%s\n  {", sep);
        if (st == CG_OK) st = vertex_members(out, g, m, v);
        if (st == CG_OK) st = cg_buf_putc(out, '}');
        sep = ",";
    }
    if (st == CG_OK) st = cg_buf_puts(out, *sep ? "\n ],\n \"links\": [" : "],\n \"links\": [");
    sep = "";
    for (size_t e = 0; e < g->ne && st == CG_OK; e++) {
        igraph_integer_t from, to;
        if (igraph_edge(&g->g, (igraph_integer_t)e, &from, &to) != IGRAPH_SUCCESS)
            return CG_ELIMIT;
        if (!cg_export_kept(g, keep, (size_t)from) || !cg_export_kept(g, keep, (size_t)to))
            continue;
        st = cg_buf_printf(out, "%s\n  {\"source\": ", sep);
        if (st == CG_OK) st = put_str(out, g->v[from].id);
        if (st == CG_OK) st = cg_buf_puts(out, ", \"target\": ");
        if (st == CG_OK) st = put_str(out, g->v[to].id);
        if (st == CG_OK) st = cg_buf_printf(out, ", \"weight\": %.0f}", g->weight[e]);
        sep = ",";
    }
    if (st == CG_OK) st = cg_buf_puts(out, *sep ? "\n ]}\n" : "]}\n");
    return st;
}
