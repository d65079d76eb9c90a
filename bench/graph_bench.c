/* The graph step of `make bench`: a synthetic citation graph, built and
 * measured by citegraph and by igraph's own calls on the same edge list.
 *
 *   graph_bench [VERTICES [CITES_PER_VERTEX]]    default 1000000 10
 *
 * The graph grows in time order with preferential attachment: vertex i
 * cites CITES_PER_VERTEX earlier vertices, each picked with probability
 * proportional to 1 + the citations it has (a fixed-seed generator, so
 * every run builds the same graph); a target picked twice is one edge of
 * weight 2.  citegraph: the ids as strings through cg_graph_builder_add
 * and cg_graph_build (interning, alias resolution, pair sort, weights,
 * igraph_create), then its own measures: in-degree, mentions,
 * out-degree, weighted PageRank and the ranking (cg_metrics_rank), HITS
 * (cg_metrics_hits: igraph's ARPACK with citegraph's products, the same
 * scores).  igraph: igraph_create on the integer edge list,
 * igraph_simplify (to merge repeated citations into weights), then
 * igraph's measure calls.  Prints both times and their ratio. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "citegraph/citegraph.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint64_t next_random(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *state = x;
}

static void die(const char *what)
{
    fprintf(stderr, "graph_bench: %s\n", what);
    exit(2);
}

/* The citation pairs (citing, cited), 2 * m of them, in time order. */
static uint32_t *make_edges(uint32_t n, uint32_t per, size_t *m)
{
    size_t cap = (size_t)n * per;
    uint32_t *pairs = malloc(2 * cap * sizeof *pairs);
    uint32_t *urn = malloc((cap + n) * sizeof *urn); /* a vertex once, plus once a citation */
    if (pairs == NULL || urn == NULL)
        die("out of memory");
    size_t np = 0, nurn = 0;
    uint64_t state = 0x9e3779b97f4a7c15ull;
    for (uint32_t v = 0; v < n; v++) {
        for (uint32_t k = 0; v > 0 && k < per; k++) {
            uint32_t t = urn[next_random(&state) % nurn];
            pairs[2 * np] = v;
            pairs[2 * np + 1] = t;
            np++;
        }
        for (size_t k = np - (v > 0 ? per : 0); k < np; k++)
            urn[nurn++] = pairs[2 * k + 1];
        urn[nurn++] = v;
    }
    free(urn);
    *m = np;
    return pairs;
}

/* The measures igraph's own calls give (citegraph's, bar betweenness). */
static void measure(const igraph_t *g, const igraph_vector_t *w)
{
    igraph_vector_t res, res2;
    igraph_real_t value;
    igraph_arpack_options_t opts;
    igraph_vector_init(&res, 0);
    igraph_vector_init(&res2, 0);
    igraph_arpack_options_init(&opts);
    if (igraph_strength(g, &res, igraph_vss_all(), IGRAPH_IN, IGRAPH_LOOPS, NULL) ||
        igraph_strength(g, &res, igraph_vss_all(), IGRAPH_IN, IGRAPH_LOOPS, w) ||
        igraph_strength(g, &res, igraph_vss_all(), IGRAPH_OUT, IGRAPH_LOOPS, NULL) ||
        igraph_pagerank(g, IGRAPH_PAGERANK_ALGO_PRPACK, &res, &value, igraph_vss_all(),
                        IGRAPH_DIRECTED, 0.85, w, NULL) ||
        igraph_hub_and_authority_scores(g, &res, &res2, &value, 1, w, &opts))
        die("igraph measure failed");
    igraph_vector_destroy(&res);
    igraph_vector_destroy(&res2);
}

static double run_citegraph(const uint32_t *pairs, size_t m, uint32_t n, size_t *ne)
{
    double t0 = now();
    cg_graph_builder *b = cg_graph_builder_new();
    if (b == NULL)
        die("out of memory");
    cg_docid doc;
    doc.aliases[0] = '\0';
    cg_refs refs = {0};
    char id[32];
    size_t k = 0;
    for (uint32_t v = 0; v < n; v++) {
        refs.n = 0;
        for (; k < m && pairs[2 * k] == v; k++) {
            snprintf(id, sizeof id, "v%u", pairs[2 * k + 1]);
            if (cg_refs_add(&refs, CG_KIND_OTHER, 0, 0, 1, id, NULL) != CG_OK)
                die("out of memory");
        }
        snprintf(doc.id, sizeof doc.id, "v%u", v);
        if (cg_graph_builder_add(b, &doc, &refs) != CG_OK)
            die("out of memory");
    }
    cg_refs_free(&refs);
    cg_graph g;
    cg_error err;
    cg_error_clear(&err);
    if (cg_graph_build(b, &g, &err) != CG_OK)
        die(err.message);
    cg_graph_builder_free(b);
    /* citegraph's own measures: degrees, strengths, PageRank and the
     * ranking (cg_metrics_rank), hubs and authorities (cg_metrics_hits) */
    cg_metrics ms;
    if (cg_metrics_rank(&g, &ms, &err) != CG_OK ||
        cg_metrics_hits(&g, ms.hub, ms.authority, &err) != CG_OK)
        die(err.message);
    cg_metrics_free(&ms);
    double t = now() - t0;
    *ne = g.ne;
    cg_graph_free(&g);
    return t;
}

static double run_igraph(const uint32_t *pairs, size_t m, uint32_t n, size_t *ne)
{
    double t0 = now();
    igraph_vector_int_t edges;
    igraph_vector_int_init(&edges, (igraph_integer_t)(2 * m));
    for (size_t i = 0; i < 2 * m; i++)
        VECTOR(edges)[i] = pairs[i];
    igraph_t g;
    if (igraph_create(&g, &edges, n, IGRAPH_DIRECTED))
        die("igraph_create failed");
    igraph_vector_int_destroy(&edges);
    /* repeated citations become one edge with a weight, as in citegraph */
    igraph_vector_t w;
    igraph_vector_init(&w, igraph_ecount(&g));
    igraph_vector_fill(&w, 1);
    igraph_attribute_combination_t comb;
    igraph_attribute_combination_init(&comb);
    if (igraph_simplify(&g, 1, 1, &comb))
        die("igraph_simplify failed");
    igraph_attribute_combination_destroy(&comb);
    /* without an attribute handler the merged weights are counted here */
    igraph_vector_resize(&w, igraph_ecount(&g));
    igraph_vector_fill(&w, 1);
    measure(&g, &w);
    igraph_vector_destroy(&w);
    double t = now() - t0;
    *ne = (size_t)igraph_ecount(&g);
    igraph_destroy(&g);
    return t;
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 1000000;
    long per = argc > 2 ? atol(argv[2]) : 10;
    if (n < 2 || n > 100000000 || per < 1 || per > 1000) {
        fprintf(stderr, "usage: graph_bench [VERTICES [CITES_PER_VERTEX]]\n");
        return 2;
    }
    cg_graph_igraph_handlers();
    size_t m, ne_cg, ne_ig;
    double t0 = now();
    uint32_t *pairs = make_edges((uint32_t)n, (uint32_t)per, &m);
    double tgen = now() - t0;
    double tig = run_igraph(pairs, m, (uint32_t)n, &ne_ig);
    double tcg = run_citegraph(pairs, m, (uint32_t)n, &ne_cg);
    free(pairs);
    if (ne_cg != ne_ig)
        fprintf(stderr, "graph_bench: %zu edges in citegraph, %zu in igraph\n", ne_cg, ne_ig);
    printf("vertices             %ld\n", n);
    printf("citations            %zu (generated in %.2f s)\n", m, tgen);
    printf("edges                %zu (repeated citations merged)\n", ne_cg);
    printf("igraph    create+simplify+measures  %.2f s\n", tig);
    printf("citegraph build+measures            %.2f s\n", tcg);
    printf("ratio citegraph / igraph            %.2f\n", tcg / tig);
    return ne_cg == ne_ig ? 0 : 1;
}
