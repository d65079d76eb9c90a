/* citegraph graph: the citation graph with its measures, as DOT,
 * GraphML, CSV or node-link JSON, to stdout or atomically to a file. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "options.h"

static const char usage[] =
    "usage: citegraph graph [--format dot|graphml|csv|json] [-o FILE]\n"
    "                       [--top N | --min-cited K] [--registry DIR]\n"
    "                       [--manifest FILE] PATH...\n"
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
    "  -r, --registry DIR   read the registry (YAML) from DIR; may be repeated\n"
    "  -M, --manifest FILE  read what is known of the documents from FILE (YAML);\n"
    "                       may be repeated; default: manifest.yaml of each\n"
    "                       folder named\n"
    "  -h, --help           show this help\n"
    "\n"
    "Measures are computed on the whole graph, before --top or --min-cited.\n"
    "\n"
    "Exit status: 0 every input read; 1 some inputs skipped (reported on\n"
    "stderr); 2 usage or fatal error.\n";

/* Format named by a file's extension; -1 if none is known. */
static int format_of_file(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(slash ? slash + 1 : path, '.');
    return dot ? cg_graph_format_parse(dot + 1) : -1;
}

static int write_output(const char *path, const cg_buf *out)
{
    if (path == NULL)
        return cli_write_stdout(out);
    cg_atomic_file af;
    cg_error err;
    cg_error_clear(&err);
    if (cg_atomic_open(&af, path, &err) != CG_OK) {
        cg_error_print(&err, stderr);
        return 0;
    }
    if (cg_write_all(af.fp, path, out->data ? out->data : "", out->len, &err) != CG_OK) {
        cg_atomic_abort(&af);
        cg_error_print(&err, stderr);
        return 0;
    }
    if (cg_atomic_commit(&af, &err) != CG_OK) {
        cg_error_print(&err, stderr);
        return 0;
    }
    return 1;
}

int cmd_graph(int argc, char **argv, const char *argv0)
{
    cli_common common = {.argv0 = argv0};
    int format = -1;
    const char *output = NULL;
    size_t top = 0, min_cited = 0;
    int has_top = 0, has_min = 0;
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
        case 'f':
            if (!cli_opts_value(&o, "format"))
                return CG_EXIT_FATAL;
            if ((format = cg_graph_format_parse(o.arg)) < 0) {
                cli_error("graph: unknown format '%s' (expected dot, graphml, csv or json)",
                          o.arg);
                return CG_EXIT_FATAL;
            }
            break;
        case 'o':
            if (!cli_opts_value(&o, "output"))
                return CG_EXIT_FATAL;
            output = o.arg;
            break;
        case 't':
            if (!cli_opts_value(&o, "top") || !cli_parse_count("top", o.arg, &top))
                return CG_EXIT_FATAL;
            has_top = 1;
            break;
        case 'm':
            if (!cli_opts_value(&o, "min-cited") ||
                !cli_parse_count("min-cited", o.arg, &min_cited))
                return CG_EXIT_FATAL;
            has_min = 1;
            break;
        case 'r':
            if (!cli_opts_value(&o, "registry") || !cli_add_registry(&common, "graph", o.arg))
                return CG_EXIT_FATAL;
            break;
        case 'M':
            if (!cli_opts_value(&o, "manifest") || !cli_add_manifest(&common, "graph", o.arg))
                return CG_EXIT_FATAL;
            break;
        default:
            cli_error("graph: unknown option '%s'\n%s", o.arg, usage);
            return CG_EXIT_FATAL;
        }
    }
    if (npaths == 0) {
        fprintf(stderr, "citegraph: graph: no PATH given\n%s", usage);
        return CG_EXIT_FATAL;
    }
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
    int status = cli_build_graph(&common, &reg, paths, npaths, &graph, &m);
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
    } else if (!write_output(output, &out)) {
        status = CG_EXIT_FATAL;
    }
    cg_buf_free(&out);
    cg_free(keep);
    cg_metrics_free(&m);
    cg_graph_free(&graph);
    return status;
}
