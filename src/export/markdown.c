/* The Markdown report: the counts as a list, then a table whose last
 * columns are a document's title, date, organ and session. */
#include "export_impl.h"

cg_status cg_export_report_md(cg_buf *out, const cg_graph *g, const cg_metrics *m,
                              const size_t *rows, size_t n)
{
    cg_status st = cg_buf_printf(out,
                                 "- documents read: %zu\n- references: %zu\n- vertices: %zu\n"
                                 "- edges: %zu\n- betweenness: %s\n\n"
                                 "| rank | id | label | kind | in corpus | year | cited by | "
                                 "mentions | cites | pagerank | authority | hub | betweenness | "
                                 "title | date | organ | session |\n"
                                 "|---:|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
                                 "---|---|---|---|\n",
                                 g->ndocs, g->nrefs, g->nv, g->ne, m->betweenness_method);
    for (size_t i = 0; i < n && st == CG_OK; i++) {
        size_t v = rows[i];
        const cg_vertex *x = &g->v[v];
        st = cg_buf_printf(out, "| %zu | ", i + 1);
        if (st == CG_OK) st = cg_md_put_escaped(out, x->id);
        if (st == CG_OK) st = cg_buf_puts(out, " | ");
        if (st == CG_OK) st = cg_md_put_escaped(out, x->label);
        if (st == CG_OK) st = cg_buf_printf(out, " | %s | %s | ", cg_vkind_name(x->kind),
                                            x->in_corpus ? "yes" : "no");
        if (st == CG_OK) st = cg_export_year(out, x->year, "");
        if (st == CG_OK) st = cg_buf_printf(out, " | %.0f | %.0f | %.0f", m->cited_by[v],
                                            m->mentions[v], m->cites[v]);
        const double *reals[] = {m->pagerank, m->authority, m->hub, m->betweenness};
        for (size_t k = 0; k < 4 && st == CG_OK; k++) {
            st = cg_buf_puts(out, " | ");
            if (st == CG_OK)
                st = cg_put_real(out, reals[k][v]);
        }
        for (size_t k = 0; k < CG_EXPORT_NDOC_FIELDS && st == CG_OK; k++) {
            const char *f = cg_export_doc_field(x, k);
            st = cg_buf_puts(out, " | ");
            if (st == CG_OK && f) st = cg_md_put_escaped(out, f);
        }
        if (st == CG_OK) st = cg_buf_puts(out, " |\n");
    }
    return st;
}
