/* citegraph docs: the documents of a corpus, one row each, with the id
 * each one gets in extract, report and graph, its aliases, how the id
 * was found, and its date, title, organ and session. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "options.h"

static const char usage[] =
    "usage: citegraph docs [--format tsv|jsonl] [--registry DIR] [--manifest FILE]\n"
    "                      [--quiet] PATH...\n"
    "\n"
    "Print each document of PATH (files, or folders read recursively) with\n"
    "its id, in file order: columns file id aliases how date title organ\n"
    "session.  how is manifest, file-name, masthead, corpus (another\n"
    "document gives its symbol) or path (doc: and its path).\n"
    "\n"
    "  -f, --format FORMAT  tsv (default: a header row) or jsonl\n"
    CLI_COMMON_HELP
    "\n"
    CLI_EXIT_HELP;

/* --format: tsv or jsonl. */
static int docs_option(cli_opts *o, int opt, void *ctx)
{
    return cli_refs_format_option(o, opt, "docs", ctx);
}

/* Writes the listing of an identified corpus; 0 if the output failed. */
static int write_docs(const cli_corpus *cc, cg_refs_format format)
{
    cg_buf out = {0};
    cg_identity *who = cg_malloc(sizeof *who);
    cg_status st = who ? cg_docs_write_header(&out, format) : CG_ENOMEM;
    for (size_t i = 0; i < cc->corpus.n && st == CG_OK; i++)
        if (cg_identities_get(cc->ids, i, who))
            st = cg_docs_write(&out, format, cc->corpus.files[i].path, who);
    cg_free(who);
    int ok = st == CG_OK;
    if (!ok)
        cli_error("out of memory");
    else
        ok = cli_write_stdout(&out);
    cg_buf_free(&out);
    return ok;
}

int cmd_docs(int argc, char **argv, const char *argv0)
{
    cli_common common = {.argv0 = argv0};
    cg_refs_format format = CG_REFS_TSV;
    int st = cli_parse_args(argc, argv, "docs", usage, &common, docs_option, &format);
    if (st != CLI_ARGS_RUN)
        return st;
    cg_registry reg;
    if (!cli_load_registry(&common, &reg))
        return CG_EXIT_FATAL;
    cli_corpus cc;
    int status = cli_identify(&common, &reg, common.paths, common.npaths, &cc);
    if (status != CG_EXIT_FATAL) {
        if (!write_docs(&cc, format))
            status = CG_EXIT_FATAL;
        cli_corpus_free(&cc);
    }
    cg_registry_free(&reg);
    return status;
}
