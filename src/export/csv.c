/* CSV (RFC 4180): the report table, and the graph as one file of node
 * rows and edge rows told apart by a leading type column.  The columns
 * of documents (title, date, organ, session, manifest attributes) come
 * last. */
#include "export_impl.h"

static const char report_header[] =
    "id,label,kind,in_corpus,year,cited_by,mentions,cites,pagerank,authority,hub,betweenness";

/* Appends ",title,date,organ,session" and the attribute names, then the line end. */
static cg_status doc_header(cg_buf *out, const cg_attr_names *names)
{
    cg_status st = CG_OK;
    for (size_t i = 0; i < CG_EXPORT_NDOC_FIELDS && st == CG_OK; i++)
        st = cg_buf_printf(out, ",%s", cg_export_doc_fields[i]);
    for (size_t i = 0; i < names->n && st == CG_OK; i++) {
        st = cg_buf_putc(out, ',');
        if (st == CG_OK) st = cg_csv_put_field(out, names->names[i]);
    }
    return st == CG_OK ? cg_buf_puts(out, "\r\n") : st;
}

/* Appends a vertex's document fields (empty for an edge: x NULL) and the line end. */
static cg_status doc_fields(cg_buf *out, const cg_vertex *x, const cg_attr_names *names)
{
    cg_status st = CG_OK;
    for (size_t i = 0; i < CG_EXPORT_NDOC_FIELDS && st == CG_OK; i++) {
        st = cg_buf_putc(out, ',');
        const char *f = x ? cg_export_doc_field(x, i) : NULL;
        if (st == CG_OK && f) st = cg_csv_put_field(out, f);
    }
    for (size_t i = 0; i < names->n && st == CG_OK; i++) {
        st = cg_buf_putc(out, ',');
        const char *f = x ? cg_export_attr(x, names->names[i]) : NULL;
        if (st == CG_OK && f) st = cg_csv_put_field(out, f);
    }
    return st == CG_OK ? cg_buf_puts(out, "\r\n") : st;
}

/* Appends the attribute and measure fields of vertex v (no line end). */
static cg_status vertex_fields(cg_buf *out, const cg_graph *g, const cg_metrics *m, size_t v)
{
    const cg_vertex *x = &g->v[v];
    cg_status st = cg_csv_put_field(out, x->id);
    if (st == CG_OK) st = cg_buf_putc(out, ',');
    if (st == CG_OK) st = cg_csv_put_field(out, x->label);
    if (st == CG_OK) st = cg_buf_putc(out, ',');
    if (st == CG_OK) st = cg_buf_puts(out, cg_vkind_name(x->kind));
    if (st == CG_OK) st = cg_buf_puts(out, x->in_corpus ? ",true," : ",false,");
    if (st == CG_OK) st = cg_export_year(out, x->year, "");
    const double counts[] = {m->cited_by[v], m->mentions[v], m->cites[v]};
    for (size_t i = 0; i < 3 && st == CG_OK; i++) {
        st = cg_buf_putc(out, ',');
        if (st == CG_OK) st = cg_buf_put_count(out, counts[i]);
    }
    const double *reals[] = {m->pagerank, m->authority, m->hub, m->betweenness};
    for (size_t i = 0; i < 4 && st == CG_OK; i++) {
        st = cg_buf_putc(out, ',');
        if (st == CG_OK)
            st = cg_put_real(out, reals[i][v]);
    }
    return st;
}

cg_status cg_export_report_csv(cg_buf *out, const cg_graph *g, const cg_metrics *m,
                               const size_t *rows, size_t n)
{
    cg_export_expect(out, n, 160); /* about 95 a row */
    unsigned char *keep = cg_calloc(g->nv ? g->nv : 1, 1);
    if (keep == NULL)
        return CG_ENOMEM;
    for (size_t i = 0; i < n; i++)
        keep[rows[i]] = 1;
    cg_attr_names names;
    cg_status st = cg_export_attr_names(g, keep, &names);
    cg_free(keep);
    if (st == CG_OK) st = cg_buf_puts(out, report_header);
    if (st == CG_OK) st = doc_header(out, &names);
    for (size_t i = 0; i < n && st == CG_OK; i++) {
        st = vertex_fields(out, g, m, rows[i]);
        if (st == CG_OK)
            st = doc_fields(out, &g->v[rows[i]], &names);
        if (st == CG_OK)
            st = cg_buf_item_end(out);
    }
    cg_export_attr_names_free(&names);
    return st;
}

cg_status cg_export_graph_csv(cg_buf *out, const cg_graph *g, const cg_metrics *m,
                              const unsigned char *keep)
{
    cg_attr_names names;
    cg_status st = cg_export_attr_names(g, keep, &names);
    if (st == CG_OK)
        st = cg_buf_puts(out, "type,id,label,kind,in_corpus,year,cited_by,mentions,cites,"
                              "pagerank,authority,hub,betweenness,source,target,weight");
    if (st == CG_OK) st = doc_header(out, &names);
    for (size_t v = 0; v < g->nv && st == CG_OK; v++) {
        if (!cg_export_kept(g, keep, v))
            continue;
        st = cg_buf_puts(out, "node,");
        if (st == CG_OK) st = vertex_fields(out, g, m, v);
        if (st == CG_OK) st = cg_buf_puts(out, ",,,");
        if (st == CG_OK) st = doc_fields(out, &g->v[v], &names);
    }
    for (size_t e = 0; e < g->ne && st == CG_OK; e++) {
        igraph_integer_t from, to;
        if (igraph_edge(&g->g, (igraph_integer_t)e, &from, &to) != IGRAPH_SUCCESS) {
            st = CG_ELIMIT;
            break;
        }
        if (!cg_export_kept(g, keep, (size_t)from) || !cg_export_kept(g, keep, (size_t)to))
            continue;
        st = cg_buf_puts(out, "edge,,,,,,,,,,,,,");
        if (st == CG_OK) st = cg_csv_put_field(out, g->v[from].id);
        if (st == CG_OK) st = cg_buf_putc(out, ',');
        if (st == CG_OK) st = cg_csv_put_field(out, g->v[to].id);
        if (st == CG_OK) st = cg_buf_putc(out, ',');
        if (st == CG_OK) st = cg_buf_put_count(out, g->weight[e]);
        if (st == CG_OK) st = doc_fields(out, NULL, &names);
    }
    cg_export_attr_names_free(&names);
    return st;
}
