/* citegraph report: the vertices of the citation graph ranked by how
 * many documents cite them, with every measure, as a table. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "options.h"

static const char usage[] =
    "usage: citegraph report [--top N] [--kind K] [--format text|csv|json|md]\n"
    "                        [--registry DIR] [--manifest FILE] PATH...\n"
    "\n"
    "Build the citation graph of the documents at PATH and print its vertices\n"
    "ranked by cited_by, then mentions, then pagerank (descending), then id.\n"
    "\n"
    "  -t, --top N          print the first N rows only (default: all)\n"
    "  -k, --kind K         only vertices of kind K: symbol, resolution, icj,\n"
    "                       url, other or document\n"
    "  -f, --format FORMAT  text (default), csv, json or md (Markdown)\n"
    "  -r, --registry DIR   read the registry (YAML) from DIR; may be repeated\n"
    "  -M, --manifest FILE  read what is known of the documents from FILE (YAML);\n"
    "                       may be repeated; default: manifest.yaml of each\n"
    "                       folder named\n"
    "  -h, --help           show this help\n"
    "\n"
    "Exit status: 0 every input read; 1 some inputs skipped (reported on\n"
    "stderr); 2 usage or fatal error.\n";

int cmd_report(int argc, char **argv, const char *argv0)
{
    cli_common common = {.argv0 = argv0};
    cg_report_format format = CG_REPORT_TEXT;
    size_t top = 0;
    int kind = -1;
    cli_opts o;
    cli_opts_init(&o, argc, argv);
    char **paths = argv;
    size_t npaths = 0;
    int opt;
    while ((opt = cli_opts_next(&o)) != CLI_OPTS_END) {
        switch (opt) {
        case CLI_OPTS_ARG:
            paths[npaths++] = o.arg;
            break;
        case 'h':
            fputs(usage, stdout);
            return CG_EXIT_OK;
        case 'f': {
            if (!cli_opts_value(&o, "format"))
                return CG_EXIT_FATAL;
            int f = cg_report_format_parse(o.arg);
            if (f < 0) {
                cli_error("report: unknown format '%s' (expected text, csv, json or md)", o.arg);
                return CG_EXIT_FATAL;
            }
            format = (cg_report_format)f;
            break;
        }
        case 't':
            if (!cli_opts_value(&o, "top") || !cli_parse_count("top", o.arg, &top))
                return CG_EXIT_FATAL;
            break;
        case 'k':
            if (!cli_opts_value(&o, "kind"))
                return CG_EXIT_FATAL;
            if ((kind = cg_vkind_parse(o.arg)) < 0) {
                cli_error("report: unknown kind '%s' (expected symbol, resolution, icj, url, "
                          "other or document)", o.arg);
                return CG_EXIT_FATAL;
            }
            break;
        case 'r':
            if (!cli_opts_value(&o, "registry") || !cli_add_registry(&common, "report", o.arg))
                return CG_EXIT_FATAL;
            break;
        case 'M':
            if (!cli_opts_value(&o, "manifest") || !cli_add_manifest(&common, "report", o.arg))
                return CG_EXIT_FATAL;
            break;
        default:
            cli_error("report: unknown option '%s'\n%s", o.arg, usage);
            return CG_EXIT_FATAL;
        }
    }
    if (npaths == 0) {
        fprintf(stderr, "citegraph: report: no PATH given\n%s", usage);
        return CG_EXIT_FATAL;
    }
    cg_registry reg;
    if (!cli_load_registry(&common, &reg))
        return CG_EXIT_FATAL;
    cg_graph graph;
    cg_metrics m;
    int status = cli_build_graph(&common, &reg, paths, npaths, &graph, &m);
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
    if (cg_report_write(&out, format, &graph, &m, m.rank, n) != CG_OK) {
        cli_error("out of memory");
        status = CG_EXIT_FATAL;
    } else if (!cli_write_stdout(&out)) {
        status = CG_EXIT_FATAL;
    }
    cg_buf_free(&out);
    cg_metrics_free(&m);
    cg_graph_free(&graph);
    return status;
}
