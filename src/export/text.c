/* The text report: a short header of counts, then one aligned row a
 * vertex (numbers right-aligned in fixed columns, the id, then the
 * date and title of a document read). */
#include "export_impl.h"

cg_status cg_export_report_text(cg_buf *out, const cg_graph *g, const cg_metrics *m,
                                const size_t *rows, size_t n)
{
    cg_status st = cg_buf_printf(out,
                                 "documents read  %zu\n"
                                 "references      %zu\n"
                                 "vertices        %zu\n"
                                 "edges           %zu\n"
                                 "betweenness     %s\n"
                                 "shown           %zu\n\n",
                                 g->ndocs, g->nrefs, g->nv, g->ne, m->betweenness_method, n);
    if (st == CG_OK)
        st = cg_buf_printf(out, "%5s %8s %8s %5s %10s %10s %10s %11s %-10s %4s  %s\n", "rank",
                           "cited_by", "mentions", "cites", "pagerank", "authority", "hub",
                           "betweenness", "kind", "year", "id");
    for (size_t i = 0; i < n && st == CG_OK; i++) {
        size_t v = rows[i];
        const cg_vertex *x = &g->v[v];
        st = cg_buf_printf(out, "%5zu %8.0f %8.0f %5.0f %10.6f %10.6f %10.6f %11.6g %-10s ",
                           i + 1, m->cited_by[v], m->mentions[v], m->cites[v],
                           m->pagerank[v] + 0.0, m->authority[v] + 0.0, m->hub[v] + 0.0,
                           m->betweenness[v] + 0.0, cg_vkind_name(x->kind));
        if (st == CG_OK)
            st = x->year > 0 ? cg_buf_printf(out, "%4d", x->year) : cg_buf_puts(out, "   -");
        if (st == CG_OK)
            st = cg_buf_printf(out, "  %s%s", x->id, x->in_corpus ? " *" : "");
        if (st == CG_OK && x->date)
            st = cg_buf_printf(out, "  %s", x->date);
        if (st == CG_OK && x->title)
            st = cg_buf_printf(out, "  %s", x->title);
        if (st == CG_OK)
            st = cg_buf_putc(out, '\n');
    }
    if (st == CG_OK && n > 0)
        st = cg_buf_puts(out, "\n* read from the corpus\n");
    return st;
}
