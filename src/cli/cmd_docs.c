/* citegraph docs: the documents of a corpus, one row each, with the id
 * each one gets in extract, report and graph, its aliases, how the id
 * was found, and its date, title, organ and session. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "options.h"

static const char usage[] =
    "usage: citegraph docs [--format tsv|jsonl] [--registry DIR] [--manifest FILE]\n"
    "                      PATH...\n"
    "\n"
    "Print each document of PATH (files, or folders read recursively) with\n"
    "its id, in file order: columns file id aliases how date title organ\n"
    "session.  how is manifest, file-name, masthead, corpus (another\n"
    "document gives its symbol) or path (doc: and its path).\n"
    "\n"
    "  -f, --format FORMAT  tsv (default: a header row) or jsonl\n"
    "  -r, --registry DIR   read the registry (YAML) from DIR; may be repeated\n"
    "  -M, --manifest FILE  read what is known of the documents from FILE (YAML);\n"
    "                       may be repeated; default: manifest.yaml of each\n"
    "                       folder named\n"
    "  -h, --help           show this help\n"
    "\n"
    "Exit status: 0 every input read; 1 some inputs skipped (reported on\n"
    "stderr); 2 usage or fatal error.\n";

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
            if (strcmp(o.arg, "tsv") == 0)
                format = CG_REFS_TSV;
            else if (strcmp(o.arg, "jsonl") == 0)
                format = CG_REFS_JSONL;
            else {
                cli_error("docs: unknown format '%s' (expected tsv or jsonl)", o.arg);
                return CG_EXIT_FATAL;
            }
            break;
        case 'r':
            if (!cli_opts_value(&o, "registry") || !cli_add_registry(&common, "docs", o.arg))
                return CG_EXIT_FATAL;
            break;
        case 'M':
            if (!cli_opts_value(&o, "manifest") || !cli_add_manifest(&common, "docs", o.arg))
                return CG_EXIT_FATAL;
            break;
        default:
            cli_error("docs: unknown option '%s'\n%s", o.arg, usage);
            return CG_EXIT_FATAL;
        }
    }
    if (npaths == 0) {
        fprintf(stderr, "citegraph: docs: no PATH given\n%s", usage);
        return CG_EXIT_FATAL;
    }
    cg_registry reg;
    if (!cli_load_registry(&common, &reg))
        return CG_EXIT_FATAL;
    cli_corpus cc;
    int status = cli_identify(&common, &reg, paths, npaths, &cc);
    if (status != CG_EXIT_FATAL) {
        if (!write_docs(&cc, format))
            status = CG_EXIT_FATAL;
        cli_corpus_free(&cc);
    }
    cg_registry_free(&reg);
    return status;
}
