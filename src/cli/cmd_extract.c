/* citegraph extract: print every reference of a corpus, one row a
 * mention, as TSV or JSON Lines.  Each document's rows are written whole
 * or not at all. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "options.h"

static const char usage[] =
    "usage: citegraph extract [--format tsv|jsonl] [--registry DIR] [--quiet | --progress]\n"
    "                        PATH...\n"
    "\n"
    "Print every reference of the documents at PATH (files, or folders read\n"
    "recursively: .txt, .md, .html, .htm, .pdf), one row a mention, in file order\n"
    "and text order.\n"
    "\n"
    "  -f, --format FORMAT  tsv (default: a header row, then columns file line\n"
    "                       source kind target text column aliases notes) or\n"
    "                       jsonl (one JSON object a line, same fields)\n"
    CLI_COMMON_HELP
    "\n"
    CLI_EXIT_HELP;

typedef struct extract_ctx {
    cg_refs_format format;
    cg_buf out;
} extract_ctx;

static int write_doc(const cg_corpus_file *file, const cg_identity *who, size_t piece,
                     cg_text *text, const cg_refs *refs, const cg_buf *rows, void *ctx)
{
    (void)file;
    (void)who;
    (void)piece;
    (void)text;
    (void)refs;
    (void)ctx;
    if (rows->len && fwrite(rows->data, 1, rows->len, stdout) != rows->len) {
        cli_error("cannot write the output: %s", strerror(errno));
        return 1;
    }
    return 0;
}

/* --format: tsv or jsonl. */
static int extract_option(cli_opts *o, int opt, void *ctx)
{
    return cli_refs_format_option(o, opt, "extract", &((extract_ctx *)ctx)->format);
}

int cmd_extract(int argc, char **argv, const char *argv0)
{
    cli_common common = {.argv0 = argv0};
    extract_ctx x = {CG_REFS_TSV, {0}};
    int st = cli_parse_args(argc, argv, "extract", usage, &common, extract_option, &x);
    if (st != CLI_ARGS_RUN)
        return st;
    cg_registry reg;
    if (!cli_load_registry(&common, &reg))
        return CG_EXIT_FATAL;
    int status = CG_EXIT_OK;
    if (cg_refs_write_header(&x.out, x.format) != CG_OK ||
        (x.out.len && fwrite(x.out.data, 1, x.out.len, stdout) != x.out.len)) {
        cli_error("cannot write the output: %s", strerror(errno));
        status = CG_EXIT_FATAL;
    }
    if (status == CG_EXIT_OK)
        status = cli_run_corpus(&common, &reg, common.paths, common.npaths, &x.format, write_doc,
                                &x);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        cli_error("cannot write the output: %s", strerror(errno ? errno : EIO));
        status = CG_EXIT_FATAL;
    }
    cg_buf_free(&x.out);
    cg_registry_free(&reg);
    return status;
}
