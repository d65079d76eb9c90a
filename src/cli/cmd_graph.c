/* citegraph graph: the citation graph with its measures, as DOT,
 * GraphML, CSV or node-link JSON, to stdout or atomically to a file. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "options.h"

static const char usage[] =
    "usage: citegraph graph [--format dot|graphml|csv|json] [-o FILE]\n"
    "                       [--top N | --min-cited K] [--registry DIR]\n"
    "                       [--quiet | --progress] PATH...\n"
    "\n"
    "Build the citation graph of the documents at PATH (one vertex per\n"
    "canonical id, one edge per citing document and cited target, weighted by\n"
    "mentions) and write it with every vertex measure.\n"
    "\n"
    "  -f, --format FORMAT  dot, graphml, csv (node and edge rows in one file,\n"
    "                       told apart by the type column) or json (node-link);\n"
    "                       default: from FILE's extension (.dot .gv .graphml\n"
    "                       .csv .json), else dot\n"
    "  -o, --output FILE    write FILE (atomically) instead of stdout\n"
    "  -t, --top N          keep the N best-ranked vertices and the edges among them\n"
    "  -m, --min-cited K    keep the vertices cited by at least K documents\n"
    CLI_BUDGET_HELP
    CLI_COMMON_HELP
    "\n"
    "Measures are computed on the whole graph, before --top or --min-cited.\n"
    "\n"
    CLI_EXIT_HELP;

/* Format named by a file's extension; -1 if none is known. */
static int format_of_file(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(slash ? slash + 1 : path, '.');
    return dot ? cg_graph_format_parse(dot + 1) : -1;
}

typedef struct graph_opts {
    int format; /* cg_graph_format, or -1 until known */
    const char *output;
    size_t top, min_cited;
    int has_top, has_min;
} graph_opts;

/* --format, --output, --top, --min-cited. */
static int graph_option(cli_opts *o, int opt, void *ctx)
{
    graph_opts *g = ctx;
    switch (opt) {
    case 'f':
        if (!cli_opts_value(o, "format"))
            return 0;
        if ((g->format = cg_graph_format_parse(o->arg)) < 0) {
            cli_error("graph: unknown format '%s' (expected dot, graphml, csv or json)", o->arg);
            return 0;
        }
        return 1;
    case 'o':
        if (!cli_opts_value(o, "output"))
            return 0;
        g->output = o->arg;
        return 1;
    case 't':
        g->has_top = 1;
        return cli_opts_value(o, "top") && cli_parse_count("top", o->arg, &g->top);
    case 'm':
        g->has_min = 1;
        return cli_opts_value(o, "min-cited") &&
               cli_parse_count("min-cited", o->arg, &g->min_cited);
    default:
        return -1;
    }
}

int cmd_graph(int argc, char **argv, const char *argv0)
{
    cli_common common = {.argv0 = argv0};
    graph_opts g = {-1, NULL, 0, 0, 0, 0};
    int st = cli_parse_args(argc, argv, "graph", usage, &common, graph_option, &g);
    if (st != CLI_ARGS_RUN)
        return st;
    int format = g.format;
    const char *output = g.output;
    size_t top = g.top, min_cited = g.min_cited;
    int has_top = g.has_top, has_min = g.has_min;
    if (has_top && has_min) {
        cli_error("graph: --top and --min-cited cannot be used together");
        return CG_EXIT_FATAL;
    }
    if (format < 0 && output != NULL && (format = format_of_file(output)) < 0) {
        cli_error("graph: cannot tell the format of '%s' from its extension; use --format",
                  output);
        return CG_EXIT_FATAL;
    }
    if (format < 0)
        format = CG_GRAPH_DOT;
    cg_registry reg;
    if (!cli_load_registry(&common, &reg))
        return CG_EXIT_FATAL;
    cg_graph graph;
    cg_metrics m;
    int status = cli_build_graph(&common, &reg, common.paths, common.npaths, &graph, &m);
    cg_registry_free(&reg);
    if (status == CG_EXIT_FATAL)
        return status;
    unsigned char *keep = NULL;
    if (has_top || has_min) {
        keep = cg_calloc(graph.nv ? graph.nv : 1, 1);
        if (keep == NULL) {
            cli_error("out of memory");
            cg_metrics_free(&m);
            cg_graph_free(&graph);
            return CG_EXIT_FATAL;
        }
        for (size_t i = 0; i < graph.nv; i++) {
            size_t v = m.rank[i];
            keep[v] = has_top ? i < top : m.cited_by[v] >= (double)min_cited;
        }
    }
    cg_buf out = {0};
    if (cg_graph_write(&out, (cg_graph_format)format, &graph, &m, keep) != CG_OK) {
        cli_error("out of memory");
        status = CG_EXIT_FATAL;
    } else if (!cli_write_output(output, &out)) {
        status = CG_EXIT_FATAL;
    }
    cg_buf_free(&out);
    cg_free(keep);
    cg_metrics_free(&m);
    cg_graph_free(&graph);
    return status;
}
