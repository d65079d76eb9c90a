/* The corpus pipeline shared by the commands: the registry, the listing
 * of the corpus and its manifests, and the first pass that fixes each
 * document's identity (manifest, file name, masthead, then what the rest
 * of the corpus says of it).  The passes over the files are in
 * passes.c.  A file that cannot be read is reported once and skipped. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

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

int cli_add_manifest(cli_common *common, const char *cmd, const char *path)
{
    if (common->nmanifests == sizeof common->manifests / sizeof common->manifests[0]) {
        cli_error("%s: too many --manifest files", cmd);
        return 0;
    }
    common->manifests[common->nmanifests++] = path;
    return 1;
}

/* Prints a listing problem, except the note that a folder's manifest is
 * not a document. */
static void report(const cg_error *err, int fatal, void *ctx)
{
    const cli_corpus *cc = ctx;
    for (size_t i = 0; !fatal && i < cc->nauto; i++)
        if (strcmp(err->path, cc->auto_paths[i]) == 0)
            return;
    if (fatal || !cc->quiet)
        cg_error_print(err, stderr);
}

/* The manifest.yaml of each folder argument: read when no --manifest is
 * given, never reported as a skipped document. */
static int find_manifests(char **paths, size_t npaths, cli_corpus *cc)
{
    for (size_t i = 0; i < npaths && cc->nauto < sizeof cc->auto_paths / sizeof cc->auto_paths[0]; i++) {
        struct stat sb;
        if (stat(paths[i], &sb) != 0 || !S_ISDIR(sb.st_mode))
            continue;
        size_t n = strlen(paths[i]) + sizeof CG_MANIFEST_NAME + 1;
        char *m = cg_malloc(n);
        if (m == NULL)
            return 0;
        int slash = paths[i][0] && paths[i][strlen(paths[i]) - 1] == '/';
        snprintf(m, n, "%s%s%s", paths[i], slash ? "" : "/", CG_MANIFEST_NAME);
        if (stat(m, &sb) == 0 && S_ISREG(sb.st_mode))
            cc->auto_paths[cc->nauto++] = m;
        else
            cg_free(m);
    }
    return 1;
}

static int load_manifests(const cli_common *common, cli_corpus *cc)
{
    const char *const *names = common->nmanifests ? common->manifests
                                                  : (const char *const *)cc->auto_paths;
    size_t n = common->nmanifests ? common->nmanifests : cc->nauto;
    for (size_t i = 0; i < n; i++) {
        cg_error err;
        cg_error_clear(&err);
        if (cg_manifest_load(&cc->manifests[i], names[i], &err) != CG_OK) {
            cg_error_print(&err, stderr);
            return 0;
        }
        cc->nmanifests = i + 1;
    }
    return 1;
}

/* The manifest entry of file f, or NULL. */
static cg_manifest_entry *find_entry(const cli_corpus *cc, const cg_corpus_file *f)
{
    for (size_t m = 0; m < cc->nmanifests; m++) {
        cg_manifest_entry *e = cg_manifest_find(&cc->manifests[m], f->path, f->rel);
        if (e)
            return e;
    }
    return NULL;
}

const cg_manifest_entry *cli_manifest_entry(const cli_corpus *cc, const cg_corpus_file *f)
{
    return find_entry(cc, f);
}

void cli_manifest_mark_used(cli_corpus *cc, const cg_corpus_file *f)
{
    cg_manifest_entry *e = find_entry(cc, f);
    if (e)
        e->used = 1;
}

/* Warns of the manifest entries that name no document of the corpus. */
static void warn_unused(const cli_corpus *cc)
{
    for (size_t m = 0; m < cc->nmanifests; m++)
        for (size_t i = 0; i < cc->manifests[m].n; i++) {
            const cg_manifest_entry *e = &cc->manifests[m].entries[i];
            if (!e->used)
                fprintf(stderr, "citegraph: %s:%ld:%ld: warning: no document '%s' in the corpus\n",
                        cc->manifests[m].name, e->line, e->column, e->file);
        }
}

void cli_corpus_free(cli_corpus *cc)
{
    cg_identities_free(cc->ids);
    for (size_t i = 0; i < cc->nmanifests; i++)
        cg_manifest_free(&cc->manifests[i]);
    for (size_t i = 0; i < cc->nauto; i++)
        cg_free(cc->auto_paths[i]);
    cg_free(cc->skipped);
    cg_free(cc->items);
    cg_corpus_free(&cc->corpus);
    memset(cc, 0, sizeof *cc);
}

int cli_identify(const cli_common *common, const cg_registry *reg, char **paths, size_t npaths,
                 cli_corpus *cc)
{
    memset(cc, 0, sizeof *cc);
    cc->quiet = common->quiet;
    if (!find_manifests(paths, npaths, cc)) {
        cli_error("out of memory");
        cli_corpus_free(cc);
        return CG_EXIT_FATAL;
    }
    if (cg_corpus_collect(&cc->corpus, (const char *const *)paths, npaths, report, cc) != CG_OK) {
        cli_error("out of memory while listing the corpus");
        cli_corpus_free(cc);
        return CG_EXIT_FATAL;
    }
    if (!load_manifests(common, cc)) {
        cli_corpus_free(cc);
        return CG_EXIT_FATAL;
    }
    cc->failures = cc->corpus.failures;
    cc->ids = cg_identities_new(cc->corpus.n);
    cc->skipped = cg_calloc(cc->corpus.n ? cc->corpus.n : 1, 1);
    if (cc->ids == NULL || cc->skipped == NULL) {
        cli_error("out of memory");
        cli_corpus_free(cc);
        return CG_EXIT_FATAL;
    }
    if (!cli_identify_files(common, reg, cc)) {
        cli_corpus_free(cc);
        return CG_EXIT_FATAL;
    }
    warn_unused(cc);
    if (cg_identities_resolve(cc->ids) != CG_OK) {
        cli_error("out of memory");
        cli_corpus_free(cc);
        return CG_EXIT_FATAL;
    }
    return cc->failures ? CG_EXIT_SKIPPED : CG_EXIT_OK;
}

