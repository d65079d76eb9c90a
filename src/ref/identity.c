/* The corpus-wide identity table (spec 6).  First pass: each document's
 * id from the manifest, its file name or its masthead, its masthead
 * description, and every "letter dated D from A (SYMBOL)" it contains.
 * Then one resolution: documents still without a symbol whose title
 * describes them as the communication of date D from author A take the
 * symbol the corpus gives for (D, A), when that is unambiguous.  Sorting
 * keeps it deterministic and O(n log n). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/identity.h"
#include "internal.h"

typedef struct claim {
    long date;
    char *author;
    char *id;
    char *aliases;
    size_t from; /* the document that says it */
} claim;

/* One document, compact: its strings on the heap. */
typedef struct doc {
    char *id, *aliases;
    cg_how how;
    char *title, *date, *organ, *session;
    long letter_date;
    char *author;
    const cg_manifest_entry *entry;
} doc;

struct cg_identities {
    doc *docs;
    unsigned char *added;
    size_t n;
    claim *claims;
    size_t nclaims, capclaims;
    cg_status status;
};

const char *cg_how_name(cg_how how)
{
    static const char *const names[] = {"manifest", "file-name", "masthead", "corpus", "path"};
    return (unsigned)how <= CG_HOW_PATH ? names[how] : "unknown";
}

cg_identities *cg_identities_new(size_t ndocs)
{
    cg_identities *t = cg_calloc(1, sizeof *t);
    if (t == NULL)
        return NULL;
    t->n = ndocs;
    t->docs = cg_calloc(ndocs ? ndocs : 1, sizeof *t->docs);
    t->added = cg_calloc(ndocs ? ndocs : 1, 1);
    if (t->docs == NULL || t->added == NULL) {
        cg_identities_free(t);
        return NULL;
    }
    return t;
}

/* Appends s to a '|' separated list unless it is there already or is id. */
static void add_alias(cg_docid *d, const char *s)
{
    if (*s == '\0' || strcmp(s, d->id) == 0)
        return;
    size_t k = strlen(s);
    for (const char *p = d->aliases; *p;) {
        size_t n = strcspn(p, "|");
        if (n == k && strncmp(p, s, k) == 0)
            return;
        p += n + (p[n] == '|');
    }
    size_t o = strlen(d->aliases);
    if (o + k + 2 < sizeof d->aliases)
        snprintf(d->aliases + o, sizeof d->aliases - o, "%s%s", o ? "|" : "", s);
}

/* Adds every alias of a '|' separated list. */
static void add_aliases(cg_docid *d, const char *list)
{
    char one[CG_ID_MAX];
    while (*list) {
        size_t n = strcspn(list, "|");
        snprintf(one, sizeof one, "%.*s", (int)n, list);
        add_alias(d, one);
        list += n + (list[n] == '|');
    }
}

/* The id the manifest gives: its symbols in canonical form. */
static void from_manifest(const cg_registry *reg, const cg_manifest_entry *e, cg_docid *out)
{
    out->id[0] = out->aliases[0] = '\0';
    for (size_t k = 0; k < e->nsymbols; k++) {
        const char *s = e->symbols[k];
        size_t n = strlen(s);
        cg_docid one;
        int is_res;
        if (cg_symbol_parse(reg, s, s + n, one.id, sizeof one.id, one.aliases,
                            sizeof one.aliases, &is_res) != s + n) {
            snprintf(one.id, sizeof one.id, "%s", s);
            one.aliases[0] = '\0';
        }
        if (k == 0)
            snprintf(out->id, sizeof out->id, "%s", one.id);
        else
            add_alias(out, one.id);
        add_aliases(out, one.aliases);
    }
}

/* Where the descriptions of one document go. */
typedef struct claim_sink {
    cg_identities *t;
    size_t from;
} claim_sink;

/* Keeps description d, said by document from, in the table. */
static int keep_claim(cg_identities *t, size_t from, const cg_described *d)
{
    if (t->nclaims == t->capclaims) {
        size_t cap = t->capclaims ? t->capclaims * 2 : 16;
        claim *nc = cg_realloc(t->claims, cap * sizeof *nc);
        if (nc == NULL) {
            t->status = CG_ENOMEM;
            return 1;
        }
        t->claims = nc;
        t->capclaims = cap;
    }
    claim *c = &t->claims[t->nclaims];
    c->date = d->date;
    c->from = from;
    c->author = cg_strdup(d->author);
    c->id = cg_strdup(d->id);
    c->aliases = cg_strdup(d->aliases);
    t->nclaims++;
    if (!c->author || !c->id || !c->aliases) {
        t->status = CG_ENOMEM;
        return 1;
    }
    return 0;
}

static int add_claim(const cg_described *d, void *ctx)
{
    const claim_sink *sink = ctx;
    return keep_claim(sink->t, sink->from, d);
}

/* A reading's description of another document, kept in the reading. */
static int read_claim(const cg_described *d, void *ctx)
{
    cg_doc_reading *r = ctx;
    if (r->nclaims == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 4;
        cg_described *c = cg_realloc(r->claims, cap * sizeof *c);
        if (c == NULL) {
            r->cap = SIZE_MAX; /* out of memory: told by cg_doc_read */
            return 1;
        }
        r->claims = c;
        r->cap = cap;
    }
    r->claims[r->nclaims++] = *d;
    return 0;
}

/* Keeps a copy of s in *out; 0 if out of memory. */
static int keep(char **out, const char *s)
{
    cg_free(*out);
    *out = cg_strdup(s);
    return *out != NULL;
}

static void free_doc(doc *d)
{
    char **strings[] = {&d->id, &d->aliases, &d->title, &d->date, &d->organ, &d->session,
                        &d->author};
    for (size_t k = 0; k < sizeof strings / sizeof strings[0]; k++) {
        cg_free(*strings[k]);
        *strings[k] = NULL;
    }
}

cg_status cg_doc_read(const cg_registry *reg, const char *rel, const cg_manifest_entry *entry,
                      const cg_text *text, cg_doc_reading *out)
{
    memset(out, 0, sizeof *out);
    cg_identity *w = &out->self;
    w->entry = entry;
    if (entry && entry->nsymbols) {
        from_manifest(reg, entry, &w->id);
        w->how = CG_HOW_MANIFEST;
    } else {
        cg_docid_from_path(reg, rel, &w->id);
        w->how = CG_HOW_FILE_NAME;
        if (strncmp(w->id.id, "doc:", 4) == 0)
            w->how = cg_docid_from_masthead(reg, text, &w->id) ? CG_HOW_MASTHEAD : CG_HOW_PATH;
    }
    cg_describe(reg, text, &w->desc);
    if (entry && entry->title)
        snprintf(w->desc.title, sizeof w->desc.title, "%s", entry->title);
    if (entry && entry->date)
        snprintf(w->desc.date, sizeof w->desc.date, "%s", entry->date);
    if (entry && entry->organ)
        snprintf(w->desc.organ, sizeof w->desc.organ, "%s", entry->organ);
    cg_find_described(reg, text, read_claim, out);
    if (out->cap == SIZE_MAX) {
        cg_doc_reading_free(out);
        return CG_ENOMEM;
    }
    return CG_OK;
}

void cg_doc_reading_free(cg_doc_reading *r)
{
    cg_free(r->claims);
    r->claims = NULL;
    r->nclaims = r->cap = 0;
}

cg_status cg_identities_put(cg_identities *t, size_t i, const cg_doc_reading *r)
{
    if (i >= t->n)
        return CG_EUSAGE;
    const cg_identity *w = &r->self;
    doc *d = &t->docs[i];
    free_doc(d);
    d->how = w->how;
    d->entry = w->entry;
    d->letter_date = w->desc.letter_date;
    int ok = keep(&d->id, w->id.id) && keep(&d->aliases, w->id.aliases) &&
             keep(&d->title, w->desc.title) && keep(&d->date, w->desc.date) &&
             keep(&d->organ, w->desc.organ) && keep(&d->session, w->desc.session) &&
             keep(&d->author, w->desc.author);
    if (!ok)
        return CG_ENOMEM;
    t->added[i] = 1;
    for (size_t k = 0; k < r->nclaims; k++)
        if (keep_claim(t, i, &r->claims[k]))
            break;
    return t->status;
}

cg_status cg_identities_add(cg_identities *t, size_t i, const cg_registry *reg,
                            const char *rel, const cg_manifest_entry *entry,
                            const cg_text *text)
{
    if (i >= t->n)
        return CG_EUSAGE;
    cg_doc_reading *r = cg_malloc(sizeof *r);
    if (r == NULL)
        return CG_ENOMEM;
    cg_status st = cg_doc_read(reg, rel, entry, text, r);
    if (st == CG_OK)
        st = cg_identities_put(t, i, r);
    cg_doc_reading_free(r);
    cg_free(r);
    return st;
}

int cg_identities_wanted(const cg_identities *t)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->added[i] && t->docs[i].how == CG_HOW_PATH && t->docs[i].letter_date &&
            t->docs[i].author && t->docs[i].author[0])
            return 1;
    return 0;
}

cg_status cg_identities_add_claims(cg_identities *t, size_t i, const cg_registry *reg,
                                   const cg_text *text)
{
    if (i >= t->n)
        return CG_EUSAGE;
    claim_sink sink = {t, i};
    cg_find_described(reg, text, add_claim, &sink);
    return t->status;
}

static int cmp_key(long da, const char *aa, long db, const char *ab)
{
    if (da != db)
        return da < db ? -1 : 1;
    return strcmp(aa, ab);
}

static int cmp_claim(const void *a, const void *b)
{
    const claim *x = a, *y = b;
    int c = cmp_key(x->date, x->author, y->date, y->author);
    if (c == 0) c = strcmp(x->id, y->id);
    if (c == 0) c = strcmp(y->aliases, x->aliases); /* the fullest list first */
    if (c == 0) c = (x->from > y->from) - (x->from < y->from);
    return c;
}

/* The table cmp_doc sorts by: one a thread, so that tables may be resolved
 * on several threads at once. */
static _Thread_local const cg_identities *sort_table;

static int cmp_doc(const void *a, const void *b)
{
    const doc *x = &sort_table->docs[*(const size_t *)a];
    const doc *y = &sort_table->docs[*(const size_t *)b];
    int c = cmp_key(x->letter_date, x->author, y->letter_date, y->author);
    return c ? c : (*(const size_t *)a > *(const size_t *)b) - (*(const size_t *)a < *(const size_t *)b);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends a copy of s[0..len) to a growable list of strings. */
static int push(char ***list, size_t *n, size_t *cap, const char *s, size_t len)
{
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 16;
        char **nl = cg_realloc(*list, c * sizeof *nl);
        if (nl == NULL)
            return 0;
        *list = nl;
        *cap = c;
    }
    char *copy = cg_malloc(len + 1);
    if (copy == NULL)
        return 0;
    memcpy(copy, s, len);
    copy[len] = '\0';
    (*list)[(*n)++] = copy;
    return 1;
}

static void free_list(char **list, size_t n)
{
    for (size_t k = 0; k < n; k++)
        cg_free(list[k]);
    cg_free(list);
}

/* Every id and alias documents of the corpus already have, sorted; 0 if
 * out of memory. */
static int taken_ids(const cg_identities *t, char ***out, size_t *count)
{
    char **ids = NULL;
    size_t n = 0, cap = 0;
    int ok = 1;
    for (size_t i = 0; ok && i < t->n; i++) {
        const doc *d = &t->docs[i];
        if (!t->added[i] || d->how == CG_HOW_PATH)
            continue;
        ok = push(&ids, &n, &cap, d->id, strlen(d->id));
        for (const char *p = d->aliases; ok && *p;) {
            size_t len = strcspn(p, "|");
            ok = len == 0 || push(&ids, &n, &cap, p, len);
            p += len + (p[len] == '|');
        }
    }
    if (!ok) {
        free_list(ids, n);
        return 0;
    }
    if (n)
        qsort(ids, n, sizeof *ids, cmp_str);
    *out = ids;
    *count = n;
    return 1;
}

static int is_taken(char **ids, size_t n, const char *id)
{
    return n && bsearch(&id, ids, n, sizeof *ids, cmp_str) != NULL;
}

/* The one id the claims [a, b) agree on, not said by the document
 * itself; NULL when none or when they disagree. */
static const claim *agreed(const claim *c, size_t a, size_t b, size_t self)
{
    const claim *one = NULL;
    for (size_t k = a; k < b; k++) {
        if (c[k].from == self)
            continue;
        if (one && strcmp(one->id, c[k].id) != 0)
            return NULL;
        if (one == NULL)
            one = &c[k];
    }
    return one;
}

static const claim *const *sort_picks;

/* Orders documents by the id picked for them. */
static int cmp_pick(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    int c = strcmp(sort_picks[x]->id, sort_picks[y]->id);
    return c ? c : (x > y) - (x < y);
}

/* For each document still without a symbol, the claim that names it. */
static void pick_claims(cg_identities *t, const size_t *order, size_t n, char **ids,
                        size_t nids, const claim **pick)
{
    size_t c = 0;
    for (size_t k = 0; k < n;) {
        const doc *d = &t->docs[order[k]];
        long date = d->letter_date;
        const char *author = d->author;
        size_t same = k + 1;
        while (same < n && cmp_key(t->docs[order[same]].letter_date,
                                   t->docs[order[same]].author, date, author) == 0)
            same++;
        while (c < t->nclaims && cmp_key(t->claims[c].date, t->claims[c].author, date, author) < 0)
            c++;
        size_t ce = c;
        while (ce < t->nclaims && cmp_key(t->claims[ce].date, t->claims[ce].author, date, author) == 0)
            ce++;
        /* two documents of the same date and author: neither is named */
        const claim *one = same == k + 1 ? agreed(t->claims, c, ce, order[k]) : NULL;
        if (one && !is_taken(ids, nids, one->id))
            pick[order[k]] = one;
        k = same;
        c = ce;
    }
}

cg_status cg_identities_resolve(cg_identities *t)
{
    if (t->status != CG_OK)
        return t->status;
    size_t *order = cg_malloc((t->n ? t->n : 1) * sizeof *order);
    const claim **pick = cg_calloc(t->n ? t->n : 1, sizeof *pick);
    char **ids = NULL;
    size_t nids = 0;
    if (order == NULL || pick == NULL || !taken_ids(t, &ids, &nids)) {
        cg_free(order);
        cg_free(pick);
        return CG_ENOMEM;
    }
    size_t n = 0;
    for (size_t i = 0; i < t->n; i++)
        if (t->added[i] && t->docs[i].how == CG_HOW_PATH && t->docs[i].letter_date &&
            t->docs[i].author[0])
            order[n++] = i;
    sort_table = t;
    qsort(order, n, sizeof *order, cmp_doc);
    if (t->nclaims)
        qsort(t->claims, t->nclaims, sizeof *t->claims, cmp_claim);
    pick_claims(t, order, n, ids, nids, pick);
    /* one symbol picked for two documents: neither takes it */
    n = 0;
    for (size_t i = 0; i < t->n; i++)
        if (pick[i])
            order[n++] = i;
    sort_picks = pick;
    qsort(order, n, sizeof *order, cmp_pick);
    cg_status status = CG_OK;
    for (size_t k = 0; k < n;) {
        size_t same = k + 1;
        while (same < n && strcmp(pick[order[same]]->id, pick[order[k]]->id) == 0)
            same++;
        doc *d = &t->docs[order[k]];
        if (same == k + 1 && keep(&d->id, pick[order[k]]->id) &&
            keep(&d->aliases, pick[order[k]]->aliases))
            d->how = CG_HOW_CORPUS;
        else if (same == k + 1)
            status = CG_ENOMEM;
        k = same;
    }
    free_list(ids, nids);
    cg_free(pick);
    cg_free(order);
    return status;
}

int cg_identities_get(const cg_identities *t, size_t i, cg_identity *out)
{
    if (i >= t->n || !t->added[i])
        return 0;
    const doc *d = &t->docs[i];
    memset(out, 0, sizeof *out);
    snprintf(out->id.id, sizeof out->id.id, "%s", d->id);
    snprintf(out->id.aliases, sizeof out->id.aliases, "%s", d->aliases);
    out->how = d->how;
    out->entry = d->entry;
    out->desc.letter_date = d->letter_date;
    snprintf(out->desc.title, sizeof out->desc.title, "%s", d->title);
    snprintf(out->desc.date, sizeof out->desc.date, "%s", d->date);
    snprintf(out->desc.organ, sizeof out->desc.organ, "%s", d->organ);
    snprintf(out->desc.session, sizeof out->desc.session, "%s", d->session);
    snprintf(out->desc.author, sizeof out->desc.author, "%s", d->author);
    return 1;
}

void cg_identities_free(cg_identities *t)
{
    if (t == NULL)
        return;
    for (size_t k = 0; k < t->nclaims; k++) {
        cg_free(t->claims[k].author);
        cg_free(t->claims[k].id);
        cg_free(t->claims[k].aliases);
    }
    cg_free(t->claims);
    for (size_t i = 0; t->docs && i < t->n; i++)
        free_doc(&t->docs[i]);
    cg_free(t->docs);
    cg_free(t->added);
    cg_free(t);
}
