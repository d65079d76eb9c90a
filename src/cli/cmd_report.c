/* citegraph report: the vertices of the citation graph ranked by how
 * many documents cite them, with every measure, as a table. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "options.h"

static const char usage[] =
    "usage: citegraph report [--top N] [--kind K] [--format text|csv|json|md|html]\n"
    "                        [-o FILE] [--registry DIR] [--quiet | --progress] PATH...\n"
    "\n"
    "Build the citation graph of the documents at PATH and print its vertices\n"
    "ranked by cited_by, then mentions, then pagerank (descending), then id.\n"
    "\n"
    "  -t, --top N          print the first N rows only (default: all)\n"
    "  -k, --kind K         only vertices of kind K: symbol, resolution, icj,\n"
    "                       url, other or document\n"
    "  -f, --format FORMAT  text (default), csv, json, md (Markdown) or html (one\n"
    "                       page: counts, most cited of each kind, the graph drawn\n"
    "                       by Graphviz when installed, references by year)\n"
    "  -o, --output FILE    write FILE (atomically) instead of stdout\n"
    CLI_BUDGET_HELP
    CLI_COMMON_HELP
    "\n"
    CLI_EXIT_HELP;

typedef struct report_opts {
    cg_report_format format;
    size_t top;
    int kind; /* cg_vkind, or -1 for every kind */
    const char *output;
} report_opts;


/* --top, --kind, --format. */
static int report_option(cli_opts *o, int opt, void *ctx)
{
    report_opts *r = ctx;
    switch (opt) {
    case 'f': {
        if (!cli_opts_value(o, "format"))
            return 0;
        int f = cg_report_format_parse(o->arg);
        if (f < 0) {
            cli_error("report: unknown format '%s' (expected text, csv, json, md or html)", o->arg);
            return 0;
        }
        r->format = (cg_report_format)f;
        return 1;
    }
    case 'o':
        if (!cli_opts_value(o, "output"))
            return 0;
        r->output = o->arg;
        return 1;
    case 't':
        return cli_opts_value(o, "top") && cli_parse_count("top", o->arg, &r->top);
    case 'k':
        if (!cli_opts_value(o, "kind"))
            return 0;
        if ((r->kind = cg_vkind_parse(o->arg)) < 0) {
            cli_error("report: unknown kind '%s' (expected symbol, resolution, icj, url, "
                      "other or document)", o->arg);
            return 0;
        }
        return 1;
    default:
        return -1;
    }
}

int cmd_report(int argc, char **argv, const char *argv0)
{
    cli_common common = {.argv0 = argv0};
    report_opts r = {CG_REPORT_TEXT, 0, -1, NULL};
    int st = cli_parse_args(argc, argv, "report", usage, &common, report_option, &r);
    if (st != CLI_ARGS_RUN)
        return st;
    cg_report_format format = r.format;
    size_t top = r.top;
    int kind = r.kind;
    cg_registry reg;
    if (!cli_load_registry(&common, &reg))
        return CG_EXIT_FATAL;
    cg_graph graph;
    cg_metrics m;
    int status = cli_build_graph(&common, &reg, common.paths, common.npaths, &graph, &m);
    cg_registry_free(&reg);
    if (status == CG_EXIT_FATAL)
        return status;
    /* the ranking, filtered by kind and cut at --top */
    size_t n = 0;
    for (size_t i = 0; i < graph.nv; i++) {
        if (top && n == top)
            break;
        size_t v = m.rank[i];
        if (kind < 0 || graph.v[v].kind == (cg_vkind)kind)
            m.rank[n++] = v;
    }
    cg_buf out = {0};
    cg_status written;
    if (format == CG_REPORT_HTML) {
        written = cli_report_html(&out, &graph, &m, m.rank, n);
    } else {
        written = cg_report_write(&out, format, &graph, &m, m.rank, n);
    }
    if (written != CG_OK) {
        cli_error("out of memory");
        status = CG_EXIT_FATAL;
    } else if (!cli_write_output(r.output, &out)) {
        status = CG_EXIT_FATAL;
    }
    cg_buf_free(&out);
    cg_metrics_free(&m);
    cg_graph_free(&graph);
    return status;
}
