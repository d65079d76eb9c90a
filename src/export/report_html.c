/* The HTML report: one self-contained page with what was read, the
 * drawing of the graph (an SVG made by the caller, embedded as it is), a
 * bar chart of references by year of the cited document (inline SVG,
 * drawn here), the most cited targets of each kind and the ranking. */
#include "export_impl.h"
#include "html_impl.h"

#include "citegraph/citegraph.h"

/* A vertex id, linked to its address when it has one. */
static cg_status put_target(cg_buf *out, const cg_vertex *x)
{
    char url[CG_LINK_MAX];
    int kind = x->kind == CG_VKIND_DOCUMENT ? -1 : (int)x->kind;
    int linked = kind >= 0 && cg_link_url(kind, x->id, url, sizeof url);
    cg_status st = CG_OK;
    if (linked) {
        st = cg_buf_puts(out, "<a class=\"k-");
        if (st == CG_OK) st = cg_buf_puts(out, cg_vkind_name(x->kind));
        if (st == CG_OK) st = cg_buf_puts(out, "\" href=\"");
        if (st == CG_OK) st = cg_html_put_str(out, url);
        if (st == CG_OK) st = cg_buf_puts(out, "\">");
    }
    if (st == CG_OK) st = cg_html_put_str(out, x->id);
    if (st == CG_OK && linked) st = cg_buf_puts(out, "</a>");
    return st;
}

/* A table row of vertex v: rank, id, label, cited by, mentions, pagerank. */
static cg_status put_row(cg_buf *out, const cg_graph *g, const cg_metrics *m, size_t rank,
                         size_t v, int with_kind)
{
    const cg_vertex *x = &g->v[v];
    cg_status st = cg_buf_puts(out, "<tr><td class=\"n\">");
    if (st == CG_OK) st = cg_buf_put_count(out, (double)rank);
    if (st == CG_OK) st = cg_buf_puts(out, "</td><td>");
    if (st == CG_OK) st = put_target(out, x);
    if (st == CG_OK) st = cg_buf_puts(out, "</td><td>");
    if (st == CG_OK) st = cg_html_put_str(out, x->label);
    if (st == CG_OK && with_kind) st = cg_buf_puts(out, "</td><td>");
    if (st == CG_OK && with_kind) st = cg_buf_puts(out, cg_vkind_name(x->kind));
    if (st == CG_OK && with_kind && x->in_corpus) st = cg_buf_puts(out, " (read)");
    if (st == CG_OK) st = cg_buf_puts(out, "</td><td class=\"n\">");
    if (st == CG_OK) st = cg_buf_put_count(out, m->cited_by[v]);
    if (st == CG_OK) st = cg_buf_puts(out, "</td><td class=\"n\">");
    if (st == CG_OK) st = cg_buf_put_count(out, m->mentions[v]);
    if (st == CG_OK) st = cg_buf_puts(out, "</td><td class=\"n\">");
    if (st == CG_OK) st = cg_put_real(out, m->pagerank[v]);
    if (st == CG_OK) st = cg_buf_puts(out, "</td></tr>\n");
    return st;
}

static cg_status table_head(cg_buf *out, int with_kind)
{
    return cg_buf_printf(out, "<table>\n<tr><th class=\"n\">#</th><th>target</th><th>label</th>%s"
                              "<th class=\"n\">cited by</th><th class=\"n\">mentions</th>"
                              "<th class=\"n\">PageRank</th></tr>\n",
                         with_kind ? "<th>kind</th>" : "");
}

/* What was read: documents, references and targets by kind. */
static cg_status put_summary(cg_buf *out, const cg_graph *g, const cg_metrics *m)
{
    double mentions[CG_VKIND_COUNT] = {0};
    size_t targets[CG_VKIND_COUNT] = {0};
    for (size_t v = 0; v < g->nv; v++)
        if (m->cited_by[v] > 0 && (unsigned)g->v[v].kind < CG_VKIND_COUNT) {
            mentions[g->v[v].kind] += m->mentions[v];
            targets[g->v[v].kind]++;
        }
    size_t cited = 0;
    for (int k = 0; k < CG_VKIND_COUNT; k++)
        cited += targets[k];
    cg_status st = cg_buf_printf(out, "<h2 id=\"read\">What was read</h2>\n<p>%zu documents, "
                                      "%zu references to %zu targets; the graph has %zu vertices "
                                      "and %zu edges.</p>\n<table>\n<tr><th>kind</th>"
                                      "<th class=\"n\">references</th><th class=\"n\">targets</th></tr>\n",
                                 g->ndocs, g->nrefs, cited, g->nv, g->ne);
    for (int k = 0; k < CG_VKIND_COUNT && st == CG_OK; k++)
        if (targets[k])
            st = cg_buf_printf(out, "<tr><td class=\"k-%s\">%s</td><td class=\"n\">%.0f</td>"
                                    "<td class=\"n\">%zu</td></tr>\n",
                               cg_vkind_name((cg_vkind)k), cg_vkind_name((cg_vkind)k), mentions[k],
                               targets[k]);
    if (st == CG_OK) st = cg_buf_puts(out, "</table>\n<details><summary>The documents read</summary>\n<p>");
    size_t shown = 0;
    for (size_t v = 0; v < g->nv && st == CG_OK; v++) {
        if (!g->v[v].in_corpus)
            continue;
        if (shown++)
            st = cg_buf_puts(out, ", ");
        if (st == CG_OK) st = put_target(out, &g->v[v]);
    }
    if (st == CG_OK) st = cg_buf_puts(out, "</p>\n</details>\n");
    return st;
}

/* The most cited targets of each kind. */
static cg_status put_most_cited(cg_buf *out, const cg_graph *g, const cg_metrics *m, size_t top)
{
    cg_status st = cg_buf_puts(out, "<h2 id=\"cited\">Most cited</h2>\n");
    for (int k = 0; k < CG_VKIND_COUNT && st == CG_OK; k++) {
        size_t shown = 0;
        for (size_t i = 0; i < g->nv && shown < top && st == CG_OK; i++) {
            size_t v = m->rank[i];
            if ((int)g->v[v].kind != k || m->cited_by[v] <= 0)
                continue;
            if (shown == 0) {
                st = cg_buf_printf(out, "<h3 class=\"k-%s\">%s</h3>\n", cg_vkind_name((cg_vkind)k),
                                   cg_vkind_name((cg_vkind)k));
                if (st == CG_OK) st = table_head(out, 0);
            }
            shown++;
            if (st == CG_OK) st = put_row(out, g, m, shown, v, 0);
        }
        if (shown && st == CG_OK)
            st = cg_buf_puts(out, "</table>\n");
    }
    return st;
}

/* References by year of the cited document, as an SVG bar chart. */
static cg_status put_years(cg_buf *out, const cg_graph *g, const cg_metrics *m)
{
    int lo = 0, hi = 0;
    for (size_t v = 0; v < g->nv; v++) {
        int y = g->v[v].year;
        if (y < 1900 || y > 2200 || m->mentions[v] <= 0)
            continue;
        if (lo == 0 || y < lo) lo = y;
        if (y > hi) hi = y;
    }
    cg_status st = cg_buf_puts(out, "<h2 id=\"years\">References by year of the cited document</h2>\n");
    if (st != CG_OK)
        return st;
    if (lo == 0)
        return cg_buf_puts(out, "<p>No cited document has a known year.</p>\n");
    size_t ny = (size_t)(hi - lo + 1);
    double *count = cg_calloc(ny, sizeof *count);
    if (count == NULL)
        return CG_ENOMEM;
    double max = 0, total = 0;
    for (size_t v = 0; v < g->nv; v++) {
        int y = g->v[v].year;
        if (y >= lo && y <= hi && m->mentions[v] > 0) {
            count[y - lo] += m->mentions[v];
            total += m->mentions[v];
        }
    }
    for (size_t i = 0; i < ny; i++)
        if (count[i] > max)
            max = count[i];
    const double W = 720, H = 260, left = 44, bottom = 28, top = 12;
    double bw = (W - left - 8) / (double)ny;
    int step = ny <= 12 ? 1 : ny <= 30 ? 5 : ny <= 80 ? 10 : 20;
    st = cg_buf_printf(out, "<figure id=\"year-chart\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                            "viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\" role=\"img\" "
                            "aria-label=\"references by year\" font-family=\"sans-serif\" "
                            "font-size=\"11\">\n"
                            "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"#888\"/>\n"
                            "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\">%.0f</text>\n"
                            "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\">0</text>\n",
                       W, H, W, H, left, H - bottom, W - 4, H - bottom, left - 4, top + 8, max,
                       left - 4, H - bottom);
    for (size_t i = 0; i < ny && st == CG_OK; i++) {
        double h = max > 0 ? (H - bottom - top) * count[i] / max : 0;
        double x = left + bw * (double)i;
        if (count[i] > 0)
            st = cg_buf_printf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                                    "fill=\"#3a78b5\"><title>%d: %.0f</title></rect>\n",
                               x + bw * 0.1, H - bottom - h, bw * 0.8, h, lo + (int)i, count[i]);
        if (st == CG_OK && ((lo + (int)i) % step == 0 || ny == 1))
            st = cg_buf_printf(out, "<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\">%d</text>\n",
                               x + bw / 2, H - bottom + 16, lo + (int)i);
    }
    if (st == CG_OK)
        st = cg_buf_printf(out, "</svg>\n<figcaption>%.0f references to documents of known year, "
                                "%d&ndash;%d (the year of the cited document, from its id).</figcaption>\n"
                                "</figure>\n", total, lo, hi);
    cg_free(count);
    return st;
}

cg_status cg_report_write_html(cg_buf *out, const cg_graph *graph, const cg_metrics *m,
                               const size_t *rows, size_t n, size_t top,
                               const char *graph_svg, const char *graph_note)
{
    cg_export_expect(out, n, 320); /* about 220 a row */
    cg_status st = cg_html_page_start(out, "citegraph report", 1);
    if (st == CG_OK)
        st = cg_buf_printf(out, "<header>\n<h1>Citation report</h1>\n<p class=\"meta\">"
                                "citegraph %s &middot; <a href=\"#read\">read</a> &middot; "
                                "<a href=\"#graph\">graph</a> &middot; <a href=\"#years\">years"
                                "</a> &middot; <a href=\"#cited\">most cited</a> &middot; "
                                "<a href=\"#ranking\">ranking</a></p>\n</header>\n",
                           CITEGRAPH_VERSION);
    if (st == CG_OK) st = put_summary(out, graph, m);
    if (st == CG_OK) st = cg_buf_puts(out, "<h2 id=\"graph\">The citation graph</h2>\n");
    if (st == CG_OK && graph_svg != NULL) {
        st = cg_buf_puts(out, "<figure id=\"graph-drawing\">\n");
        if (st == CG_OK) st = cg_buf_puts(out, graph_svg);
        if (st == CG_OK && graph_note) {
            st = cg_buf_puts(out, "<figcaption>");
            if (st == CG_OK) st = cg_html_put_str(out, graph_note);
            if (st == CG_OK) st = cg_buf_puts(out, "</figcaption>");
        }
        if (st == CG_OK) st = cg_buf_puts(out, "\n</figure>\n");
    } else if (st == CG_OK) {
        st = cg_buf_puts(out, "<p class=\"note\" id=\"graph-note\">");
        if (st == CG_OK) st = cg_html_put_str(out, graph_note ? graph_note : "No drawing.");
        if (st == CG_OK) st = cg_buf_puts(out, "</p>\n");
    }
    if (st == CG_OK) st = put_years(out, graph, m);
    if (st == CG_OK) st = put_most_cited(out, graph, m, top ? top : 10);
    if (st == CG_OK) st = cg_buf_puts(out, "<h2 id=\"ranking\">Ranking</h2>\n");
    if (st == CG_OK) st = table_head(out, 1);
    for (size_t i = 0; i < n && st == CG_OK; i++)
        if ((st = put_row(out, graph, m, i + 1, rows[i], 1)) == CG_OK)
            st = cg_buf_item_end(out);
    if (st == CG_OK) st = cg_buf_puts(out, "</table>\n");
    if (st == CG_OK) st = cg_html_page_end(out);
    return st;
}
