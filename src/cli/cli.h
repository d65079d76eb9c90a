/* Private to the command line: options shared by the commands, the
 * per-document pipeline, and the exit statuses. */
#ifndef CITEGRAPH_CLI_H
#define CITEGRAPH_CLI_H

#include <stdio.h>

#include "citegraph/citegraph.h"
#include "progress.h"

/* Exit statuses (documented in --help, the README and the man page). */
enum {
    CG_EXIT_OK = 0,      /* every input was read */
    CG_EXIT_SKIPPED = 1, /* some inputs could not be read and were skipped */
    CG_EXIT_FATAL = 2    /* usage error or fatal error: no complete result */
};

/* The --help lines of the options every command takes. */
#define CLI_COMMON_HELP                                                                   \
    "  -r, --registry DIR   read the registry (YAML) from DIR; may be repeated\n"          \
    "  -M, --manifest FILE  read what is known of the documents from FILE (YAML);\n"     \
    "                       may be repeated; default: manifest.yaml of each folder\n"    \
    "  -j, --jobs N         read N documents at a time (default: the processors)\n"      \
    "  -q, --quiet          no progress line and no notes on files of other types\n"      \
    "      --progress       draw the progress line even when stderr is not a terminal\n"  \
    "  -h, --help           show this help\n"                                              \
    "  -V, --version        show the version\n"

/* The --help paragraph on exit statuses. */
#define CLI_EXIT_HELP                                                                     \
    "Exit status: 0 every input read; 1 some inputs skipped (reported on\n"                \
    "stderr); 2 usage or fatal error.\n"

/* Options every command that reads a corpus accepts, and its PATHs. */
typedef struct cli_common {
    const char *registry_dirs[16];
    size_t nregistry;
    const char *manifests[16]; /* --manifest files; none: manifest.yaml of folder arguments */
    size_t nmanifests;
    const char *argv0;
    char **paths;
    size_t npaths;
    cli_progress_mode progress;
    int quiet; /* no progress line, no notes on files of other types */
    unsigned jobs; /* threads; 0: the processors online */
    double betweenness_budget; /* seconds, when has_budget */
    int has_budget;
    int whole_files; /* read every file whole, never in pieces */
} cli_common;

/* The --help lines of the option of the commands that measure the graph. */
#define CLI_BUDGET_HELP                                                                   \
    "      --betweenness-budget SECONDS  exact betweenness when its estimated\n"           \
    "                       cost is within SECONDS (default 10), else a path cutoff\n"

/* What a pass reads at a time: a whole file, or one of the pieces of a
 * large one (cg_text_pieces). */
typedef struct cli_item {
    size_t file;
    size_t piece;
    size_t npieces; /* 1: the file is read whole */
} cli_item;

/* A corpus listed and identified (first pass): its files, manifests,
 * every document's identity, and the files that could not be read. */
typedef struct cli_corpus {
    cg_corpus corpus;
    cg_manifest manifests[16];
    size_t nmanifests;
    char *auto_paths[16]; /* manifests picked up in folders (not reported as skipped) */
    size_t nauto;
    cg_identities *ids;
    unsigned char *skipped; /* per file: could not be read in the first pass */
    size_t failures;
    int quiet; /* no notes on files of other types */
    cli_item *items; /* the files, large ones as their pieces, in order */
    size_t nitems;
} cli_corpus;

/* Loads the registry from the folders given, or the default one. */
int cli_load_registry(const cli_common *common, cg_registry *reg);

/* Called once per document read, or per piece of a large file in order
 * (piece 0 first, text->line_base its lines before): its path, identity
 * and references, and either its rows when the run was asked for them
 * (text is then NULL: freed where it was read) or its text (rows NULL). */
typedef int (*cli_doc_fn)(const cg_corpus_file *file, const cg_identity *who, size_t piece,
                          cg_text *text, const cg_refs *refs, const cg_buf *rows, void *ctx);

/* Lists the corpus, loads its manifests and reads every document once to
 * fix its identity (spec 6); reports problems on stderr.  Returns an exit
 * status; on CG_EXIT_FATAL there is nothing to free. */
int cli_identify(const cli_common *common, const cg_registry *reg, char **paths, size_t npaths,
                 cli_corpus *cc);

/* The manifest entry of a file of the corpus, or NULL (only reads: any thread). */
const cg_manifest_entry *cli_manifest_entry(const cli_corpus *cc, const cg_corpus_file *f);

/* Marks the manifest entry of a file of the corpus used, if it has one. */
void cli_manifest_mark_used(cli_corpus *cc, const cg_corpus_file *f);

/* Reads every file of the listed corpus cc to record its identity (the
 * first pass, on the threads of --jobs); reports and returns 0 on a fatal error. */
int cli_identify_files(const cli_common *common, const cg_registry *reg, cli_corpus *cc);

/* Releases what cli_identify made. */
void cli_corpus_free(cli_corpus *cc);

/* Adds a --manifest file; reports and returns 0 if there are too many. */
int cli_add_manifest(cli_common *common, const char *cmd, const char *path);

/* Identifies the documents of the paths, then reads each again,
 * extracts its references and calls fn, with its rows formatted as
 * *rows unless rows is NULL (with the work, when their line
 * numbers are known there: whole files and first pieces); reports
 * problems on stderr.  Returns an exit status. */
int cli_run_corpus(const cli_common *common, const cg_registry *reg, char **paths,
                   size_t npaths, const cg_refs_format *rows, cli_doc_fn fn, void *ctx);

/* Prints "citegraph: message" on stderr. */
void cli_error(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* Adds a document read (piece 0: its id, description and references) or
 * a later piece of it (its references) to a graph builder. */
cg_status cli_graph_add(cg_graph_builder *b, const cg_identity *who, size_t piece,
                        const cg_refs *refs);

/* Reads the corpus into graph and computes metrics; returns an exit
 * status (on CG_EXIT_FATAL there is nothing to free). */
int cli_build_graph(const cli_common *common, const cg_registry *reg, char **paths,
                    size_t npaths, cg_graph *graph, cg_metrics *metrics);

/* Parses a non-negative count for option opt; reports and returns 0 if bad. */
int cli_parse_count(const char *opt, const char *value, size_t *out);

/* Adds a --registry folder; reports and returns 0 if there are too many. */
int cli_add_registry(cli_common *common, const char *cmd, const char *dir);

/* Writes buf to path atomically; reports and returns 0 on failure. */
int cli_write_file(const char *path, const cg_buf *buf);

/* Writes the n buffers of parts, one after the other, to path atomically;
 * returns 0 with the reason in err (not reported) on failure.  Safe on
 * several threads at once. */
int cli_save_file(const char *path, const cg_buf *const *parts, size_t n, cg_error *err);

/* What a streamed output is made by: appends it to out, a buffer with a
 * sink (cg_buf_item_end hands it on). */
typedef cg_status (*cli_make_fn)(cg_buf *out, void *ctx);

/* Writes to a temporary of path what make(out, ctx) appends, handed to
 * the file in pieces as it is made rather than held whole, then the n
 * buffers of tail; the temporary synced and closed in *af, to be put in
 * place (cg_atomic_commit) or removed (cg_atomic_abort) later.  Returns
 * 0 with the reason in err (not NULL; not reported) on failure, nothing
 * left behind.  Safe on several threads at once. */
int cli_stream_prepared(const char *path, cli_make_fn make, void *ctx,
                        const cg_buf *const *tail, size_t n, cg_atomic_file *af, cg_error *err);

/* Creates folder dir and its parents as needed; reports and returns 0 on failure. */
int cli_make_dirs(const char *dir);

/* Fills graph from a builder the caller filled; reports and returns 0 on
 * failure (then there is nothing to free). */
int cli_graph_make(cg_graph_builder *b, cg_graph *graph);

/* Computes the measures of graph (within --betweenness-budget); reports
 * and returns 0 on failure (metrics then hold nothing to free). */
int cli_graph_measure(const cli_common *common, cg_graph *graph, cg_metrics *metrics);

/* Its first part: the degrees, PageRank and the ranking (cg_metrics_rank);
 * reports and returns 0 on failure (metrics then hold nothing to free). */
int cli_graph_rank(cg_graph *graph, cg_metrics *metrics);

/* Its second part: hubs, authorities and betweenness (cg_metrics_finish);
 * reports and returns 0 on failure (metrics still to be freed). */
int cli_graph_finish(const cli_common *common, cg_graph *graph, cg_metrics *metrics);

/* Fills graph and metrics from a builder the caller filled; reports and
 * returns 0 on failure (then there is nothing to free). */
int cli_graph_from_builder(const cli_common *common, cg_graph_builder *b, cg_graph *graph,
                           cg_metrics *metrics);

/* The run command: the main job, every output into a folder. */
int cmd_run(int argc, char **argv, const char *argv0);

/* Writes buf to path atomically, or to stdout when path is NULL;
 * reports and returns 0 on failure. */
int cli_write_output(const char *path, const cg_buf *buf);

/* Writes buf to stdout and flushes; reports and returns 0 on failure. */
int cli_write_stdout(const cg_buf *buf);

/* The extract command. */
int cmd_extract(int argc, char **argv, const char *argv0);

/* The report command: the ranked table of the graph's vertices. */
int cmd_report(int argc, char **argv, const char *argv0);

/* The graph command: the citation graph as DOT, GraphML, CSV or JSON. */
int cmd_graph(int argc, char **argv, const char *argv0);

/* The docs command: each document's id, aliases, title, date and how the id was found. */
int cmd_docs(int argc, char **argv, const char *argv0);

/* Vertices of a drawing of the graph: the documents read (a third at
 * most) and the best-ranked targets, so that it stays legible and quick. */
#define CLI_DRAWN_VERTICES 60

/* The HTML report of the rows [0, n) of the ranking with the drawing svg
 * (from cli_graph_svg), or the note why when there is none. */
cg_status cli_report_html_drawn(cg_buf *out, const cg_graph *graph, const cg_metrics *m,
                                const size_t *rows, size_t n, const char *svg, const char *why);

/* The HTML report of the rows [0, n) of the ranking, with the graph drawn
 * by Graphviz when it is installed (a note when not). */
cg_status cli_report_html(cg_buf *out, const cg_graph *graph, const cg_metrics *m,
                          const size_t *rows, size_t n);

/* The annotate command: a document as HTML with its references linked. */
int cmd_annotate(int argc, char **argv, const char *argv0);

/* The drawing of a graph as an <svg> element made by Graphviz dot from
 * its DOT export; NULL with *why set when dot is missing or fails. */
char *cli_graph_svg(const cg_graph *graph, const cg_metrics *m, size_t max_vertices,
                    const char **why);

#endif
