/* Shared by the report and graph commands: read the corpus into a
 * citation graph and compute its measures. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int add_doc(const cg_corpus_file *file, const cg_identity *who, size_t piece,
                   cg_text *text, const cg_refs *refs, const cg_buf *rows, void *ctx)
{
    (void)file;
    (void)text;
    (void)rows;
    if (cli_graph_add(ctx, who, piece, refs) != CG_OK) {
        cli_error("out of memory");
        return 1;
    }
    return 0;
}

cg_status cli_graph_add(cg_graph_builder *b, const cg_identity *who, size_t piece,
                        const cg_refs *refs)
{
    if (piece > 0)
        return cg_graph_builder_add_refs(b, &who->id, refs);
    cg_status st = cg_graph_builder_add(b, &who->id, refs);
    return st == CG_OK ? cg_graph_builder_describe(b, who) : st;
}

int cli_build_graph(const cli_common *common, const cg_registry *reg, char **paths,
                    size_t npaths, cg_graph *graph, cg_metrics *metrics)
{
    memset(graph, 0, sizeof *graph);
    memset(metrics, 0, sizeof *metrics);
    cg_graph_builder *b = cg_graph_builder_new();
    if (b == NULL) {
        cli_error("out of memory");
        return CG_EXIT_FATAL;
    }
    int status = cli_run_corpus(common, reg, paths, npaths, NULL, add_doc, b);
    if (status != CG_EXIT_FATAL && !cli_graph_from_builder(common, b, graph, metrics))
        status = CG_EXIT_FATAL;
    cg_graph_builder_free(b);
    return status;
}

/* 1 if st is CG_OK, else 0 once err is reported. */
static int reported(cg_status st, const cg_error *err)
{
    if (st == CG_OK)
        return 1;
    cg_error_print(err, stderr);
    return 0;
}

int cli_graph_make(cg_graph_builder *b, cg_graph *graph)
{
    cg_error err;
    cg_error_clear(&err);
    return reported(cg_graph_build(b, graph, &err), &err);
}

int cli_graph_rank(cg_graph *graph, cg_metrics *metrics)
{
    cg_error err;
    cg_error_clear(&err);
    return reported(cg_metrics_rank(graph, metrics, &err), &err);
}

int cli_graph_finish(const cli_common *common, cg_graph *graph, cg_metrics *metrics)
{
    cg_error err;
    cg_error_clear(&err);
    double budget = common->has_budget ? common->betweenness_budget : CG_METRICS_BETWEENNESS_BUDGET;
    return reported(cg_metrics_finish(graph, budget, metrics, &err), &err);
}

int cli_graph_measure(const cli_common *common, cg_graph *graph, cg_metrics *metrics)
{
    if (!cli_graph_rank(graph, metrics))
        return 0;
    if (cli_graph_finish(common, graph, metrics))
        return 1;
    cg_metrics_free(metrics);
    return 0;
}

int cli_graph_from_builder(const cli_common *common, cg_graph_builder *b, cg_graph *graph,
                           cg_metrics *metrics)
{
    memset(graph, 0, sizeof *graph);
    memset(metrics, 0, sizeof *metrics);
    if (!cli_graph_make(b, graph))
        return 0;
    if (cli_graph_measure(common, graph, metrics))
        return 1;
    cg_graph_free(graph);
    return 0;
}

int cli_parse_count(const char *opt, const char *value, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long n = strtoull(value, &end, 10);
    if (value[0] == '\0' || value[0] == '-' || *end != '\0' || errno != 0) {
        cli_error("option --%s needs a whole number, not '%s'", opt, value);
        return 0;
    }
    *out = (size_t)n;
    return 1;
}

int cli_add_registry(cli_common *common, const char *cmd, const char *dir)
{
    if (common->nregistry == sizeof common->registry_dirs / sizeof common->registry_dirs[0]) {
        cli_error("%s: too many --registry folders", cmd);
        return 0;
    }
    common->registry_dirs[common->nregistry++] = dir;
    return 1;
}

int cli_write_stdout(const cg_buf *buf)
{
    if (buf->len && fwrite(buf->data, 1, buf->len, stdout) != buf->len) {
        cli_error("cannot write the output: %s", strerror(errno));
        return 0;
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        cli_error("cannot write the output: %s", strerror(errno ? errno : EIO));
        return 0;
    }
    return 1;
}
