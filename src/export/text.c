/* The text report: a short header of counts, then one aligned row a
 * vertex (numbers right-aligned in fixed columns, the id, then the
 * date and title of a document read). */
#include <math.h>

#include "export_impl.h"

/* Appends the number x right-aligned in width columns, then a space;
 * decimals < 0: as "%.6g" prints it, else with that many decimals. */
static cg_status column(cg_buf *out, double x, int decimals, size_t width)
{
    size_t at = out->len;
    cg_status st = decimals >= 0 ? cg_buf_put_fixed(out, x, decimals)
                   : isfinite(x) ? cg_put_real(out, x)
                                 : cg_buf_printf(out, "%.6g", x);
    if (st == CG_OK)
        st = cg_buf_align_right(out, at, width);
    return st == CG_OK ? cg_buf_putc(out, ' ') : st;
}

/* The numbers of a row (rank, then vertex v's measures), each followed by
 * a space, as "%5zu %8.0f %8.0f %5.0f %10.6f %10.6f %10.6f %11.6g " would. */
static cg_status row_numbers(cg_buf *out, double rank, const cg_metrics *m, size_t v)
{
    cg_status st = column(out, rank, 0, 5);
    if (st == CG_OK) st = column(out, m->cited_by[v], 0, 8);
    if (st == CG_OK) st = column(out, m->mentions[v], 0, 8);
    if (st == CG_OK) st = column(out, m->cites[v], 0, 5);
    if (st == CG_OK) st = column(out, m->pagerank[v] + 0.0, 6, 10);
    if (st == CG_OK) st = column(out, m->authority[v] + 0.0, 6, 10);
    if (st == CG_OK) st = column(out, m->hub[v] + 0.0, 6, 10);
    if (st == CG_OK) st = column(out, m->betweenness[v] + 0.0, -1, 11);
    return st;
}

cg_status cg_export_report_text(cg_buf *out, const cg_graph *g, const cg_metrics *m,
                                const size_t *rows, size_t n)
{
    cg_export_expect(out, n, 160); /* about 105 a row */
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
        st = row_numbers(out, (double)(i + 1), m, v);
        size_t at = out->len;
        if (st == CG_OK) st = cg_buf_puts(out, cg_vkind_name(x->kind));
        if (st == CG_OK) st = cg_buf_align_left(out, at, 10);
        if (st == CG_OK) st = cg_buf_putc(out, ' ');
        at = out->len;
        if (st == CG_OK) st = x->year > 0 ? cg_buf_put_count(out, x->year) : cg_buf_putc(out, '-');
        if (st == CG_OK) st = cg_buf_align_right(out, at, 4);
        if (st == CG_OK) st = cg_buf_puts(out, "  ");
        if (st == CG_OK) st = cg_buf_puts(out, x->id);
        if (st == CG_OK && x->in_corpus) st = cg_buf_puts(out, " *");
        if (st == CG_OK && x->date) st = cg_buf_puts(out, "  ");
        if (st == CG_OK && x->date) st = cg_buf_puts(out, x->date);
        if (st == CG_OK && x->title) st = cg_buf_puts(out, "  ");
        if (st == CG_OK && x->title) st = cg_buf_puts(out, x->title);
        if (st == CG_OK)
            st = cg_buf_putc(out, '\n');
        if (st == CG_OK)
            st = cg_buf_item_end(out);
    }
    if (st == CG_OK && n > 0)
        st = cg_buf_puts(out, "\n* read from the corpus\n");
    return st;
}
