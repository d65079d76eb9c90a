/* Listing a corpus: files named directly, folders walked depth-first in
 * byte order of names (so that output order is the same everywhere).
 * A folder already on the walk's path is a symlink loop, reported and
 * not entered.  Linear in the number of entries. */
#include "citegraph/corpus.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "citegraph/text.h"

typedef struct walk {
    cg_corpus *corpus;
    cg_corpus_report report;
    void *ctx;
    dev_t devs[256];
    ino_t inos[256];
    int depth;
} walk;

static void note(walk *w, int fatal, cg_status st, const char *path, const char *msg,
                 const char *detail)
{
    cg_error err;
    cg_error_set(&err, st, path, 0, 0, "%s%s%s", msg, detail ? ": " : "", detail ? detail : "");
    if (fatal)
        w->corpus->failures++;
    if (w->report)
        w->report(&err, fatal, w->ctx);
}

static cg_status add(cg_corpus *c, const char *path, const char *rel, int markup,
                     const struct stat *sb)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 64;
        cg_corpus_file *f = cg_realloc(c->files, cap * sizeof *f);
        if (f == NULL)
            return CG_ENOMEM;
        c->files = f;
        c->cap = cap;
    }
    char *p = cg_strdup(path), *r = cg_strdup(rel);
    if (p == NULL || r == NULL) {
        cg_free(p);
        cg_free(r);
        return CG_ENOMEM;
    }
    c->files[c->n].path = p;
    c->files[c->n].rel = r;
    c->files[c->n].markup = markup;
    c->files[c->n].size = S_ISREG(sb->st_mode) ? (uint64_t)sb->st_size : 0;
    c->n++;
    return CG_OK;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static cg_status walk_dir(walk *w, const char *path, const char *rel)
{
    struct stat sb;
    if (stat(path, &sb) != 0) {
        note(w, 1, CG_EIO, path, "cannot read folder", strerror(errno));
        return CG_OK;
    }
    for (int i = 0; i < w->depth; i++)
        if (w->devs[i] == sb.st_dev && w->inos[i] == sb.st_ino) {
            note(w, 1, CG_EINPUT, path, "symbolic link loop; folder not entered", NULL);
            return CG_OK;
        }
    if (w->depth >= 256) {
        note(w, 1, CG_ELIMIT, path, "folders nested deeper than 256 levels; not entered", NULL);
        return CG_OK;
    }
    DIR *dir = opendir(path);
    if (dir == NULL) {
        note(w, 1, CG_EIO, path, "cannot read folder", strerror(errno));
        return CG_OK;
    }
    w->devs[w->depth] = sb.st_dev;
    w->inos[w->depth] = sb.st_ino;
    w->depth++;
    char **names = NULL;
    size_t n = 0, cap = 0;
    cg_status st = CG_OK;
    struct dirent *de;
    while ((de = readdir(dir)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            char **nn = cg_realloc(names, cap * sizeof *nn);
            if (nn == NULL) {
                st = CG_ENOMEM;
                break;
            }
            names = nn;
        }
        if ((names[n] = cg_strdup(de->d_name)) == NULL) {
            st = CG_ENOMEM;
            break;
        }
        n++;
    }
    closedir(dir);
    if (st == CG_OK && n > 1)
        qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        if (st == CG_OK) {
            size_t plen = strlen(path) + strlen(names[i]) + 2;
            size_t rlen = strlen(rel) + strlen(names[i]) + 2;
            char *child = cg_malloc(plen), *crel = cg_malloc(rlen);
            if (child == NULL || crel == NULL) {
                st = CG_ENOMEM;
            } else {
                int slash = path[0] && path[strlen(path) - 1] == '/';
                snprintf(child, plen, "%s%s%s", path, slash ? "" : "/", names[i]);
                snprintf(crel, rlen, "%s%s%s", rel, rel[0] ? "/" : "", names[i]);
                struct stat cs;
                if (stat(child, &cs) != 0) {
                    int e = errno;
                    note(w, 1, CG_EIO, child, e == ELOOP ? "symbolic link loop" : "cannot read",
                         e == ELOOP ? NULL : strerror(e));
                } else if (S_ISDIR(cs.st_mode)) {
                    st = walk_dir(w, child, crel);
                } else {
                    int markup = cg_markup_from_path(child);
                    if (markup < 0 || !S_ISREG(cs.st_mode))
                        note(w, 0, CG_EINPUT, child, "skipped: not a .txt, .md, .html or .pdf document", NULL);
                    else
                        st = add(w->corpus, child, crel, markup, &cs);
                }
            }
            cg_free(child);
            cg_free(crel);
        }
        cg_free(names[i]);
    }
    cg_free(names);
    w->depth--;
    return st;
}

cg_status cg_corpus_collect(cg_corpus *corpus, const char *const *paths, size_t npaths,
                            cg_corpus_report report, void *ctx)
{
    memset(corpus, 0, sizeof *corpus);
    walk *w = cg_calloc(1, sizeof *w);
    if (w == NULL)
        return CG_ENOMEM;
    w->corpus = corpus;
    w->report = report;
    w->ctx = ctx;
    cg_status st = CG_OK;
    for (size_t i = 0; i < npaths && st == CG_OK; i++) {
        struct stat sb;
        if (stat(paths[i], &sb) != 0) {
            int e = errno;
            note(w, 1, CG_EIO, paths[i],
                 e == ENOENT ? "no such file or folder" : e == ELOOP ? "symbolic link loop" : "cannot read",
                 e == ENOENT || e == ELOOP ? NULL : strerror(e));
            continue;
        }
        if (S_ISDIR(sb.st_mode)) {
            st = walk_dir(w, paths[i], "");
            continue;
        }
        int markup = cg_markup_from_path(paths[i]);
        if (markup < 0) {
            note(w, 1, CG_EINPUT, paths[i], "not a .txt, .md, .html or .pdf document; skipped", NULL);
            continue;
        }
        const char *base = strrchr(paths[i], '/');
        st = add(corpus, paths[i], base ? base + 1 : paths[i], markup, &sb);
    }
    cg_free(w);
    if (st != CG_OK)
        cg_corpus_free(corpus);
    return st;
}

void cg_corpus_free(cg_corpus *corpus)
{
    for (size_t i = 0; i < corpus->n; i++) {
        cg_free(corpus->files[i].path);
        cg_free(corpus->files[i].rel);
    }
    cg_free(corpus->files);
    memset(corpus, 0, sizeof *corpus);
}
