/* The only builder of the citation graph.  Documents are recorded as
 * they are read (ids interned in a hash table); the graph is made once
 * everything is read, so that a joint-symbol alias met anywhere in the
 * corpus resolves everywhere.  Edges are collected as (citing, cited)
 * pairs, sorted (a radix sort, sort.c), counted into weights and handed
 * to igraph_create once. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/graph.h"
#include "sort.h"

typedef struct mention {
    uint32_t src, tgt;
    unsigned kind;
} mention;

typedef struct alias_pair {
    uint32_t alias, primary;
} alias_pair;

/* What is known of a document read, for its vertex. */
typedef struct doc_info {
    uint32_t id;
    char *title, *date, *session, *organ;
    cg_attr *attrs;
    size_t nattrs;
} doc_info;

/* A place of the table of interned ids: the id (NULL: empty), its index
 * and the high half of its hash, compared before the id's bytes. */
typedef struct id_slot {
    const char *id;
    uint32_t index;
    uint32_t tag;
} id_slot;

struct cg_graph_builder {
    char **str; /* interned ids */
    size_t nstr, capstr;
    id_slot *slots; /* open addressing, linear probing, at most half full */
    size_t nslots;
    mention *m;
    size_t nm, capm;
    alias_pair *a;
    size_t na, capa;
    uint32_t *docs;
    size_t nd, capd;
    doc_info *info;
    size_t ninfo, capinfo;
    size_t nrefs;
};

/* The hash of the n bytes at s, eight at a time (a multiply and a shift
 * each: ids are short, and the table compares the high half first). */
static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = UINT64_C(0x9E3779B97F4A7C15) ^ n;
    for (; n >= 8; s += 8, n -= 8) {
        uint64_t w;
        memcpy(&w, s, sizeof w);
        h = (h ^ w) * UINT64_C(0xFF51AFD7ED558CCD);
        h ^= h >> 32;
    }
    uint64_t w = 0;
    memcpy(&w, s, n);
    h = (h ^ w) * UINT64_C(0xC4CEB9FE1A85EC53);
    return h ^ h >> 29;
}

/* Grows *items (of size bytes each) to hold at least need. */
static cg_status grow(void **items, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return CG_OK;
    size_t c = *cap ? *cap : 16;
    while (c < need) {
        if (c > SIZE_MAX / 2 / size)
            return CG_ENOMEM;
        c *= 2;
    }
    void *p = cg_realloc(*items, c * size);
    if (p == NULL)
        return CG_ENOMEM;
    *items = p;
    *cap = c;
    return CG_OK;
}

static cg_status rehash(cg_graph_builder *b)
{
    size_t n = b->nslots ? b->nslots * 2 : 1024;
    id_slot *slots = cg_calloc(n, sizeof *slots);
    if (slots == NULL)
        return CG_ENOMEM;
    for (size_t i = 0; i < b->nstr; i++) {
        uint64_t hash = hash_bytes(b->str[i], strlen(b->str[i]));
        size_t h = (size_t)hash & (n - 1);
        while (slots[h].id)
            h = (h + 1) & (n - 1);
        slots[h] = (id_slot){b->str[i], (uint32_t)i, (uint32_t)(hash >> 32)};
    }
    cg_free(b->slots);
    b->slots = slots;
    b->nslots = n;
    return CG_OK;
}

/* The index of id in the table, added if new. */
static cg_status intern(cg_graph_builder *b, const char *id, uint32_t *out)
{
    if (b->nstr + 1 > b->nslots / 2) {
        cg_status st = rehash(b);
        if (st != CG_OK)
            return st;
    }
    size_t mask = b->nslots - 1, n = strlen(id);
    uint64_t hash = hash_bytes(id, n);
    uint32_t tag = (uint32_t)(hash >> 32);
    size_t h = (size_t)hash & mask;
    for (; b->slots[h].id; h = (h + 1) & mask)
        if (b->slots[h].tag == tag && strcmp(b->slots[h].id, id) == 0) {
            *out = b->slots[h].index;
            return CG_OK;
        }
    if (b->nstr >= UINT32_MAX - 1)
        return CG_ELIMIT;
    cg_status st = grow((void **)&b->str, &b->capstr, b->nstr + 1, sizeof *b->str);
    if (st != CG_OK)
        return st;
    char *copy = cg_malloc(n + 1);
    if (copy == NULL)
        return CG_ENOMEM;
    memcpy(copy, id, n + 1);
    b->str[b->nstr] = copy;
    b->slots[h] = (id_slot){copy, (uint32_t)b->nstr, tag};
    *out = (uint32_t)b->nstr++;
    return CG_OK;
}

/* Records every symbol of a '|' separated alias list as an alias of primary. */
static cg_status add_aliases(cg_graph_builder *b, uint32_t primary, const char *aliases)
{
    char one[CG_ID_MAX];
    const char *p = aliases;
    while (p && *p) {
        size_t n = strcspn(p, "|");
        if (n > 0 && n < sizeof one) {
            memcpy(one, p, n);
            one[n] = '\0';
            uint32_t a;
            cg_status st = intern(b, one, &a);
            if (st == CG_OK && a != primary)
                st = grow((void **)&b->a, &b->capa, b->na + 1, sizeof *b->a);
            if (st != CG_OK)
                return st;
            if (a != primary)
                b->a[b->na++] = (alias_pair){a, primary};
        }
        p += n;
        if (*p == '|')
            p++;
    }
    return CG_OK;
}

cg_graph_builder *cg_graph_builder_new(void)
{
    return cg_calloc(1, sizeof(cg_graph_builder));
}

cg_status cg_graph_builder_add(cg_graph_builder *b, const cg_docid *doc, const cg_refs *refs)
{
    uint32_t d;
    cg_status st = intern(b, doc->id, &d);
    if (st == CG_OK)
        st = grow((void **)&b->docs, &b->capd, b->nd + 1, sizeof *b->docs);
    if (st != CG_OK)
        return st;
    b->docs[b->nd++] = d;
    if ((st = add_aliases(b, d, doc->aliases)) != CG_OK)
        return st;
    return cg_graph_builder_add_refs(b, doc, refs);
}

cg_status cg_graph_builder_add_refs(cg_graph_builder *b, const cg_docid *doc,
                                    const cg_refs *refs)
{
    uint32_t d;
    cg_status st = intern(b, doc->id, &d);
    if (st != CG_OK)
        return st;
    for (size_t i = 0; refs && i < refs->n; i++) {
        const cg_ref *r = &refs->items[i];
        uint32_t t;
        if ((st = intern(b, cg_refs_target(refs, r), &t)) != CG_OK)
            return st;
        if ((st = add_aliases(b, t, cg_refs_aliases(refs, r))) != CG_OK)
            return st;
        if ((st = grow((void **)&b->m, &b->capm, b->nm + 1, sizeof *b->m)) != CG_OK)
            return st;
        b->m[b->nm++] = (mention){d, t, (unsigned)r->kind};
        b->nrefs++;
    }
    return CG_OK;
}

/* A copy of s, or NULL when s is NULL or empty; *ok cleared if out of memory. */
static char *dup_known(const char *s, int *ok)
{
    if (s == NULL || *s == '\0')
        return NULL;
    char *c = cg_strdup(s);
    if (c == NULL)
        *ok = 0;
    return c;
}

static void free_attrs(cg_attr *attrs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        cg_free(attrs[i].key);
        cg_free(attrs[i].value);
    }
    cg_free(attrs);
}

/* Copies n attributes into *out (*nout of them made); *ok cleared if out of memory. */
static void copy_attrs(cg_attr **out, size_t *nout, const cg_attr *src, size_t n, int *ok)
{
    if (n == 0)
        return;
    *out = cg_calloc(n, sizeof **out);
    if (*out == NULL) {
        *ok = 0;
        return;
    }
    for (size_t i = 0; i < n; i++, (*nout)++) {
        (*out)[i].key = cg_strdup(src[i].key);
        (*out)[i].value = cg_strdup(src[i].value);
        if (!(*out)[i].key || !(*out)[i].value)
            *ok = 0;
    }
}

cg_status cg_graph_builder_describe(cg_graph_builder *b, const cg_identity *who)
{
    uint32_t d;
    cg_status st = intern(b, who->id.id, &d);
    if (st == CG_OK)
        st = grow((void **)&b->info, &b->capinfo, b->ninfo + 1, sizeof *b->info);
    if (st != CG_OK)
        return st;
    doc_info *x = &b->info[b->ninfo++];
    memset(x, 0, sizeof *x);
    x->id = d;
    int ok = 1;
    x->title = dup_known(who->desc.title, &ok);
    x->date = dup_known(who->desc.date, &ok);
    x->session = dup_known(who->desc.session, &ok);
    x->organ = dup_known(who->desc.organ, &ok);
    if (who->entry)
        copy_attrs(&x->attrs, &x->nattrs, who->entry->attrs, who->entry->nattrs, &ok);
    return ok ? CG_OK : CG_ENOMEM;
}

void cg_graph_builder_free(cg_graph_builder *b)
{
    if (b == NULL)
        return;
    for (size_t i = 0; i < b->ninfo; i++) {
        cg_free(b->info[i].title);
        cg_free(b->info[i].date);
        cg_free(b->info[i].session);
        cg_free(b->info[i].organ);
        free_attrs(b->info[i].attrs, b->info[i].nattrs);
    }
    cg_free(b->info);
    for (size_t i = 0; i < b->nstr; i++)
        cg_free(b->str[i]);
    cg_free(b->str);
    cg_free(b->slots);
    cg_free(b->m);
    cg_free(b->a);
    cg_free(b->docs);
    cg_free(b);
}

/* The kind an id has when nothing cites it: its shape. */
static cg_vkind kind_of_id(const char *id)
{
    if (strncmp(id, "doc:", 4) == 0)
        return CG_VKIND_DOCUMENT;
    if (strncmp(id, "icj:", 4) == 0)
        return CG_VKIND_ICJ;
    if (strncmp(id, "http://", 7) == 0 || strncmp(id, "https://", 8) == 0)
        return CG_VKIND_URL;
    if (strchr(id, ':'))
        return CG_VKIND_OTHER;
    if (strstr(id, "/RES/") || strstr(id, "/DEC/"))
        return CG_VKIND_RESOLUTION;
    return CG_VKIND_SYMBOL;
}

void cg_graph_free(cg_graph *graph)
{
    if (graph->has_g)
        igraph_destroy(&graph->g);
    for (size_t i = 0; i < graph->nv; i++) {
        cg_vertex *v = &graph->v[i];
        cg_free(v->id);
        cg_free(v->label);
        cg_free(v->title);
        cg_free(v->date);
        cg_free(v->session);
        cg_free(v->doc_organ);
        free_attrs(v->attrs, v->nattrs);
    }
    cg_free(graph->v);
    cg_free(graph->weight);
    memset(graph, 0, sizeof *graph);
}

/* Gives the vertices of documents read what is known of them; the
 * first document of a vertex wins. */
static cg_status describe_vertices(const cg_graph_builder *b, const uint32_t *canon,
                                   const uint32_t *vidx, cg_graph *g)
{
    for (size_t i = 0; i < b->ninfo; i++) {
        const doc_info *x = &b->info[i];
        if (vidx[canon[x->id]] >= g->nv)
            continue; /* described but never added */
        cg_vertex *v = &g->v[vidx[canon[x->id]]];
        if (v->title || v->date || v->session || v->doc_organ || v->attrs)
            continue;
        int ok = 1;
        v->title = dup_known(x->title, &ok);
        v->date = dup_known(x->date, &ok);
        v->session = dup_known(x->session, &ok);
        v->doc_organ = dup_known(x->organ, &ok);
        if (v->doc_organ)
            v->organ = v->doc_organ;
        copy_attrs(&v->attrs, &v->nattrs, x->attrs, x->nattrs, &ok);
        if (!ok)
            return CG_ENOMEM;
    }
    return CG_OK;
}

/* The vertices being made: which interned ids are used, read, of what
 * kind, and in what order. */
typedef struct vertex_plan {
    const cg_graph_builder *b;
    const uint32_t *canon;
    const uint32_t *vidx;
    cg_graph *g;
    unsigned char *used, *corpus;
    int *kind;       /* of the first reference to each id; -1: none */
    id_entry *order; /* the vertices' ids, sorted */
    cg_status st;    /* of fill_vertices */
} vertex_plan;

static void plan_free(vertex_plan *p)
{
    cg_free(p->used);
    cg_free(p->corpus);
    cg_free(p->kind);
    cg_free(p->order);
}

/* Vertices: the used, resolved ids sorted into g->v (their attributes
 * left for fill_vertices), and each id's vertex in vidx. */
static cg_status order_vertices(const cg_graph_builder *b, const uint32_t *canon,
                                uint32_t *vidx, cg_graph *g, vertex_plan *p)
{
    size_t n = b->nstr;
    *p = (vertex_plan){b, canon, vidx, g, NULL, NULL, NULL, NULL, CG_OK};
    p->used = cg_calloc(n ? n : 1, 1);
    p->corpus = cg_calloc(n ? n : 1, 1);
    p->kind = cg_calloc(n ? n : 1, sizeof *p->kind);
    p->order = cg_calloc(n ? n : 1, sizeof *p->order);
    if (!p->used || !p->corpus || !p->kind || !p->order)
        return CG_ENOMEM;
    unsigned char *used = p->used, *corpus = p->corpus;
    int *kind = p->kind;
    id_entry *order = p->order;
    for (size_t i = 0; i < n; i++)
        kind[i] = -1;
    for (size_t i = 0; i < b->nd; i++) {
        uint32_t c = canon[b->docs[i]];
        used[c] = corpus[c] = 1;
    }
    for (size_t i = 0; i < b->nm; i++) {
        uint32_t s = canon[b->m[i].src], t = canon[b->m[i].tgt];
        used[s] = used[t] = 1;
        if (kind[t] < 0 && b->m[i].kind < (unsigned)CG_KIND_COUNT)
            kind[t] = (int)b->m[i].kind;
    }
    size_t nv = 0;
    for (size_t i = 0; i < n; i++)
        if (used[i])
            order[nv++] = (id_entry){b->str[i], (uint32_t)i};
    if (sort_ids(order, nv) != CG_OK) /* ids are distinct: no ties */
        return CG_ENOMEM;
    g->v = cg_calloc(nv ? nv : 1, sizeof *g->v);
    if (g->v == NULL)
        return CG_ENOMEM;
    g->nv = nv; /* empty vertices until filled: cg_graph_free frees what is there */
    for (size_t k = 0; k < nv; k++)
        vidx[order[k].index] = (uint32_t)k;
    return CG_OK;
}

/* The attributes of the vertices ordered by order_vertices, and what is
 * known of the documents read (p->st: how it went).  Touches nothing the
 * edges are made from, so that both are made at once. */
static void *fill_vertices(void *arg)
{
    vertex_plan *p = arg;
    const cg_graph_builder *b = p->b;
    cg_graph *g = p->g;
    char label[CG_ID_MAX];
    p->st = CG_ENOMEM;
    for (size_t k = 0; k < g->nv; k++) {
        uint32_t i = p->order[k].index;
        cg_vertex *v = &g->v[k];
        const char *id = b->str[i];
        v->kind = p->kind[i] >= 0 && !(p->corpus[i] && strncmp(id, "doc:", 4) == 0)
                      ? (cg_vkind)p->kind[i] : kind_of_id(id);
        v->in_corpus = p->corpus[i];
        v->year = cg_graph_year(id);
        v->organ = cg_graph_organ(id);
        cg_graph_label(id, v->kind, label, sizeof label);
        v->id = cg_strdup(id);
        v->label = cg_strdup(label);
        if (v->id == NULL || v->label == NULL)
            return NULL;
    }
    p->st = describe_vertices(b, p->canon, p->vidx, g);
    return NULL;
}

/* Edges: sorted (citing, cited) pairs, counted into weights. */
static cg_status make_edges(const cg_graph_builder *b, const uint32_t *canon,
                            const uint32_t *vidx, cg_graph *g, cg_error *err)
{
    uint64_t *pairs = cg_malloc((b->nm ? b->nm : 1) * sizeof *pairs);
    if (pairs == NULL)
        return cg_error_set(err, CG_ENOMEM, "", 0, 0, "out of memory");
    /* (citing, cited) as one number: the cited vertex in the low bits */
    unsigned bits = sort_bits_of(g->nv > 0 ? g->nv - 1 : 0);
    uint64_t low = (UINT64_C(1) << bits) - 1;
    size_t np = 0;
    for (size_t i = 0; i < b->nm; i++) {
        uint32_t s = vidx[canon[b->m[i].src]], t = vidx[canon[b->m[i].tgt]];
        if (s != t)
            pairs[np++] = (uint64_t)s << bits | t;
    }
    if (sort_keys(pairs, NULL, np, 2 * bits) != CG_OK) {
        cg_free(pairs);
        return cg_error_set(err, CG_ENOMEM, "", 0, 0, "out of memory");
    }
    size_t ne = 0;
    for (size_t i = 0; i < np; i++)
        if (i == 0 || pairs[i] != pairs[i - 1])
            ne++;
    g->weight = cg_calloc(ne ? ne : 1, sizeof *g->weight);
    if (g->weight == NULL) {
        cg_free(pairs);
        return cg_error_set(err, CG_ENOMEM, "", 0, 0, "out of memory");
    }
    igraph_vector_int_t edges;
    if (igraph_vector_int_init(&edges, (igraph_integer_t)(2 * ne)) != IGRAPH_SUCCESS) {
        cg_free(pairs);
        return cg_error_set(err, CG_ENOMEM, "", 0, 0, "igraph: %s", cg_graph_igraph_reason());
    }
    size_t e = 0;
    for (size_t i = 0; i < np; i++) {
        if (i > 0 && pairs[i] == pairs[i - 1]) {
            g->weight[e - 1] += 1;
            continue;
        }
        VECTOR(edges)[2 * e] = (igraph_integer_t)(pairs[i] >> bits);
        VECTOR(edges)[2 * e + 1] = (igraph_integer_t)(pairs[i] & low);
        g->weight[e++] = 1;
    }
    g->ne = ne;
    cg_free(pairs);
    igraph_error_t ie = igraph_create(&g->g, &edges, (igraph_integer_t)g->nv, IGRAPH_DIRECTED);
    igraph_vector_int_destroy(&edges);
    if (ie != IGRAPH_SUCCESS)
        return cg_error_set(err, ie == IGRAPH_ENOMEM ? CG_ENOMEM : CG_ELIMIT, "", 0, 0,
                            "igraph: %s", cg_graph_igraph_reason());
    g->has_g = 1;
    return CG_OK;
}

cg_status cg_graph_build(const cg_graph_builder *b, cg_graph *out, cg_error *err)
{
    memset(out, 0, sizeof *out);
    cg_graph_igraph_handlers();
    size_t n = b->nstr;
    uint32_t *canon = cg_malloc((n ? n : 1) * sizeof *canon);
    uint32_t *vidx = cg_malloc((n ? n : 1) * sizeof *vidx);
    if (canon == NULL || vidx == NULL) {
        cg_free(canon);
        cg_free(vidx);
        return cg_error_set(err, CG_ENOMEM, "", 0, 0, "out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        canon[i] = (uint32_t)i;
        vidx[i] = UINT32_MAX;
    }
    /* an alias anywhere is an alias everywhere; the first pairing wins */
    for (size_t i = 0; i < b->na; i++) {
        uint32_t a = b->a[i].alias;
        if (canon[a] == a)
            canon[a] = b->a[i].primary;
    }
    /* follow chains (an alias of an alias), guarding against cycles */
    for (size_t i = 0; i < n; i++) {
        uint32_t c = canon[i];
        for (int steps = 0; canon[c] != c && steps < 64; steps++)
            c = canon[c];
        if (canon[c] != c) /* a cycle: keep the id itself */
            c = (uint32_t)i;
        canon[i] = c;
    }
    vertex_plan plan;
    cg_status st = order_vertices(b, canon, vidx, out, &plan);
    if (st != CG_OK) {
        cg_error_set(err, st, "", 0, 0, "out of memory");
    } else {
        /* the vertices' attributes filled on a thread of their own (one
         * after the other when none can be started) while the edges are made */
        pthread_t filler;
        int apart = pthread_create(&filler, NULL, fill_vertices, &plan) == 0;
        st = make_edges(b, canon, vidx, out, err);
        if (apart)
            pthread_join(filler, NULL);
        else
            fill_vertices(&plan);
        if (st == CG_OK && (st = plan.st) != CG_OK)
            cg_error_set(err, st, "", 0, 0, "out of memory");
    }
    plan_free(&plan);
    cg_free(canon);
    cg_free(vidx);
    if (st != CG_OK) {
        cg_graph_free(out);
        return st;
    }
    out->ndocs = b->nd;
    out->nrefs = b->nrefs;
    return CG_OK;
}

long cg_graph_find(const cg_graph *graph, const char *id)
{
    size_t lo = 0, hi = graph->nv;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(graph->v[mid].id, id);
        if (c == 0)
            return (long)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}
