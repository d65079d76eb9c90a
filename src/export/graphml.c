/* GraphML: a typed <key> for every vertex attribute and measure, the
 * edge weight and the graph's counts, then the documents' title, date,
 * session and the manifest's attributes; every string XML-escaped. */
#include <string.h>

#include "export_impl.h"

typedef struct key {
    const char *id, *target, *type;
} key;

static const key keys[] = {
    {"label", "node", "string"},       {"kind", "node", "string"},
    {"in_corpus", "node", "boolean"},  {"year", "node", "int"},
    {"organ", "node", "string"},       {"cited_by", "node", "int"},
    {"mentions", "node", "int"},       {"cites", "node", "int"},
    {"pagerank", "node", "double"},    {"authority", "node", "double"},
    {"hub", "node", "double"},         {"betweenness", "node", "double"},
    {"weight", "edge", "int"},         {"documents", "graph", "int"},
    {"references", "graph", "int"},    {"betweenness_method", "graph", "string"},
};

static cg_status data_str(cg_buf *out, const char *indent, const char *k, const char *value)
{
    cg_status st = cg_buf_puts(out, indent);
    if (st == CG_OK) st = cg_buf_puts(out, "<data key=\"");
    if (st == CG_OK) st = cg_buf_puts(out, k);
    if (st == CG_OK) st = cg_buf_puts(out, "\">");
    if (st == CG_OK) st = cg_xml_put_escaped(out, value);
    if (st == CG_OK) st = cg_buf_puts(out, "</data>\n");
    return st;
}

/* A measure of a vertex: a count (whole) or a real. */
static cg_status data_number(cg_buf *out, const char *k, double value, int count)
{
    cg_status st = cg_buf_puts(out, "      <data key=\"");
    if (st == CG_OK) st = cg_buf_puts(out, k);
    if (st == CG_OK) st = cg_buf_puts(out, "\">");
    if (st == CG_OK) st = count ? cg_buf_put_count(out, value) : cg_put_real(out, value);
    if (st == CG_OK) st = cg_buf_puts(out, "</data>\n");
    return st;
}

static cg_status node(cg_buf *out, const cg_graph *g, const cg_metrics *m, size_t v,
                      const cg_attr_names *names)
{
    const cg_vertex *x = &g->v[v];
    cg_status st = cg_buf_puts(out, "    <node id=\"");
    if (st == CG_OK) st = cg_xml_put_escaped(out, x->id);
    if (st == CG_OK) st = cg_buf_puts(out, "\">\n");
    if (st == CG_OK) st = data_str(out, "      ", "label", x->label);
    if (st == CG_OK) st = data_str(out, "      ", "kind", cg_vkind_name(x->kind));
    if (st == CG_OK) st = data_str(out, "      ", "in_corpus", x->in_corpus ? "true" : "false");
    if (st == CG_OK && x->year > 0) st = data_number(out, "year", x->year, 1);
    if (st == CG_OK && x->organ[0]) st = data_str(out, "      ", "organ", x->organ);
    if (st == CG_OK) st = data_number(out, "cited_by", m->cited_by[v], 1);
    if (st == CG_OK) st = data_number(out, "mentions", m->mentions[v], 1);
    if (st == CG_OK) st = data_number(out, "cites", m->cites[v], 1);
    if (st == CG_OK) st = data_number(out, "pagerank", m->pagerank[v], 0);
    if (st == CG_OK) st = data_number(out, "authority", m->authority[v], 0);
    if (st == CG_OK) st = data_number(out, "hub", m->hub[v], 0);
    if (st == CG_OK) st = data_number(out, "betweenness", m->betweenness[v], 0);
    for (size_t i = 0; i < CG_EXPORT_NDOC_FIELDS && st == CG_OK; i++)
        if (i != 2 && cg_export_doc_field(x, i)) /* organ is above */
            st = data_str(out, "      ", cg_export_doc_fields[i], cg_export_doc_field(x, i));
    for (size_t i = 0; i < names->n && st == CG_OK; i++) {
        const char *value = cg_export_attr(x, names->names[i]);
        if (value)
            st = data_str(out, "      ", names->names[i], value);
    }
    if (st == CG_OK) st = cg_buf_puts(out, "    </node>\n");
    return st;
}

cg_status cg_export_graphml_vertices(cg_buf *out, const cg_graph *g, const cg_metrics *m,
                                     const unsigned char *keep)
{
    cg_export_expect(out, cg_export_kept_count(g, keep), 640); /* about 480 a vertex */
    cg_status st = cg_buf_puts(
        out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
             "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
             "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
             "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for (size_t i = 0; i < sizeof keys / sizeof keys[0] && st == CG_OK; i++)
        st = cg_buf_printf(out, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
                           keys[i].id, keys[i].target, keys[i].id, keys[i].type);
    for (size_t i = 0; i < CG_EXPORT_NDOC_FIELDS && st == CG_OK; i++)
        if (i != 2)
            st = cg_buf_printf(out, "  <key id=\"%s\" for=\"node\" attr.name=\"%s\" "
                               "attr.type=\"string\"/>\n", cg_export_doc_fields[i],
                               cg_export_doc_fields[i]);
    cg_attr_names names;
    if (st == CG_OK)
        st = cg_export_attr_names(g, keep, &names);
    else
        memset(&names, 0, sizeof names);
    for (size_t i = 0; i < names.n && st == CG_OK; i++) {
        st = cg_buf_puts(out, "  <key id=\"");
        if (st == CG_OK) st = cg_xml_put_escaped(out, names.names[i]);
        if (st == CG_OK) st = cg_buf_puts(out, "\" for=\"node\" attr.name=\"");
        if (st == CG_OK) st = cg_xml_put_escaped(out, names.names[i]);
        if (st == CG_OK) st = cg_buf_puts(out, "\" attr.type=\"string\"/>\n");
    }
    if (st == CG_OK)
        st = cg_buf_printf(out,
                           "  <graph id=\"citegraph\" edgedefault=\"directed\">\n"
                           "    <data key=\"documents\">%zu</data>\n"
                           "    <data key=\"references\">%zu</data>\n",
                           g->ndocs, g->nrefs);
    if (st == CG_OK) st = data_str(out, "    ", "betweenness_method", m->betweenness_method);
    for (size_t v = 0; v < g->nv && st == CG_OK; v++)
        if (cg_export_kept(g, keep, v) && (st = node(out, g, m, v, &names)) == CG_OK)
            st = cg_buf_item_end(out);
    cg_export_attr_names_free(&names);
    return st;
}

/* One edge and its weight. */
static cg_status edge(cg_buf *out, const cg_export_ids *ids, size_t from, size_t to, double w)
{
    cg_status st =
        cg_export_ids_put_pair(out, ids, from, to, "    <edge source=\"", "\" target=\"", "\">\n");
    if (st == CG_OK) st = data_number(out, "weight", w, 1);
    if (st == CG_OK) st = cg_buf_puts(out, "    </edge>\n");
    return st;
}

cg_status cg_export_graphml_edges(cg_buf *out, const cg_graph *g, const unsigned char *keep)
{
    cg_export_expect(out, keep ? 0 : g->ne, 160); /* about 110 an edge */
    cg_status st = cg_export_each_edge(out, g, keep, cg_xml_put_escaped, edge);
    return st == CG_OK ? cg_buf_puts(out, "  </graph>\n</graphml>\n") : st;
}
