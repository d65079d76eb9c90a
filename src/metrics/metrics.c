/* The measures of a citation graph, computed with igraph: degrees and
 * strengths, weighted PageRank (PRPACK), HITS hubs and authorities
 * (hits.c: igraph's ARPACK, with products of citegraph's own),
 * betweenness (exact, or with a path cutoff on large graphs).  The
 * ranking sorts by cited_by, mentions, pagerank (all descending), then
 * id, so that it is total and deterministic. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/metrics.h"

void cg_metrics_free(cg_metrics *m)
{
    cg_free(m->cited_by);
    cg_free(m->mentions);
    cg_free(m->cites);
    cg_free(m->pagerank);
    cg_free(m->authority);
    cg_free(m->hub);
    cg_free(m->betweenness);
    cg_free(m->rank);
    memset(m, 0, sizeof *m);
}

/* What the ranking compares of a vertex, copied out so that qsort's
 * comparator needs no shared state (reentrant, thread-safe). */
typedef struct rank_key {
    double cited_by, mentions, pagerank;
    const char *id;
    size_t vertex;
} rank_key;

static rank_key key_of(const cg_graph *graph, const cg_metrics *m, size_t v)
{
    return (rank_key){m->cited_by[v], m->mentions[v], m->pagerank[v], graph->v[v].id, v};
}

static int compare_keys(const rank_key *a, const rank_key *b)
{
    if (a->cited_by != b->cited_by)
        return a->cited_by > b->cited_by ? -1 : 1;
    if (a->mentions != b->mentions)
        return a->mentions > b->mentions ? -1 : 1;
    if (a->pagerank != b->pagerank)
        return a->pagerank > b->pagerank ? -1 : 1;
    return strcmp(a->id, b->id);
}

int cg_metrics_compare(const cg_graph *graph, const cg_metrics *m, size_t a, size_t b)
{
    rank_key ka = key_of(graph, m, a), kb = key_of(graph, m, b);
    return compare_keys(&ka, &kb);
}

static int cmp_rank_key(const void *a, const void *b)
{
    return compare_keys(a, b);
}

/* Fills m->rank with the vertices, best first. */
static cg_status rank_vertices(const cg_graph *graph, cg_metrics *m)
{
    rank_key *keys = cg_malloc((graph->nv ? graph->nv : 1) * sizeof *keys);
    if (keys == NULL)
        return CG_ENOMEM;
    for (size_t i = 0; i < graph->nv; i++)
        keys[i] = key_of(graph, m, i);
    qsort(keys, graph->nv, sizeof *keys, cmp_rank_key); /* ids are distinct: no ties */
    for (size_t i = 0; i < graph->nv; i++)
        m->rank[i] = keys[i].vertex;
    cg_free(keys);
    return CG_OK;
}

static cg_status igraph_failed(cg_error *err, igraph_error_t e, const char *what)
{
    return cg_error_set(err, e == IGRAPH_ENOMEM ? CG_ENOMEM : CG_ELIMIT, "", 0, 0,
                        "igraph: %s: %s", what, cg_graph_igraph_reason());
}

static void copy_out(double *dst, const igraph_vector_t *src, size_t n)
{
    for (size_t i = 0; i < n; i++)
        dst[i] = (double)VECTOR(*src)[i];
}

/* Degrees and strengths into m. */
static cg_status degrees(const cg_graph *graph, const igraph_vector_t *w, cg_metrics *m,
                         igraph_vector_t *res, cg_error *err)
{
    igraph_error_t e;
    if ((e = igraph_strength(&graph->g, res, igraph_vss_all(), IGRAPH_IN, IGRAPH_LOOPS, NULL)))
        return igraph_failed(err, e, "in-degree");
    copy_out(m->cited_by, res, m->nv);
    if ((e = igraph_strength(&graph->g, res, igraph_vss_all(), IGRAPH_IN, IGRAPH_LOOPS, w)))
        return igraph_failed(err, e, "strength");
    copy_out(m->mentions, res, m->nv);
    if ((e = igraph_strength(&graph->g, res, igraph_vss_all(), IGRAPH_OUT, IGRAPH_LOOPS, NULL)))
        return igraph_failed(err, e, "out-degree");
    copy_out(m->cites, res, m->nv);
    return CG_OK;
}

double cg_metrics_betweenness_cost(const cg_graph *graph, const cg_metrics *m)
{
    /* the vertices that cite: a search from any other finds nothing */
    size_t sources = 0;
    for (size_t v = 0; v < m->nv; v++)
        sources += m->cites[v] > 0;
    return (double)sources * ((double)graph->nv + (double)graph->ne) * CG_METRICS_SECONDS_PER_STEP;
}

/* The vectors the igraph calls of a phase share: the edge weights and
 * two results. */
typedef struct vectors {
    igraph_vector_t w, res, res2;
} vectors;

static int vectors_init(vectors *v, const cg_graph *graph)
{
    if (igraph_vector_init(&v->w, (igraph_integer_t)graph->ne))
        return 0;
    if (igraph_vector_init(&v->res, 0)) {
        igraph_vector_destroy(&v->w);
        return 0;
    }
    if (igraph_vector_init(&v->res2, 0)) {
        igraph_vector_destroy(&v->w);
        igraph_vector_destroy(&v->res);
        return 0;
    }
    for (size_t e = 0; e < graph->ne; e++)
        VECTOR(v->w)[e] = graph->weight[e];
    return 1;
}

static void vectors_destroy(vectors *v)
{
    igraph_vector_destroy(&v->w);
    igraph_vector_destroy(&v->res);
    igraph_vector_destroy(&v->res2);
}

/* Degrees, strengths and PageRank into m. */
static cg_status first_measures(const cg_graph *graph, vectors *v, cg_metrics *m, cg_error *err)
{
    cg_status st = degrees(graph, &v->w, m, &v->res, err);
    if (st != CG_OK)
        return st;
    igraph_error_t e;
    igraph_real_t value;
    if ((e = igraph_pagerank(&graph->g, IGRAPH_PAGERANK_ALGO_PRPACK, &v->res, &value,
                             igraph_vss_all(), IGRAPH_DIRECTED, 0.85, &v->w, NULL)))
        return igraph_failed(err, e, "pagerank");
    copy_out(m->pagerank, &v->res, m->nv);
    return CG_OK;
}

/* Hubs and authorities, betweenness into m. */
static cg_status last_measures(const cg_graph *graph, vectors *v, cg_metrics *m, double budget,
                               cg_error *err)
{
    igraph_error_t e;
    if (graph->ne > 0) {
        cg_status st = cg_metrics_hits(graph, m->hub, m->authority, err);
        if (st != CG_OK)
            return st;
    } /* no edge: every hub and authority score stays 0 */
    double cost = cg_metrics_betweenness_cost(graph, m);
    if (cost > budget) {
        e = igraph_betweenness_cutoff(&graph->g, &v->res, igraph_vss_all(), IGRAPH_DIRECTED, NULL,
                                      CG_METRICS_BETWEENNESS_CUTOFF);
        snprintf(m->betweenness_method, sizeof m->betweenness_method,
                 "cutoff %d (exact: about %.0f s)", CG_METRICS_BETWEENNESS_CUTOFF, cost);
    } else {
        e = igraph_betweenness(&graph->g, &v->res, igraph_vss_all(), IGRAPH_DIRECTED, NULL);
        snprintf(m->betweenness_method, sizeof m->betweenness_method, "exact");
    }
    if (e)
        return igraph_failed(err, e, "betweenness");
    copy_out(m->betweenness, &v->res, m->nv);
    return CG_OK;
}

/* Runs one phase of measures on graph into m. */
static cg_status phase(const cg_graph *graph, cg_metrics *m, double budget, int last,
                       cg_error *err)
{
    cg_status st = CG_OK;
    if (graph->nv > 0 && graph->has_g) {
        vectors v;
        if (!vectors_init(&v, graph)) {
            st = cg_error_set(err, CG_ENOMEM, "", 0, 0, "out of memory");
        } else {
            st = last ? last_measures(graph, &v, m, budget, err) : first_measures(graph, &v, m, err);
            vectors_destroy(&v);
        }
    }
    if (st == CG_OK && !last && rank_vertices(graph, m) != CG_OK)
        st = cg_error_set(err, CG_ENOMEM, "", 0, 0, "out of memory");
    return st;
}

cg_status cg_metrics_rank(const cg_graph *graph, cg_metrics *m, cg_error *err)
{
    memset(m, 0, sizeof *m);
    cg_graph_igraph_handlers();
    size_t n = graph->nv ? graph->nv : 1;
    m->nv = graph->nv;
    double **arrays[] = {&m->cited_by, &m->mentions, &m->cites, &m->pagerank,
                         &m->authority, &m->hub, &m->betweenness};
    for (size_t i = 0; i < sizeof arrays / sizeof arrays[0]; i++)
        if ((*arrays[i] = cg_calloc(n, sizeof(double))) == NULL)
            goto nomem;
    if ((m->rank = cg_calloc(n, sizeof *m->rank)) == NULL)
        goto nomem;
    snprintf(m->betweenness_method, sizeof m->betweenness_method, "exact");
    cg_status st = phase(graph, m, 0, 0, err);
    if (st != CG_OK)
        cg_metrics_free(m);
    return st;
nomem:
    cg_metrics_free(m);
    return cg_error_set(err, CG_ENOMEM, "", 0, 0, "out of memory");
}

cg_status cg_metrics_finish(const cg_graph *graph, double budget, cg_metrics *m, cg_error *err)
{
    return phase(graph, m, budget, 1, err);
}

cg_status cg_metrics_compute(const cg_graph *graph, cg_metrics *m, cg_error *err)
{
    return cg_metrics_compute_within(graph, CG_METRICS_BETWEENNESS_BUDGET, m, err);
}

cg_status cg_metrics_compute_within(const cg_graph *graph, double budget, cg_metrics *m,
                                    cg_error *err)
{
    cg_status st = cg_metrics_rank(graph, m, err);
    if (st == CG_OK && (st = cg_metrics_finish(graph, budget, m, err)) != CG_OK)
        cg_metrics_free(m);
    return st;
}
