/* The per-document pipeline shared by the commands: list the corpus,
 * then for each file load, identify, extract, hand over.  A file that
 * cannot be read is reported and skipped; the others go on. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("citegraph: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_load_registry(const cli_common *common, cg_registry *reg)
{
    char dir[4096];
    const char *dirs[16];
    size_t n = common->nregistry;
    if (n == 0) {
        if (!cg_registry_default_dir(common->argv0, dir, sizeof dir)) {
            cli_error("cannot find the registry folder (looked next to the program and in %s); "
                      "use --registry DIR", dir);
            return 0;
        }
        dirs[0] = dir;
        n = 1;
    } else {
        memcpy(dirs, common->registry_dirs, n * sizeof dirs[0]);
    }
    cg_error err;
    cg_error_clear(&err);
    if (cg_registry_load(reg, dirs, n, &err) != CG_OK) {
        cg_error_print(&err, stderr);
        return 0;
    }
    return 1;
}

static void report(const cg_error *err, int fatal, void *ctx)
{
    const cli_common *common = ctx;
    if (fatal || !common->quiet)
        cg_error_print(err, stderr);
}

int cli_run_corpus(const cli_common *common, const cg_registry *reg, char **paths,
                   size_t npaths, cli_doc_fn fn, void *ctx)
{
    cg_corpus corpus;
    if (cg_corpus_collect(&corpus, (const char *const *)paths, npaths, report,
                          (void *)common) != CG_OK) {
        cli_error("out of memory while listing the corpus");
        return CG_EXIT_FATAL;
    }
    cg_extractor *ex = cg_extractor_new(reg);
    if (ex == NULL) {
        cg_corpus_free(&corpus);
        cli_error("out of memory");
        return CG_EXIT_FATAL;
    }
    size_t failures = corpus.failures;
    int status = CG_EXIT_OK;
    cg_refs refs = {0};
    cli_progress progress;
    cli_progress_start(&progress, &corpus, common->progress, stderr, isatty(STDERR_FILENO));
    size_t i;
    for (i = 0; i < corpus.n; i++) {
        cli_progress_at(&progress, i);
        const cg_corpus_file *f = &corpus.files[i];
        cg_text text;
        cg_error err;
        cg_error_clear(&err);
        if (cg_text_load(&text, f->path, (cg_markup)f->markup, &err) != CG_OK) {
            cli_progress_clear(&progress);
            cg_error_print(&err, stderr);
            if (err.status == CG_ENOMEM) {
                status = CG_EXIT_FATAL;
                break;
            }
            failures++;
            continue;
        }
        cg_docid id;
        cg_docid_from_path(reg, f->rel, &id);
        if (strncmp(id.id, "doc:", 4) == 0) {
            cg_docid head;
            if (cg_docid_from_masthead(reg, &text, &head))
                id = head;
        }
        cg_refs_clear(&refs);
        cg_status st = cg_extract(ex, &text, &id, &refs);
        if (st != CG_OK) {
            cli_error("%s: %s", f->path, cg_status_name(st));
            cg_text_free(&text);
            status = CG_EXIT_FATAL;
            break;
        }
        int rc = fn(f, &id, &text, &refs, ctx);
        cg_text_free(&text);
        if (rc != 0) {
            status = CG_EXIT_FATAL;
            break;
        }
    }
    cli_progress_end(&progress, i);
    cg_refs_free(&refs);
    cg_extractor_free(ex);
    cg_corpus_free(&corpus);
    if (status == CG_EXIT_OK && failures)
        status = CG_EXIT_SKIPPED;
    return status;
}
