/* citegraph metrics: what each vertex of a citation graph counts for,
 * and the ranking of the vertices (docs/graph.md). */
#ifndef CITEGRAPH_METRICS_H
#define CITEGRAPH_METRICS_H

#include <stddef.h>

#include "citegraph/core.h"
#include "citegraph/graph.h"

/* Above this many vertices betweenness is estimated with a path cutoff. */
#define CG_METRICS_EXACT_BETWEENNESS_MAX 20000
/* The cutoff (longest path counted) of the estimate. */
#define CG_METRICS_BETWEENNESS_CUTOFF 4

/* Measures of every vertex (arrays of nv, by vertex index) and the ranking. */
typedef struct cg_metrics {
    size_t nv;
    double *cited_by;    /* distinct documents citing the vertex (in-degree) */
    double *mentions;    /* mentions of it (weighted in-degree) */
    double *cites;       /* distinct targets it cites (out-degree) */
    double *pagerank;    /* weighted PageRank, damping 0.85, sums to 1 */
    double *authority;   /* HITS authority score, weighted, max 1 */
    double *hub;         /* HITS hub score, weighted, max 1 */
    double *betweenness; /* directed, unweighted shortest paths through it */
    size_t *rank;        /* vertex indices, best first */
    char betweenness_method[64]; /* "exact" or "cutoff N" */
} cg_metrics;

/* Computes every measure and the ranking of graph. */
cg_status cg_metrics_compute(const cg_graph *graph, cg_metrics *out, cg_error *err);

/* Compares vertices a and b for the ranking: <0 if a ranks first. */
int cg_metrics_compare(const cg_graph *graph, const cg_metrics *m, size_t a, size_t b);

/* Releases the measures. */
void cg_metrics_free(cg_metrics *m);

#endif
