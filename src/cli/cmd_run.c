/* citegraph run: the main job.  Reads the corpus once and writes into a
 * folder the references (references.tsv), the citation graph
 * (graph.dot, graph.graphml), its drawing (graph.svg, when Graphviz is
 * installed) and the report (report.txt, report.csv, report.html); prints
 * the top of the report.  Each file is written atomically. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "options.h"


static const char usage[] =
    "usage: citegraph run [-o DIR] [--top N] [--registry DIR] [--quiet | --progress]\n"
    "                     PATH...\n"
    "\n"
    "The main job: read the documents at PATH once and write into DIR\n"
    "references.tsv (as extract), graph.dot and graph.graphml (as graph),\n"
    "graph.svg (drawn by Graphviz when it is installed: the documents read and\n"
    "the best-ranked targets, 60 vertices at most), report.txt, report.csv and\n"
    "report.html (as report); then print the first rows of the report.\n"
    "\n"
    "  -o, --output DIR     the folder to write (created if needed; default graphs)\n"
    "  -t, --top N          rows of the report printed (default 20; 0: none)\n"
    CLI_BUDGET_HELP
    CLI_COMMON_HELP
    "\n"
    CLI_EXIT_HELP;

typedef struct run_opts {
    const char *dir;
    size_t top;
} run_opts;

typedef struct run_ctx {
    cg_graph_builder *builder;
    char refs_path[4096];   /* DIR/references.tsv, written as the corpus is read */
    cg_atomic_file refs;
    int refs_open;
} run_ctx;

static int run_option(cli_opts *o, int opt, void *ctx)
{
    run_opts *r = ctx;
    switch (opt) {
    case 'o':
        if (!cli_opts_value(o, "output"))
            return 0;
        r->dir = o->arg;
        return 1;
    case 't':
        return cli_opts_value(o, "top") && cli_parse_count("top", o->arg, &r->top);
    default:
        return -1;
    }
}

static int add_doc(const cg_corpus_file *file, const cg_identity *who, size_t piece,
                   cg_text *text, const cg_refs *refs, const cg_buf *rows, void *ctx)
{
    run_ctx *x = ctx;
    (void)file;
    (void)text;
    if (cli_graph_add(x->builder, who, piece, refs) != CG_OK) {
        cli_error("out of memory");
        return 1;
    }
    cg_error err;
    cg_error_clear(&err);
    if (rows->len && cg_write_all(x->refs.fp, x->refs_path, rows->data, rows->len, &err) != CG_OK) {
        cg_error_print(&err, stderr);
        return 1;
    }
    return 0;
}

/* Opens DIR/references.tsv (atomically) and writes its header. */
static int open_refs(run_ctx *x, const char *dir)
{
    cg_error err;
    cg_error_clear(&err);
    if (snprintf(x->refs_path, sizeof x->refs_path, "%s/references.tsv", dir) >=
        (int)sizeof x->refs_path) {
        cli_error("%s: path too long", dir);
        return 0;
    }
    if (cg_atomic_open(&x->refs, x->refs_path, &err) != CG_OK) {
        cg_error_print(&err, stderr);
        return 0;
    }
    x->refs_open = 1;
    cg_buf head = {0};
    cg_status st = cg_refs_write_header(&head, CG_REFS_TSV);
    if (st == CG_OK)
        st = cg_write_all(x->refs.fp, x->refs_path, head.data, head.len, &err);
    cg_buf_free(&head);
    if (st != CG_OK) {
        cg_error_print(&err, stderr);
        return 0;
    }
    return 1;
}

/* Puts references.tsv in place when ok, else removes it; 0 on failure. */
static int close_refs(run_ctx *x, int ok)
{
    if (!x->refs_open)
        return ok;
    x->refs_open = 0;
    if (!ok) {
        cg_atomic_abort(&x->refs);
        return 0;
    }
    cg_error err;
    cg_error_clear(&err);
    if (cg_atomic_commit(&x->refs, &err) != CG_OK) {
        cg_error_print(&err, stderr);
        return 0;
    }
    return 1;
}

/* Writes one output of the folder: the text build() makes, to DIR/name. */
static int write_one(const char *dir, const char *name, cg_buf *out, cg_status built)
{
    char path[4096];
    if (built != CG_OK) {
        cli_error("out of memory");
        return 0;
    }
    if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path) {
        cli_error("%s: path too long", dir);
        return 0;
    }
    return cli_write_file(path, out);
}

/* graph.svg, when the graph could be drawn (else a note, not an error). */
static int write_svg(const char *dir, const char *svg, const char *why, int quiet)
{
    if (svg == NULL) {
        if (!quiet)
            fprintf(stderr, "citegraph: %s/graph.svg not drawn: %s\n", dir, why);
        return 1;
    }
    cg_buf out = {0};
    cg_status st = cg_buf_puts(&out, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
    if (st == CG_OK)
        st = cg_buf_puts(&out, svg);
    int ok = write_one(dir, "graph.svg", &out, st);
    cg_buf_free(&out);
    return ok;
}

/* Every output of the folder; 0 if one failed (the others are still
 * written).  The graph is drawn once, for graph.svg and report.html. */
static int write_outputs(const char *dir, const cg_graph *g, const cg_metrics *m, int quiet)
{
    int ok = 1;
    cg_buf out = {0};
    ok &= write_one(dir, "graph.dot", &out, cg_graph_write(&out, CG_GRAPH_DOT, g, m, NULL));
    cg_buf_clear(&out);
    ok &= write_one(dir, "graph.graphml", &out, cg_graph_write(&out, CG_GRAPH_GRAPHML, g, m, NULL));
    cg_buf_clear(&out);
    ok &= write_one(dir, "report.txt", &out, cg_report_write(&out, CG_REPORT_TEXT, g, m, m->rank, g->nv));
    cg_buf_clear(&out);
    ok &= write_one(dir, "report.csv", &out, cg_report_write(&out, CG_REPORT_CSV, g, m, m->rank, g->nv));
    const char *why = NULL;
    char *svg = cli_graph_svg(g, m, CLI_DRAWN_VERTICES, &why);
    cg_buf_clear(&out);
    ok &= write_one(dir, "report.html", &out,
                    cli_report_html_drawn(&out, g, m, m->rank, g->nv, svg, why));
    cg_buf_free(&out);
    ok &= write_svg(dir, svg, why, quiet);
    cg_free(svg);
    return ok;
}

int cmd_run(int argc, char **argv, const char *argv0)
{
    cli_common common = {.argv0 = argv0};
    run_opts r = {"graphs", 20};
    int st = cli_parse_args(argc, argv, "run", usage, &common, run_option, &r);
    if (st != CLI_ARGS_RUN)
        return st;
    if (!cli_make_dirs(r.dir))
        return CG_EXIT_FATAL;
    cg_registry reg;
    if (!cli_load_registry(&common, &reg))
        return CG_EXIT_FATAL;
    run_ctx x;
    memset(&x, 0, sizeof x);
    x.builder = cg_graph_builder_new();
    if (x.builder == NULL) {
        cli_error("out of memory");
        cg_registry_free(&reg);
        return CG_EXIT_FATAL;
    }
    static const cg_refs_format tsv = CG_REFS_TSV;
    int status = open_refs(&x, r.dir)
                     ? cli_run_corpus(&common, &reg, common.paths, common.npaths, &tsv, add_doc, &x)
                     : CG_EXIT_FATAL;
    cg_registry_free(&reg);
    if (!close_refs(&x, status != CG_EXIT_FATAL))
        status = CG_EXIT_FATAL;
    cg_graph graph;
    cg_metrics m;
    if (status != CG_EXIT_FATAL && !cli_graph_from_builder(&common, x.builder, &graph, &m))
        status = CG_EXIT_FATAL;
    cg_graph_builder_free(x.builder);
    if (status == CG_EXIT_FATAL)
        return status;
    if (!write_outputs(r.dir, &graph, &m, common.quiet))
        status = CG_EXIT_FATAL;
    if (status != CG_EXIT_FATAL && r.top > 0) {
        cg_buf out = {0};
        size_t n = r.top < graph.nv ? r.top : graph.nv;
        if (cg_report_write(&out, CG_REPORT_TEXT, &graph, &m, m.rank, n) != CG_OK) {
            cli_error("out of memory");
            status = CG_EXIT_FATAL;
        } else if (!cli_write_stdout(&out)) {
            status = CG_EXIT_FATAL;
        }
        cg_buf_free(&out);
    }
    cg_metrics_free(&m);
    cg_graph_free(&graph);
    return status;
}
