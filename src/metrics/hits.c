/* HITS (Kleinberg's hubs and authorities) as igraph 0.10 computes them
 * with weights: the principal eigenvector of A·W·(A·W)ᵀ by ARPACK (the
 * largest algebraic eigenvalue, ARPACK's own choice of Lanczos vectors),
 * started from each vertex's degree (1 where it has none); the hubs
 * scaled by their largest, negatives (rounding) set to 0; the
 * authorities the hubs carried along the edges, scaled by their largest.
 * igraph's products walk its incidence lists, a call per vertex; here
 * the edges are laid out once in two arrays (by citing vertex, by cited
 * vertex), in igraph's order, so that every sum adds the same terms in
 * the same order: the same bytes, in about two thirds of the time (the
 * rest is ARPACK's own). */
#include "citegraph/metrics.h"

#include <limits.h>
#include <math.h>

#include "citegraph/core.h"

/* The edges by citing vertex and by cited vertex, and a vector for the
 * products' middle step. */
typedef struct hits_edges {
    size_t n;
    size_t *out_at, *in_at; /* n + 1 offsets each */
    igraph_integer_t *out_to, *in_from;
    double *out_w, *in_w;
    double *middle;
} hits_edges;

static void edges_free(hits_edges *h)
{
    cg_free(h->out_at);
    cg_free(h->in_at);
    cg_free(h->out_to);
    cg_free(h->in_from);
    cg_free(h->out_w);
    cg_free(h->in_w);
    cg_free(h->middle);
}

/* Lays out the edges of graph: each vertex's out-edges by edge id (its
 * targets in order, as igraph sorts them) and in-edges by edge id (their
 * sources in order). */
static cg_status edges_make(const cg_graph *graph, hits_edges *h)
{
    size_t n = graph->nv, m = graph->ne;
    *h = (hits_edges){n, NULL, NULL, NULL, NULL, NULL, NULL, NULL};
    h->out_at = cg_calloc(n + 1, sizeof *h->out_at);
    h->in_at = cg_calloc(n + 1, sizeof *h->in_at);
    h->out_to = cg_malloc((m ? m : 1) * sizeof *h->out_to);
    h->in_from = cg_malloc((m ? m : 1) * sizeof *h->in_from);
    h->out_w = cg_malloc((m ? m : 1) * sizeof *h->out_w);
    h->in_w = cg_malloc((m ? m : 1) * sizeof *h->in_w);
    h->middle = cg_malloc((n ? n : 1) * sizeof *h->middle);
    if (!h->out_at || !h->in_at || !h->out_to || !h->in_from || !h->out_w || !h->in_w ||
        !h->middle)
        return CG_ENOMEM;
    const igraph_t *g = &graph->g;
    for (size_t e = 0; e < m; e++) {
        h->out_at[IGRAPH_FROM(g, e) + 1]++;
        h->in_at[IGRAPH_TO(g, e) + 1]++;
    }
    for (size_t v = 0; v < n; v++) {
        h->out_at[v + 1] += h->out_at[v];
        h->in_at[v + 1] += h->in_at[v];
    }
    /* filled in edge order, each list advancing its start, then restored */
    for (size_t e = 0; e < m; e++) {
        igraph_integer_t from = IGRAPH_FROM(g, e), to = IGRAPH_TO(g, e);
        size_t o = h->out_at[from]++, i = h->in_at[to]++;
        h->out_to[o] = to;
        h->out_w[o] = graph->weight[e];
        h->in_from[i] = from;
        h->in_w[i] = graph->weight[e];
    }
    for (size_t v = n; v > 0; v--) {
        h->out_at[v] = h->out_at[v - 1];
        h->in_at[v] = h->in_at[v - 1];
    }
    h->out_at[0] = h->in_at[0] = 0;
    return CG_OK;
}

/* to[v] = the weighted sum over v's in-edges of from at their sources. */
static void carry_in(const hits_edges *h, double *to, const double *from)
{
    for (size_t v = 0; v < h->n; v++) {
        to[v] = 0.0;
        for (size_t j = h->in_at[v]; j < h->in_at[v + 1]; j++)
            to[v] += from[h->in_from[j]] * h->in_w[j];
    }
}

/* ARPACK's product: to = A·W·(A·W)ᵀ·from, through the authorities. */
static igraph_error_t product(igraph_real_t *to, const igraph_real_t *from, int n, void *extra)
{
    const hits_edges *h = extra;
    (void)n;
    carry_in(h, h->middle, from);
    for (size_t v = 0; v < h->n; v++) {
        to[v] = 0.0;
        for (size_t j = h->out_at[v]; j < h->out_at[v + 1]; j++)
            to[v] += h->middle[h->out_to[j]] * h->out_w[j];
    }
    return IGRAPH_SUCCESS;
}

/* The principal eigenvector of the product into hub[n], started from the
 * degrees. */
static cg_status eigenvector(const cg_graph *graph, hits_edges *h, double *hub, cg_error *err)
{
    size_t n = graph->nv;
    if (n > INT_MAX)
        return cg_error_set(err, CG_ELIMIT, "", 0, 0, "igraph: too many vertices for ARPACK");
    igraph_matrix_t vectors;
    igraph_vector_t values;
    if (igraph_matrix_init(&vectors, (igraph_integer_t)n, 1) != IGRAPH_SUCCESS)
        return cg_error_set(err, CG_ENOMEM, "", 0, 0, "out of memory");
    if (igraph_vector_init(&values, 0) != IGRAPH_SUCCESS) {
        igraph_matrix_destroy(&vectors);
        return cg_error_set(err, CG_ENOMEM, "", 0, 0, "out of memory");
    }
    for (size_t v = 0; v < n; v++) {
        size_t degree = (h->out_at[v + 1] - h->out_at[v]) + (h->in_at[v + 1] - h->in_at[v]);
        MATRIX(vectors, v, 0) = degree ? (double)degree : 1.0;
    }
    igraph_arpack_options_t opts;
    igraph_arpack_options_init(&opts);
    opts.n = (int)n;
    opts.start = 1; /* the start above, not a random one */
    opts.nev = 1;
    opts.ncv = 0; /* ARPACK's default */
    opts.which[0] = 'L';
    opts.which[1] = 'A';
    igraph_error_t e = igraph_arpack_rssolve(product, h, &opts, NULL, &values, &vectors);
    if (e == IGRAPH_SUCCESS)
        for (size_t v = 0; v < n; v++)
            hub[v] = MATRIX(vectors, v, 0);
    igraph_matrix_destroy(&vectors);
    igraph_vector_destroy(&values);
    if (e != IGRAPH_SUCCESS)
        return cg_error_set(err, e == IGRAPH_ENOMEM ? CG_ENOMEM : CG_ELIMIT, "", 0, 0,
                            "igraph: hub and authority scores: %s", cg_graph_igraph_reason());
    return CG_OK;
}

/* Multiplies the n values of x by 1 / largest, as igraph scales them. */
static void scale_by(double *x, size_t n, double largest)
{
    double by = 1.0 / largest;
    for (size_t v = 0; v < n; v++)
        x[v] *= by;
}

cg_status cg_metrics_hits(const cg_graph *graph, double *hub, double *authority, cg_error *err)
{
    size_t n = graph->nv;
    if (graph->ne == 0) { /* no eigenvector to speak of: every score 0 */
        for (size_t v = 0; v < n; v++)
            hub[v] = authority[v] = 0;
        return CG_OK;
    }
    hits_edges h;
    cg_status st = edges_make(graph, &h);
    if (st != CG_OK) {
        edges_free(&h);
        return cg_error_set(err, st, "", 0, 0, "out of memory");
    }
    st = eigenvector(graph, &h, hub, err);
    if (st == CG_OK) {
        /* the largest in absolute value, the first of equals */
        double largest = 0;
        size_t at = 0;
        for (size_t v = 0; v < n; v++)
            if (fabs(hub[v]) > largest) {
                largest = fabs(hub[v]);
                at = v;
            }
        if (largest != 0)
            scale_by(hub, n, hub[at]);
        for (size_t v = 0; v < n; v++)
            if (hub[v] < 0)
                hub[v] = 0; /* rounding below zero, and -0 */
        carry_in(&h, authority, hub);
        double top = authority[0];
        for (size_t v = 1; v < n; v++)
            if (authority[v] > top)
                top = authority[v];
        scale_by(authority, n, top);
    }
    edges_free(&h);
    return st;
}
