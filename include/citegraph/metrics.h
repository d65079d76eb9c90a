/* citegraph metrics: what each vertex of a citation graph counts for,
 * and the ranking of the vertices (docs/graph.md). */
#ifndef CITEGRAPH_METRICS_H
#define CITEGRAPH_METRICS_H

#include <stddef.h>

#include "citegraph/core.h"
#include "citegraph/graph.h"

/* Seconds exact betweenness may take, by its estimated cost, before a
 * path cutoff estimates it instead (--betweenness-budget). */
#define CG_METRICS_BETWEENNESS_BUDGET 10.0
/* The cutoff (longest path counted) of the estimate. */
#define CG_METRICS_BETWEENNESS_CUTOFF 4
/* Seconds a step of Brandes' algorithm is taken to cost in the estimate
 * (igraph 0.10 on growing citation graphs: 0.4e-10 to 1.1e-10; doubled). */
#define CG_METRICS_SECONDS_PER_STEP 2e-10

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
    char betweenness_method[96]; /* "exact", or "cutoff N (exact: about S s)" */
} cg_metrics;

/* Computes every measure and the ranking of graph, with the default
 * betweenness budget. */
cg_status cg_metrics_compute(const cg_graph *graph, cg_metrics *out, cg_error *err);

/* The same, exact betweenness when its estimated cost is within budget
 * seconds (0: never), else the path-cutoff estimate; the method and the
 * estimate are written into out->betweenness_method. */
cg_status cg_metrics_compute_within(const cg_graph *graph, double budget, cg_metrics *out,
                                    cg_error *err);

/* The first part of cg_metrics_compute_within: the degrees, PageRank
 * and the ranking, which reads only those; hubs, authorities and
 * betweenness stay 0 until cg_metrics_finish.  Nothing to free on failure. */
cg_status cg_metrics_rank(const cg_graph *graph, cg_metrics *out, cg_error *err);

/* The second part: hubs, authorities and betweenness (within budget, as
 * cg_metrics_compute_within) into measures from cg_metrics_rank, which
 * the caller still releases, even on failure. */
cg_status cg_metrics_finish(const cg_graph *graph, double budget, cg_metrics *m, cg_error *err);

/* The estimated seconds of exact betweenness on graph: a breadth-first
 * search over the whole graph from every vertex that cites (m->cites). */
double cg_metrics_betweenness_cost(const cg_graph *graph, const cg_metrics *m);

/* Compares vertices a and b for the ranking: <0 if a ranks first. */
int cg_metrics_compare(const cg_graph *graph, const cg_metrics *m, size_t a, size_t b);

/* Weighted hub and authority scores (HITS) of graph into hub[nv] and
 * authority[nv], each scaled so that its largest is 1: the bytes
 * igraph_hub_and_authority_scores gives, by the same ARPACK run from the
 * same start, with products made over the edges laid out once (no edge:
 * every score 0).  CG_ENOMEM, or CG_ELIMIT with igraph's reason in err. */
cg_status cg_metrics_hits(const cg_graph *graph, double *hub, double *authority, cg_error *err);

/* Releases the measures. */
void cg_metrics_free(cg_metrics *m);

#endif
