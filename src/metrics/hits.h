/* Private to the metrics module: HITS with the matrix products made by
 * citegraph over the graph's edges, on igraph's ARPACK. */
#ifndef CITEGRAPH_METRICS_HITS_H
#define CITEGRAPH_METRICS_HITS_H

#include "citegraph/graph.h"

/* Weighted hub and authority scores of graph (which has edges) into
 * hub[nv] and authority[nv], each scaled so that its largest is 1: the
 * bytes igraph_hub_and_authority_scores gives, by the same ARPACK run
 * from the same start (tested against it).  CG_ENOMEM, or CG_ELIMIT with
 * igraph's reason in err. */
cg_status cg_metrics_hits(const cg_graph *graph, double *hub, double *authority, cg_error *err);

#endif
