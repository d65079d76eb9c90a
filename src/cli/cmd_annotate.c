/* citegraph annotate: one document as a self-contained HTML page with
 * every reference a link to its target. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "options.h"

static const char usage[] =
    "usage: citegraph annotate [--format html] [-o FILE] [--registry DIR]\n"
    "                          [--quiet | --progress] PATH\n"
    "\n"
    "Write the document at PATH (.txt, .md, .html, .htm, .pdf) as one HTML page\n"
    "in which every reference links to its target: UN symbols and resolutions\n"
    "to https://undocs.org/, ICJ decisions to the Court's page of the case, web\n"
    "sources to themselves; Ibid. and defined terms to their target.  Hovering\n"
    "over a reference shows its canonical id and kind.\n"
    "\n"
    "  -f, --format html    the format of the page (the only one)\n"
    "  -o, --output FILE    write FILE (atomically) instead of stdout\n"
    CLI_COMMON_HELP
    "\n"
    CLI_EXIT_HELP;

typedef struct annotate_opts {
    const char *output;
} annotate_opts;

/* --format, --output. */
static int annotate_option(cli_opts *o, int opt, void *ctx)
{
    annotate_opts *a = ctx;
    if (opt == 'f') {
        if (!cli_opts_value(o, "format"))
            return 0;
        if (strcmp(o->arg, "html") != 0) {
            cli_error("annotate: unknown format '%s' (expected html)", o->arg);
            return 0;
        }
        return 1;
    }
    if (opt != 'o')
        return -1;
    if (!cli_opts_value(o, "output"))
        return 0;
    a->output = o->arg;
    return 1;
}

/* The page of the document read. */
static int annotate_doc(const cg_corpus_file *file, const cg_identity *who, size_t piece,
                        cg_text *text, const cg_refs *refs, const cg_buf *rows, void *ctx)
{
    cg_buf *out = ctx;
    (void)piece; /* whole files only */
    (void)rows;
    if (out->len > 0) {
        cli_error("annotate: %s: one document at a time (PATH is a folder)", file->path);
        return 1;
    }
    int use_raw = file->markup == CG_MARKUP_PLAIN || file->markup == CG_MARKUP_PDF;
    if (cg_annotate_write(out, who->id.id, file->path, text, refs, use_raw) != CG_OK) {
        cli_error("out of memory");
        return 1;
    }
    return 0;
}

int cmd_annotate(int argc, char **argv, const char *argv0)
{
    cli_common common = {.argv0 = argv0, .whole_files = 1};
    annotate_opts a = {NULL};
    int st = cli_parse_args(argc, argv, "annotate", usage, &common, annotate_option, &a);
    if (st != CLI_ARGS_RUN)
        return st;
    if (common.npaths != 1) {
        fprintf(stderr, "citegraph: annotate: one PATH, a file, is needed (%zu given)\n%s",
                common.npaths, usage);
        return CG_EXIT_FATAL;
    }
    cg_registry reg;
    if (!cli_load_registry(&common, &reg))
        return CG_EXIT_FATAL;
    cg_buf out = {0};
    int status = cli_run_corpus(&common, &reg, common.paths, 1, NULL, annotate_doc, &out);
    cg_registry_free(&reg);
    if (status != CG_EXIT_FATAL && out.len == 0) {
        status = status == CG_EXIT_OK ? CG_EXIT_FATAL : status;
        if (status == CG_EXIT_FATAL)
            cli_error("annotate: %s: no document read", common.paths[0]);
    } else if (status != CG_EXIT_FATAL && !cli_write_output(a.output, &out)) {
        status = CG_EXIT_FATAL;
    }
    cg_buf_free(&out);
    return status;
}
