/* Gold scorer: precision, recall and F1 of an extraction against a gold
 * file, as the project's reference scorer computes them: pairs are the
 * set of (file, target), mentions the multiset of (file, line, target);
 * ICJ targets compare at the date level.  At --level core (default)
 * stretch rows neither reward nor punish; at --level all every gold row
 * counts.  icj-case is the recall of the gold's ICJ (file, target) pairs
 * that name their case, compared with the case.  With --min-pairs,
 * --min-mentions, --min-icj-case it fails (exit 1) below those values.
 * With --any-line mentions are the multiset of (file, target): for an
 * extraction of another rendering of the same document (a PDF and its
 * text), whose lines are numbered differently.
 *   score GOLD.tsv EXTRACTED.tsv [--level core|all] [--min-pairs F]
 *         [--min-mentions F] [--min-icj-case F] [--any-line] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct row {
    char *file, *target, *full;
    long line;
    int stretch;
} row;

typedef struct table {
    row *rows;
    size_t n, cap;
} table;

static char *base(char *path)
{
    char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

/* icj:CASE:TYPE:DATE -> icj::TYPE:DATE */
static char *date_level(const char *t)
{
    char *out = malloc(strlen(t) + 2);
    if (!out)
        exit(2);
    if (strncmp(t, "icj:", 4) == 0) {
        const char *c = strchr(t + 4, ':');
        if (c && strchr(c + 1, ':')) {
            sprintf(out, "icj:%s", c);
            return out;
        }
    }
    strcpy(out, t);
    return out;
}

static int column(char **cols, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(cols[i], name) == 0)
            return i;
    return -1;
}

static int split(char *line, char **cols, int max)
{
    int n = 0;
    line[strcspn(line, "\r\n")] = '\0';
    for (char *p = line; n < max;) {
        cols[n++] = p;
        char *t = strchr(p, '\t');
        if (!t)
            break;
        *t = '\0';
        p = t + 1;
    }
    return n;
}

static void load(const char *path, table *t, int all)
{
    FILE *fp = fopen(path, "r");
    if (!fp) {
        perror(path);
        exit(2);
    }
    static char line[1 << 16], head[1 << 12];
    char *hc[32], *c[32];
    if (!fgets(head, sizeof head, fp)) {
        fprintf(stderr, "%s: empty\n", path);
        exit(2);
    }
    int nh = split(head, hc, 32);
    int cf = column(hc, nh, "file"), cl = column(hc, nh, "line"), ct = column(hc, nh, "target"),
        cv = column(hc, nh, "level");
    if (cf < 0 || cl < 0 || ct < 0) {
        fprintf(stderr, "%s: needs columns file, line, target\n", path);
        exit(2);
    }
    while (fgets(line, sizeof line, fp)) {
        int n = split(line, c, 32);
        if (n <= ct || n <= cl)
            continue;
        if (t->n == t->cap) {
            t->cap = t->cap ? t->cap * 2 : 256;
            t->rows = realloc(t->rows, t->cap * sizeof *t->rows);
            if (!t->rows)
                exit(2);
        }
        row *r = &t->rows[t->n++];
        r->file = strdup(base(c[cf]));
        r->target = date_level(c[ct]);
        r->full = strdup(c[ct]);
        if (!r->file || !r->full)
            exit(2);
        r->line = atol(c[cl]);
        r->stretch = !all && cv >= 0 && cv < n && strcmp(c[cv], "core") != 0;
    }
    fclose(fp);
}

static int same_pair(const row *a, const row *b)
{
    return strcmp(a->file, b->file) == 0 && strcmp(a->target, b->target) == 0;
}

static int any_line; /* --any-line */

static int same_mention(const row *a, const row *b)
{
    return (any_line || a->line == b->line) && same_pair(a, b);
}

static int in_files(const table *g, const row *r)
{
    for (size_t i = 0; i < g->n; i++)
        if (strcmp(g->rows[i].file, r->file) == 0)
            return 1;
    return 0;
}

static double f1(double tp, double found, double gold, double *p, double *r)
{
    *p = found ? tp / found : (gold ? 0 : 1);
    *r = gold ? tp / gold : 1;
    return *p + *r ? 2 * *p * *r / (*p + *r) : 0;
}

int main(int argc, char **argv)
{
    double min_pairs = 0, min_mentions = 0, min_icj = 0;
    int all = 0;
    const char *files[2];
    int nf = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--min-pairs") == 0 && i + 1 < argc)
            min_pairs = atof(argv[++i]);
        else if (strcmp(argv[i], "--min-mentions") == 0 && i + 1 < argc)
            min_mentions = atof(argv[++i]);
        else if (strcmp(argv[i], "--min-icj-case") == 0 && i + 1 < argc)
            min_icj = atof(argv[++i]);
        else if (strcmp(argv[i], "--level") == 0 && i + 1 < argc)
            all = strcmp(argv[++i], "all") == 0;
        else if (strcmp(argv[i], "--any-line") == 0)
            any_line = 1;
        else if (nf < 2)
            files[nf++] = argv[i];
    }
    if (nf != 2) {
        fprintf(stderr, "usage: score GOLD.tsv EXTRACTED.tsv [--level core|all] [--min-pairs F] "
                        "[--min-mentions F] [--min-icj-case F] [--any-line]\n");
        return 2;
    }
    table g = {0}, x = {0};
    load(files[0], &g, all);
    load(files[1], &x, 0);
    /* pairs: distinct core gold pairs; distinct extracted pairs in gold files,
     * less those only a stretch row accounts for */
    size_t gp = 0, xp = 0, tpp = 0;
    for (size_t i = 0; i < g.n; i++) {
        if (g.rows[i].stretch)
            continue;
        int dup = 0;
        for (size_t j = 0; j < i && !dup; j++)
            dup = !g.rows[j].stretch && same_pair(&g.rows[i], &g.rows[j]);
        gp += !dup;
    }
    for (size_t i = 0; i < x.n; i++) {
        row *r = &x.rows[i];
        if (!in_files(&g, r))
            continue;
        int dup = 0;
        for (size_t j = 0; j < i && !dup; j++)
            dup = same_pair(r, &x.rows[j]);
        if (dup)
            continue;
        int core = 0, stretch = 0;
        for (size_t k = 0; k < g.n; k++)
            if (same_pair(r, &g.rows[k]))
                {
                if (g.rows[k].stretch)
                    stretch = 1;
                else
                    core = 1;
            }
        if (stretch && !core)
            continue;
        xp++;
        tpp += core;
    }
    /* mentions: multisets; extra answers a stretch row accounts for are dropped */
    size_t gm = 0, xm = 0, tpm = 0;
    char *used = calloc(g.n + 1, 1);
    char *seen = calloc(x.n + 1, 1);
    for (size_t i = 0; i < g.n; i++)
        gm += !g.rows[i].stretch;
    for (size_t i = 0; i < x.n; i++) {
        row *r = &x.rows[i];
        if (!in_files(&g, r) || seen[i])
            continue;
        /* count this key among extracted, core gold and stretch gold */
        size_t nx = 0, ncore = 0, nstretch = 0;
        for (size_t j = i; j < x.n; j++)
            if (same_mention(r, &x.rows[j])) {
                nx++;
                seen[j] = 1;
            }
        for (size_t k = 0; k < g.n; k++)
            if (same_mention(r, &g.rows[k]))
                {
                if (g.rows[k].stretch)
                    nstretch++;
                else
                    ncore++;
            }
        size_t extra = nx > ncore ? nx - ncore : 0;
        size_t drop = extra < nstretch ? extra : nstretch;
        xm += nx - drop;
        tpm += nx - drop < ncore ? nx - drop : ncore;
    }
    free(used);
    free(seen);
    double p, r;
    double fp = f1((double)tpp, (double)xp, (double)gp, &p, &r);
    printf("pairs     precision=%.3f recall=%.3f F1=%.3f  (%zu right of %zu found, %zu in gold)\n", p, r,
           fp, tpp, xp, gp);
    double fm = f1((double)tpm, (double)xm, (double)gm, &p, &r);
    printf("mentions  precision=%.3f recall=%.3f F1=%.3f  (%zu right of %zu found, %zu in gold)\n", p,
           r, fm, tpm, xm, gm);
    /* icj-case: distinct gold (file, icj:CASE:...) pairs with a case */
    size_t gi = 0, ti = 0;
    for (size_t i = 0; i < g.n; i++) {
        const row *a = &g.rows[i];
        if (strncmp(a->full, "icj:", 4) != 0 || a->full[4] == ':')
            continue;
        int dup = 0;
        for (size_t j = 0; j < i && !dup; j++)
            dup = strcmp(a->file, g.rows[j].file) == 0 && strcmp(a->full, g.rows[j].full) == 0;
        if (dup)
            continue;
        gi++;
        for (size_t k = 0; k < x.n; k++)
            if (strcmp(a->file, x.rows[k].file) == 0 && strcmp(a->full, x.rows[k].full) == 0) {
                ti++;
                break;
            }
    }
    double icj = gi ? (double)ti / (double)gi : 1;
    printf("icj-case  recall=%.3f  (%zu of %zu ICJ decisions with their case)\n", icj, ti, gi);
    int ok = fp + 1e-9 >= min_pairs && fm + 1e-9 >= min_mentions && icj + 1e-9 >= min_icj;
    printf("F1 pairs=%.3f mentions=%.3f icj-case=%.3f (minimum %.3f / %.3f / %.3f): %s\n", fp, fm, icj,
           min_pairs, min_mentions, min_icj, ok ? "ok" : "BELOW MINIMUM");
    for (size_t i = 0; i < g.n; i++) {
        free(g.rows[i].file);
        free(g.rows[i].target);
        free(g.rows[i].full);
    }
    for (size_t i = 0; i < x.n; i++) {
        free(x.rows[i].file);
        free(x.rows[i].target);
        free(x.rows[i].full);
    }
    free(g.rows);
    free(x.rows);
    return ok ? 0 : 1;
}
