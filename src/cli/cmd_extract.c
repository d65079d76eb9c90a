/* citegraph extract: print every reference of a corpus, one row a
 * mention, as TSV or JSON Lines.  Each document's rows are written whole
 * or not at all. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "options.h"

static const char usage[] =
    "usage: citegraph extract [--format tsv|jsonl] [--registry DIR] [--manifest FILE]\n"
    "                         PATH...\n"
    "\n"
    "Print every reference of the documents at PATH (files, or folders read\n"
    "recursively: .txt, .md, .html, .htm), one row a mention, in file order\n"
    "and text order.\n"
    "\n"
    "  -f, --format FORMAT  tsv (default: a header row, then columns file line\n"
    "                       source kind target text column aliases notes) or\n"
    "                       jsonl (one JSON object a line, same fields)\n"
    "  -r, --registry DIR   read the registry (YAML) from DIR; may be repeated\n"
    "  -M, --manifest FILE  read what is known of the documents from FILE (YAML);\n"
    "                       may be repeated; default: manifest.yaml of each\n"
    "                       folder named\n"
    "  -h, --help           show this help\n"
    "\n"
    "Exit status: 0 every input read; 1 some inputs skipped (reported on\n"
    "stderr); 2 usage or fatal error.\n";

typedef struct extract_ctx {
    cg_refs_format format;
    cg_buf out;
} extract_ctx;

static int write_doc(const cg_corpus_file *file, const cg_identity *who, cg_text *text,
                     const cg_refs *refs, void *ctx)
{
    extract_ctx *x = ctx;
    cg_buf_clear(&x->out);
    if (cg_refs_write(&x->out, x->format, file->path, who->id.id, text, refs) != CG_OK) {
        cli_error("out of memory");
        return 1;
    }
    if (x->out.len && fwrite(x->out.data, 1, x->out.len, stdout) != x->out.len) {
        cli_error("cannot write the output: %s", strerror(errno));
        return 1;
    }
    return 0;
}

int cmd_extract(int argc, char **argv, const char *argv0)
{
    cli_common common = {.argv0 = argv0};
    extract_ctx x = {CG_REFS_TSV, {0}};
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
                x.format = CG_REFS_TSV;
            else if (strcmp(o.arg, "jsonl") == 0)
                x.format = CG_REFS_JSONL;
            else {
                cli_error("extract: unknown format '%s' (expected tsv or jsonl)", o.arg);
                return CG_EXIT_FATAL;
            }
            break;
        case 'r':
            if (!cli_opts_value(&o, "registry") || !cli_add_registry(&common, "extract", o.arg))
                return CG_EXIT_FATAL;
            break;
        case 'M':
            if (!cli_opts_value(&o, "manifest") || !cli_add_manifest(&common, "extract", o.arg))
                return CG_EXIT_FATAL;
            break;
        default:
            cli_error("extract: unknown option '%s'\n%s", o.arg, usage);
            return CG_EXIT_FATAL;
        }
    }
    if (npaths == 0) {
        fprintf(stderr, "citegraph: extract: no PATH given\n%s", usage);
        return CG_EXIT_FATAL;
    }
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
        status = cli_run_corpus(&common, &reg, paths, npaths, write_doc, &x);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        cli_error("cannot write the output: %s", strerror(errno ? errno : EIO));
        status = CG_EXIT_FATAL;
    }
    cg_buf_free(&x.out);
    cg_registry_free(&reg);
    return status;
}
