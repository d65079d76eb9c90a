/* Reads a GraphML file written by `citegraph graph` back with igraph's
 * own reader (igraph_read_graph_graphml, C attribute handler), checks
 * that every attribute citegraph declares is there with the type igraph
 * gives it, and prints the graph in the layout of `citegraph graph
 * --format csv`, so that a test can compare the two byte for byte.
 *
 *   graphml_dump FILE.graphml > dump.csv
 *
 * stderr gets one line per problem; exit status 0 if the file reads and
 * every attribute has its type, 1 otherwise, 2 on usage errors. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <igraph.h>

#include "citegraph/export.h"

typedef struct expected_attr {
    igraph_attribute_elemtype_t elem;
    const char *name;
    igraph_attribute_type_t type;
} expected_attr;

static const expected_attr expected[] = {
    {IGRAPH_ATTRIBUTE_GRAPH, "documents", IGRAPH_ATTRIBUTE_NUMERIC},
    {IGRAPH_ATTRIBUTE_GRAPH, "references", IGRAPH_ATTRIBUTE_NUMERIC},
    {IGRAPH_ATTRIBUTE_GRAPH, "betweenness_method", IGRAPH_ATTRIBUTE_STRING},
    {IGRAPH_ATTRIBUTE_VERTEX, "id", IGRAPH_ATTRIBUTE_STRING},
    {IGRAPH_ATTRIBUTE_VERTEX, "label", IGRAPH_ATTRIBUTE_STRING},
    {IGRAPH_ATTRIBUTE_VERTEX, "kind", IGRAPH_ATTRIBUTE_STRING},
    {IGRAPH_ATTRIBUTE_VERTEX, "in_corpus", IGRAPH_ATTRIBUTE_BOOLEAN},
    {IGRAPH_ATTRIBUTE_VERTEX, "year", IGRAPH_ATTRIBUTE_NUMERIC},
    {IGRAPH_ATTRIBUTE_VERTEX, "organ", IGRAPH_ATTRIBUTE_STRING},
    {IGRAPH_ATTRIBUTE_VERTEX, "title", IGRAPH_ATTRIBUTE_STRING},
    {IGRAPH_ATTRIBUTE_VERTEX, "date", IGRAPH_ATTRIBUTE_STRING},
    {IGRAPH_ATTRIBUTE_VERTEX, "session", IGRAPH_ATTRIBUTE_STRING},
    {IGRAPH_ATTRIBUTE_VERTEX, "cited_by", IGRAPH_ATTRIBUTE_NUMERIC},
    {IGRAPH_ATTRIBUTE_VERTEX, "mentions", IGRAPH_ATTRIBUTE_NUMERIC},
    {IGRAPH_ATTRIBUTE_VERTEX, "cites", IGRAPH_ATTRIBUTE_NUMERIC},
    {IGRAPH_ATTRIBUTE_VERTEX, "pagerank", IGRAPH_ATTRIBUTE_NUMERIC},
    {IGRAPH_ATTRIBUTE_VERTEX, "authority", IGRAPH_ATTRIBUTE_NUMERIC},
    {IGRAPH_ATTRIBUTE_VERTEX, "hub", IGRAPH_ATTRIBUTE_NUMERIC},
    {IGRAPH_ATTRIBUTE_VERTEX, "betweenness", IGRAPH_ATTRIBUTE_NUMERIC},
    {IGRAPH_ATTRIBUTE_EDGE, "weight", IGRAPH_ATTRIBUTE_NUMERIC},
};

static const char *const elem_names[] = {"graph", "vertex", "edge"};

/* Whether name is in names with type; complains on stderr if not. */
static int has_attr(const char *file, const expected_attr *x, const igraph_strvector_t *names,
                    const igraph_vector_int_t *types)
{
    for (igraph_integer_t i = 0; i < igraph_strvector_size(names); i++) {
        if (strcmp(igraph_strvector_get(names, i), x->name) != 0)
            continue;
        if (VECTOR(*types)[i] == (igraph_integer_t)x->type)
            return 1;
        fprintf(stderr, "graphml_dump: %s: %s attribute %s has igraph type %d, want %d\n", file,
                elem_names[x->elem], x->name, (int)VECTOR(*types)[i], (int)x->type);
        return 0;
    }
    fprintf(stderr, "graphml_dump: %s: no %s attribute %s\n", file, elem_names[x->elem], x->name);
    return 0;
}

static int check_attrs(const char *file, const igraph_t *g)
{
    igraph_strvector_t names[3];
    igraph_vector_int_t types[3];
    for (int i = 0; i < 3; i++) {
        igraph_strvector_init(&names[i], 0);
        igraph_vector_int_init(&types[i], 0);
    }
    int ok = igraph_cattribute_list(g, &names[0], &types[0], &names[1], &types[1], &names[2],
                                    &types[2]) == IGRAPH_SUCCESS;
    for (size_t i = 0; ok && i < sizeof expected / sizeof expected[0]; i++) {
        int k = (int)expected[i].elem;
        if (!has_attr(file, &expected[i], &names[k], &types[k]))
            ok = 0;
    }
    for (int i = 0; i < 3; i++) {
        igraph_strvector_destroy(&names[i]);
        igraph_vector_int_destroy(&types[i]);
    }
    return ok;
}

/* A count as citegraph writes it; NaN (no <data>) as an empty field. */
static void put_count(cg_buf *out, double x)
{
    if (!isnan(x))
        cg_buf_printf(out, "%.0f", x);
}

/* Whether a vertex attribute is one of the fixed columns. */
static int fixed_attr(const char *name)
{
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++)
        if (expected[i].elem == IGRAPH_ATTRIBUTE_VERTEX && strcmp(expected[i].name, name) == 0)
            return 1;
    return 0;
}

/* The columns after the fixed ones: title, date, organ, session, then the
 * documents' own attributes in the order of the file's keys. */
static void extra_columns(const igraph_t *g, igraph_strvector_t *extra)
{
    static const char *const described[] = {"title", "date", "organ", "session"};
    igraph_strvector_t names;
    igraph_vector_int_t types;
    igraph_strvector_init(&names, 0);
    igraph_vector_int_init(&types, 0);
    igraph_cattribute_list(g, NULL, NULL, &names, &types, NULL, NULL);
    for (size_t i = 0; i < 4; i++)
        igraph_strvector_push_back(extra, described[i]);
    for (igraph_integer_t i = 0; i < igraph_strvector_size(&names); i++)
        if (!fixed_attr(igraph_strvector_get(&names, i)))
            igraph_strvector_push_back(extra, igraph_strvector_get(&names, i));
    igraph_strvector_destroy(&names);
    igraph_vector_int_destroy(&types);
}

static void dump(const igraph_t *g, cg_buf *out)
{
    igraph_strvector_t extra;
    igraph_strvector_init(&extra, 0);
    extra_columns(g, &extra);
    igraph_integer_t nextra = igraph_strvector_size(&extra);
    cg_buf_puts(out, "type,id,label,kind,in_corpus,year,cited_by,mentions,cites,"
                     "pagerank,authority,hub,betweenness,source,target,weight");
    for (igraph_integer_t i = 0; i < nextra; i++)
        cg_buf_printf(out, ",%s", igraph_strvector_get(&extra, i));
    cg_buf_puts(out, "\r\n");
    static const char *const counts[] = {"cited_by", "mentions", "cites"};
    static const char *const reals[] = {"pagerank", "authority", "hub", "betweenness"};
    for (igraph_integer_t v = 0; v < igraph_vcount(g); v++) {
        cg_buf_puts(out, "node,");
        cg_csv_put_field(out, VAS(g, "id", v));
        cg_buf_putc(out, ',');
        cg_csv_put_field(out, VAS(g, "label", v));
        cg_buf_printf(out, ",%s,%s,", VAS(g, "kind", v), VAB(g, "in_corpus", v) ? "true" : "false");
        put_count(out, VAN(g, "year", v));
        for (size_t i = 0; i < 3; i++) {
            cg_buf_putc(out, ',');
            put_count(out, VAN(g, counts[i], v));
        }
        for (size_t i = 0; i < 4; i++) {
            cg_buf_putc(out, ',');
            cg_put_real(out, VAN(g, reals[i], v));
        }
        cg_buf_puts(out, ",,,");
        for (igraph_integer_t i = 0; i < nextra; i++) {
            cg_buf_putc(out, ',');
            cg_csv_put_field(out, VAS(g, igraph_strvector_get(&extra, i), v));
        }
        cg_buf_puts(out, "\r\n");
    }
    for (igraph_integer_t e = 0; e < igraph_ecount(g); e++) {
        cg_buf_puts(out, "edge,,,,,,,,,,,,,");
        cg_csv_put_field(out, VAS(g, "id", IGRAPH_FROM(g, e)));
        cg_buf_putc(out, ',');
        cg_csv_put_field(out, VAS(g, "id", IGRAPH_TO(g, e)));
        cg_buf_putc(out, ',');
        put_count(out, EAN(g, "weight", e));
        for (igraph_integer_t i = 0; i < nextra; i++)
            cg_buf_putc(out, ',');
        cg_buf_puts(out, "\r\n");
    }
    igraph_strvector_destroy(&extra);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: graphml_dump FILE.graphml\n");
        return 2;
    }
    FILE *fp = fopen(argv[1], "rb");
    if (fp == NULL) {
        perror(argv[1]);
        return 1;
    }
    igraph_set_attribute_table(&igraph_cattribute_table);
    igraph_t g;
    igraph_error_t e = igraph_read_graph_graphml(&g, fp, 0);
    fclose(fp);
    if (e != IGRAPH_SUCCESS) {
        fprintf(stderr, "graphml_dump: %s: igraph cannot read it\n", argv[1]);
        return 1;
    }
    int ok = igraph_is_directed(&g);
    if (!ok)
        fprintf(stderr, "graphml_dump: %s: graph is not directed\n", argv[1]);
    if (!check_attrs(argv[1], &g))
        ok = 0;
    if (ok) {
        cg_buf out = {0};
        dump(&g, &out);
        fprintf(stderr, "graphml_dump: %s: %" IGRAPH_PRId " vertices, %" IGRAPH_PRId
                " edges, %g documents, %g references\n", argv[1], igraph_vcount(&g),
                igraph_ecount(&g), GAN(&g, "documents"), GAN(&g, "references"));
        ok = fwrite(out.data ? out.data : "", 1, out.len, stdout) == out.len && fflush(stdout) == 0;
        cg_buf_free(&out);
    }
    igraph_destroy(&g);
    return ok ? 0 : 1;
}
