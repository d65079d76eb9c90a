/* citegraph run: the main job.  Reads the corpus once and writes into a
 * folder the references (references.tsv), the citation graph
 * (graph.dot, graph.graphml), its drawing (graph.svg, when Graphviz is
 * installed) and the report (report.txt, report.csv, report.html); prints
 * the top of the report.  Each file is written atomically; references.tsv
 * is put in place while the graph is made, the others once every measure
 * is known (graph.svg, report.html and graph.dot, which show no hub,
 * authority or betweenness, written to their temporaries beforehand). */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "options.h"
#include "pool.h"


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
    if (rows->len &&
        cg_atomic_write(&x->refs, x->refs_path, rows->data, rows->len, &err) != CG_OK) {
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
        st = cg_atomic_write(&x->refs, x->refs_path, head.data, head.len, &err);
    cg_buf_free(&head);
    if (st != CG_OK) {
        cg_error_print(&err, stderr);
        return 0;
    }
    return 1;
}

/* Puts references.tsv in place when ok, else removes it; 0 on failure
 * (with the reason in *err unless it was removed on purpose). */
static int close_refs(run_ctx *x, int ok, cg_error *err)
{
    if (!x->refs_open)
        return ok;
    x->refs_open = 0;
    if (!ok) {
        cg_atomic_abort(&x->refs);
        return 0;
    }
    return cg_atomic_commit(&x->refs, err) == CG_OK;
}

/* references.tsv put in place on a thread of its own, while the graph is
 * made (the commit waits for the disk). */
typedef struct refs_commit {
    run_ctx *x;
    int done; /* close_refs's result */
    cg_error err;
} refs_commit;

static void *commit_refs(void *arg)
{
    refs_commit *c = arg;
    c->done = close_refs(c->x, 1, &c->err);
    return NULL;
}

/* An output of the folder written to its temporary (synced) before it
 * is put in place with the others, or why it could not be. */
typedef struct prepared {
    int ok;            /* the temporary is ready: af to commit or abort */
    cg_atomic_file af;
    cg_error err;      /* else why not */
} prepared;

/* Writes one output of the folder to the temporary of DIR/name: what
 * make(ctx) appends, streamed to the file as it is made, then the n
 * buffers of tail (made beforehand). */
static void prepare(const char *dir, const char *name, cli_make_fn make, void *ctx,
                    const cg_buf *const *tail, size_t n, prepared *out)
{
    memset(out, 0, sizeof *out);
    cg_error_clear(&out->err);
    char path[4096];
    if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path) {
        cg_error_set(&out->err, CG_EUSAGE, dir, 0, 0, "path too long");
        return;
    }
    out->ok = cli_stream_prepared(path, make, ctx, tail, n, &out->af, &out->err);
}

/* Puts a prepared output in place; 0 with the reason in err on failure. */
static int commit_prepared(prepared *p, cg_error *err)
{
    if (!p->ok) {
        *err = p->err;
        return 0;
    }
    p->ok = 0;
    return cg_atomic_commit(&p->af, err) == CG_OK;
}

/* Removes a prepared output's temporary, if any: its target untouched. */
static void drop_prepared(prepared *p)
{
    if (p->ok)
        cg_atomic_abort(&p->af);
    p->ok = 0;
}

/* Writes one output of the folder as prepare, and puts it in place; 0
 * with the reason in err on failure. */
static int write_output(const char *dir, const char *name, cli_make_fn make, void *ctx,
                        const cg_buf *const *tail, size_t n, cg_error *err)
{
    prepared p;
    prepare(dir, name, make, ctx, tail, n, &p);
    return commit_prepared(&p, err);
}

/* graph.svg: the drawing (ctx) as a file of its own. */
static cg_status make_svg(cg_buf *out, void *ctx)
{
    cg_status st = cg_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n");
    return st == CG_OK ? cg_buf_puts(out, ctx) : st;
}

/* What a graph file or a report is made from. */
typedef struct output_of {
    int format;        /* cg_graph_format or cg_report_format */
    const cg_graph *g;
    const cg_metrics *m;
    const char *svg;   /* report.html: the drawing, or NULL ... */
    const char *why;   /* ... and why not */
} output_of;

/* The part of a DOT or GraphML file before its edges. */
static cg_status make_vertices(cg_buf *out, void *ctx)
{
    const output_of *o = ctx;
    return cg_graph_write_vertices(out, (cg_graph_format)o->format, o->g, o->m, NULL);
}

/* A whole graph file. */
static cg_status make_graph(cg_buf *out, void *ctx)
{
    const output_of *o = ctx;
    return cg_graph_write(out, (cg_graph_format)o->format, o->g, o->m, NULL);
}

/* The report as text or CSV, every vertex in rank order. */
static cg_status make_report(cg_buf *out, void *ctx)
{
    const output_of *o = ctx;
    return cg_report_write(out, (cg_report_format)o->format, o->g, o->m, o->m->rank, o->g->nv);
}

/* report.html, with the drawing when there is one. */
static cg_status make_html(cg_buf *out, void *ctx)
{
    const output_of *o = ctx;
    return cli_report_html_drawn(out, o->g, o->m, o->m->rank, o->g->nv, o->svg, o->why);
}

/* The drawing (graph.svg) and report.html, which shows it: both read
 * only the ranking and the counts of the vertices (cg_metrics_rank), not
 * hubs, authorities or betweenness, so they are made and written to
 * their temporaries on a thread of their own while those are computed,
 * then put in place with the other outputs. */
typedef struct drawing {
    const char *dir;
    const cg_graph *g;
    const cg_metrics *m;
    const char *why;   /* why the graph was not drawn (NULL: it was) */
    prepared svg;      /* graph.svg, when drawn */
    prepared html;     /* report.html */
} drawing;

/* Draws the graph and makes report.html; writes both. */
static void draw(drawing *d)
{
    char *svg = cli_graph_svg(d->g, d->m, CLI_DRAWN_VERTICES, &d->why);
    if (svg != NULL) {
        d->why = NULL;
        prepare(d->dir, "graph.svg", make_svg, svg, NULL, 0, &d->svg);
    }
    output_of html = {0, d->g, d->m, svg, d->why};
    prepare(d->dir, "report.html", make_html, &html, NULL, 0, &d->html);
    cg_free(svg);
}

static void *draw_on_thread(void *arg)
{
    draw(arg);
    return NULL;
}

/* The edges of graph.graphml and graph.dot, which need no measure: made
 * on a thread of their own while the measures are computed. */
typedef struct graph_edges {
    const cg_graph *g;
    cg_buf graphml, dot;
    cg_status st; /* CG_OK: both made */
} graph_edges;

static void *make_edges(void *arg)
{
    graph_edges *e = arg;
    e->st = cg_graph_write_edges(&e->graphml, CG_GRAPH_GRAPHML, e->g, NULL);
    if (e->st == CG_OK)
        e->st = cg_graph_write_edges(&e->dot, CG_GRAPH_DOT, e->g, NULL);
    return NULL;
}

/* graph.dot, whose vertices show only their in-degree: made and written
 * to its temporary on a thread while hubs, authorities and betweenness
 * are computed, once its edges are (that thread joined here). */
typedef struct early_dot {
    const char *dir;
    const cg_graph *g;
    const cg_metrics *m;
    pthread_t edger;     /* the thread making the edges */
    graph_edges *edges;
    int made;            /* file holds graph.dot, or why it is not */
    prepared file;
} early_dot;

static void *make_dot(void *arg)
{
    early_dot *d = arg;
    pthread_join(d->edger, NULL);
    if (d->edges->st != CG_OK)
        return NULL; /* made with the other outputs */
    output_of dot = {CG_GRAPH_DOT, d->g, d->m, NULL, NULL};
    const cg_buf *edges = &d->edges->dot;
    prepare(d->dir, "graph.dot", make_vertices, &dot, &edges, 1, &d->file);
    cg_buf_free(&d->edges->dot);
    d->made = 1;
    return NULL;
}

/* The outputs put in place after the measures: the report as HTML and
 * the drawing (written beforehand), GraphML, DOT (written beforehand
 * when it could be), the report as text and as CSV. */
enum { OUT_DRAWN, OUT_GRAPHML, OUT_DOT, OUT_REPORT_TEXT, OUT_REPORT_CSV, OUT_COUNT };

/* What the outputs are made from, and whether all were written. */
typedef struct outputs {
    const char *dir;
    const cg_graph *g;
    const cg_metrics *m;
    const graph_edges *edges; /* made beforehand, or NULL */
    drawing *drawn;           /* the drawing and report.html, written beforehand */
    early_dot *dot;           /* graph.dot, written beforehand when dot->made */
    int quiet;
    int ok;
} outputs;

/* What became of one output: written, or why not (to report in order). */
typedef struct output_slot {
    int ok;
    cg_error err;     /* its file, or report.html */
    int svg_ok;       /* OUT_DRAWN: graph.svg written, or not drawn ... */
    cg_error svg_err; /* ... or why it could not be written */
    const char *why;  /* why the graph was not drawn (NULL: it was) */
} output_slot;

/* In one of the pool's threads: makes output i and writes it, or puts it
 * in place when written beforehand (the graph and metrics are only read;
 * each file is written atomically). */
static void make_output(void *shared, size_t i, void *slot)
{
    static const char *const names[OUT_COUNT] = {"report.html", "graph.graphml", "graph.dot",
                                                 "report.txt", "report.csv"};
    const outputs *o = shared;
    const cg_graph *g = o->g;
    const cg_metrics *m = o->m;
    output_slot *s = slot;
    memset(s, 0, sizeof *s);
    cg_error_clear(&s->err);
    cg_error_clear(&s->svg_err);
    s->svg_ok = 1;
    output_of what = {0, g, m, NULL, NULL};
    switch (i) {
    case OUT_DRAWN:
        s->why = o->drawn->why;
        if (s->why == NULL)
            s->svg_ok = commit_prepared(&o->drawn->svg, &s->svg_err);
        s->ok = commit_prepared(&o->drawn->html, &s->err);
        return;
    case OUT_GRAPHML:
    case OUT_DOT: {
        cg_graph_format f = i == OUT_DOT ? CG_GRAPH_DOT : CG_GRAPH_GRAPHML;
        if (i == OUT_DOT && o->dot != NULL && o->dot->made) {
            s->ok = commit_prepared(&o->dot->file, &s->err);
            return;
        }
        what.format = f;
        if (o->edges == NULL) {
            s->ok = write_output(o->dir, names[i], make_graph, &what, NULL, 0, &s->err);
            return;
        }
        /* the vertices, then the edges made while the measures were computed */
        const cg_buf *edges = i == OUT_DOT ? &o->edges->dot : &o->edges->graphml;
        s->ok = write_output(o->dir, names[i], make_vertices, &what, &edges, 1, &s->err);
        return;
    }
    case OUT_REPORT_TEXT:
    default:
        what.format = i == OUT_REPORT_TEXT ? CG_REPORT_TEXT : CG_REPORT_CSV;
        s->ok = write_output(o->dir, names[i], make_report, &what, NULL, 0, &s->err);
        return;
    }
}

/* In the calling thread, in order: reports what became of output i. */
static int report_output(void *shared, size_t i, void *slot)
{
    outputs *o = shared;
    output_slot *s = slot;
    if (!s->ok)
        cg_error_print(&s->err, stderr);
    if (i == OUT_DRAWN && !s->svg_ok)
        cg_error_print(&s->svg_err, stderr);
    if (i == OUT_DRAWN && s->why != NULL && !o->quiet)
        fprintf(stderr, "citegraph: %s/graph.svg not drawn: %s\n", o->dir, s->why);
    o->ok &= s->ok & s->svg_ok;
    return 0; /* the others are still written */
}

/* Every output of the folder; 0 if one failed (the others are still
 * written).  They are made and written on the threads of --jobs, and
 * reported in a fixed order by the calling thread, so that what goes to
 * stderr does not depend on the threads.  The edges of the graph's files
 * come from edges when not NULL. */
static int write_outputs(const cli_common *common, const char *dir, const cg_graph *g,
                         const cg_metrics *m, const graph_edges *edges, drawing *drawn,
                         early_dot *dot)
{
    outputs o = {dir, g, m, edges, drawn, dot, common->quiet, 1};
    output_slot slots[OUT_COUNT];
    unsigned jobs = common->jobs ? common->jobs : cli_pool_default_jobs();
    static const cli_pool_ops ops = {make_output, report_output};
    /* no memory for the pool (reported): made one after another instead */
    if (cli_pool_run(OUT_COUNT, jobs, &ops, &o, slots, sizeof slots[0], OUT_COUNT) < 0)
        cli_pool_run(OUT_COUNT, 1, &ops, &o, slots, sizeof slots[0], OUT_COUNT);
    return o.ok;
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
    refs_commit commit = {&x, 0, {0}};
    pthread_t committer;
    int threaded = status != CG_EXIT_FATAL && pthread_create(&committer, NULL, commit_refs, &commit) == 0;
    if (!threaded)
        commit.done = close_refs(&x, status != CG_EXIT_FATAL, &commit.err);
    cg_graph graph;
    cg_metrics m;
    memset(&graph, 0, sizeof graph);
    memset(&m, 0, sizeof m);
    int built = status != CG_EXIT_FATAL && cli_graph_make(x.builder, &graph);
    cg_graph_builder_free(x.builder);
    /* the graph's edges made while its measures are computed */
    graph_edges edges = {&graph, {0}, {0}, CG_ENOMEM};
    pthread_t edger;
    int edging = built && pthread_create(&edger, NULL, make_edges, &edges) == 0;
    int ranked = built && cli_graph_rank(&graph, &m);
    /* then the drawing, report.html and graph.dot written to their
     * temporaries while the other measures are computed */
    drawing drawn;
    memset(&drawn, 0, sizeof drawn);
    drawn.dir = r.dir;
    drawn.g = &graph;
    drawn.m = &m;
    pthread_t drawer;
    int drawing_apart = ranked && pthread_create(&drawer, NULL, draw_on_thread, &drawn) == 0;
    early_dot dot;
    memset(&dot, 0, sizeof dot);
    dot.dir = r.dir;
    dot.g = &graph;
    dot.m = &m;
    dot.edges = &edges;
    pthread_t dotter;
    if (edging)
        dot.edger = edger;
    int dotting = ranked && edging && pthread_create(&dotter, NULL, make_dot, &dot) == 0;
    int measured = ranked && cli_graph_finish(&common, &graph, &m);
    if (ranked && !drawing_apart)
        draw(&drawn);
    if (drawing_apart)
        pthread_join(drawer, NULL);
    if (dotting)
        pthread_join(dotter, NULL); /* which joined the edges' thread */
    else if (edging)
        pthread_join(edger, NULL);
    if (ranked && !measured)
        cg_metrics_free(&m);
    if (built && !measured) {
        cg_graph_free(&graph);
        built = 0;
    }
    if (threaded)
        pthread_join(committer, NULL);
    if (!commit.done) {
        if (commit.err.status != CG_OK)
            cg_error_print(&commit.err, stderr);
        status = CG_EXIT_FATAL;
    }
    if (!built)
        status = CG_EXIT_FATAL;
    if (status != CG_EXIT_FATAL &&
        !write_outputs(&common, r.dir, &graph, &m, edging && edges.st == CG_OK ? &edges : NULL,
                       &drawn, &dot))
        status = CG_EXIT_FATAL;
    /* what was written beforehand but not put in place: removed */
    drop_prepared(&drawn.svg);
    drop_prepared(&drawn.html);
    drop_prepared(&dot.file);
    cg_buf_free(&edges.graphml);
    cg_buf_free(&edges.dot);
    if (status == CG_EXIT_FATAL) {
        if (built) {
            cg_metrics_free(&m);
            cg_graph_free(&graph);
        }
        return status;
    }
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
