/* The corpus manifest: a mapping with one key, documents, that maps file
 * names to what the user states of them (symbol, title, date, organ and
 * attributes of their own).  Errors name file:line:column. */
#include "citegraph/manifest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yaml_doc.h"

static const char *const reserved[] = {
    "aliases", "authority", "betweenness", "cited_by", "cites", "date", "file", "how",
    "hub", "id", "in_corpus", "kind", "label", "mentions", "organ", "pagerank", "rank",
    "session", "source", "symbol", "target", "title", "type", "weight", "year", NULL};

int cg_manifest_reserved(const char *name)
{
    for (size_t i = 0; reserved[i]; i++)
        if (strcmp(reserved[i], name) == 0)
            return 1;
    return 0;
}

/* Attribute names: a letter, then letters, digits, '_', '-' or '.'. */
static int good_name(const char *s)
{
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')))
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
              *s == '_' || *s == '-' || *s == '.'))
            return 0;
    return 1;
}

static int good_date(const char *s)
{
    int y, mo, d;
    char extra;
    return strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%c", &y, &mo, &d, &extra) == 3 &&
           y >= 1900 && y <= 2999 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
}

/* A copy of the non-empty string value of node, or an error. */
static cg_status text_of(cg_yaml *y, yaml_node_t *node, const char *what, char **out)
{
    const char *s = cg_yaml_scalar(node);
    if (s == NULL || *s == '\0')
        return cg_yaml_fail_at(y, node, "'%s' must be a non-empty string", what);
    cg_free(*out);
    *out = cg_strdup(s);
    return *out ? CG_OK : cg_yaml_nomem(y);
}

static cg_status load_symbols(cg_yaml *y, yaml_node_t *node, cg_manifest_entry *e)
{
    if (node->type == YAML_SCALAR_NODE) {
        e->symbols = cg_calloc(1, sizeof *e->symbols);
        if (e->symbols == NULL)
            return cg_yaml_nomem(y);
        e->nsymbols = 1;
        return text_of(y, node, "symbol", &e->symbols[0]);
    }
    if (node->type != YAML_SEQUENCE_NODE)
        return cg_yaml_fail_at(y, node, "'%s' must be a symbol or a list of symbols", "symbol");
    size_t n = (size_t)(node->data.sequence.items.top - node->data.sequence.items.start);
    if (n == 0)
        return cg_yaml_fail_at(y, node, "'%s' lists no symbol", "symbol");
    e->symbols = cg_calloc(n, sizeof *e->symbols);
    if (e->symbols == NULL)
        return cg_yaml_nomem(y);
    for (yaml_node_item_t *it = node->data.sequence.items.start; it < node->data.sequence.items.top; it++) {
        cg_status st = text_of(y, cg_yaml_node(y, *it), "symbol", &e->symbols[e->nsymbols]);
        if (st != CG_OK)
            return st;
        e->nsymbols++;
    }
    return CG_OK;
}

static cg_status add_attr(cg_yaml *y, yaml_node_t *k, yaml_node_t *v, cg_manifest_entry *e)
{
    const char *key = cg_yaml_scalar(k);
    if (!good_name(key))
        return cg_yaml_fail_at(y, k, "'%s' is not an attribute name (a letter, then letters, "
                                     "digits, '_', '-' or '.')", key);
    if (cg_manifest_reserved(key))
        return cg_yaml_fail_at(y, k, "'%s' is an attribute citegraph writes itself", key);
    if (cg_yaml_scalar(v) == NULL)
        return cg_yaml_fail_at(y, v, "the value of '%s' must be a string or a number", key);
    for (size_t i = 0; i < e->nattrs; i++)
        if (strcmp(e->attrs[i].key, key) == 0)
            return cg_yaml_fail_at(y, k, "'%s' given twice", key);
    cg_attr *na = cg_realloc(e->attrs, (e->nattrs + 1) * sizeof *na);
    if (na == NULL)
        return cg_yaml_nomem(y);
    e->attrs = na;
    na[e->nattrs].key = cg_strdup(key);
    na[e->nattrs].value = cg_strdup(cg_yaml_scalar(v));
    e->nattrs++;
    return na[e->nattrs - 1].key && na[e->nattrs - 1].value ? CG_OK : cg_yaml_nomem(y);
}

static cg_status load_entry(cg_yaml *y, yaml_node_t *k, yaml_node_t *v, const char *dir,
                            cg_manifest_entry *e)
{
    const char *file = cg_yaml_scalar(k);
    e->line = (long)k->start_mark.line + 1;
    e->column = (long)k->start_mark.column + 1;
    if (file == NULL || *file == '\0')
        return cg_yaml_fail_at(y, k, "a document must be named by its file name%s", "");
    while (file[0] == '.' && file[1] == '/')
        file += 2;
    size_t plen = strlen(dir) + strlen(file) + 2;
    e->file = cg_strdup(file);
    e->path = cg_malloc(plen);
    if (e->file == NULL || e->path == NULL)
        return cg_yaml_nomem(y);
    snprintf(e->path, plen, "%s%s%s", dir, *dir && dir[strlen(dir) - 1] != '/' ? "/" : "", file);
    if (v->type == YAML_SCALAR_NODE && cg_yaml_scalar(v)[0] == '\0')
        return CG_OK; /* "name:" with nothing stated */
    if (v->type != YAML_MAPPING_NODE)
        return cg_yaml_fail_at(y, v, "the entry of '%s' must be a mapping (symbol, title, date, "
                                     "organ, attributes of your own)", file);
    cg_status st = CG_OK;
    for (yaml_node_pair_t *p = v->data.mapping.pairs.start;
         p < v->data.mapping.pairs.top && st == CG_OK; p++) {
        yaml_node_t *ak = cg_yaml_node(y, p->key), *av = cg_yaml_node(y, p->value);
        const char *key = cg_yaml_scalar(ak);
        if (key == NULL)
            st = cg_yaml_fail_at(y, ak, "keys must be strings%s", "");
        else if (strcmp(key, "symbol") == 0 || strcmp(key, "symbols") == 0)
            st = e->symbols ? cg_yaml_fail_at(y, ak, "'%s' given twice", key)
                            : load_symbols(y, av, e);
        else if (strcmp(key, "title") == 0)
            st = e->title ? cg_yaml_fail_at(y, ak, "'%s' given twice", key)
                          : text_of(y, av, "title", &e->title);
        else if (strcmp(key, "organ") == 0)
            st = e->organ ? cg_yaml_fail_at(y, ak, "'%s' given twice", key)
                          : text_of(y, av, "organ", &e->organ);
        else if (strcmp(key, "date") == 0) {
            if (e->date)
                st = cg_yaml_fail_at(y, ak, "'%s' given twice", key);
            else if (cg_yaml_scalar(av) == NULL || !good_date(cg_yaml_scalar(av)))
                st = cg_yaml_fail_at(y, av, "'%s' must be YYYY-MM-DD", "date");
            else
                st = text_of(y, av, "date", &e->date);
        } else
            st = add_attr(y, ak, av, e);
    }
    return st;
}

static int by_path(const void *a, const void *b)
{
    return strcmp(((const cg_manifest_entry *)a)->path, ((const cg_manifest_entry *)b)->path);
}

static int by_file(const void *a, const void *b)
{
    const cg_manifest_entry *x = *(cg_manifest_entry *const *)a, *y = *(cg_manifest_entry *const *)b;
    int c = strcmp(x->file, y->file);
    return c ? c : (x->line > y->line) - (x->line < y->line);
}

static cg_status load_documents(cg_manifest *m, cg_yaml *y, yaml_node_t *docs, const char *dir)
{
    if (docs->type != YAML_MAPPING_NODE)
        return cg_yaml_fail_at(y, docs, "'%s' must map file names to what is known of them",
                               "documents");
    size_t n = (size_t)(docs->data.mapping.pairs.top - docs->data.mapping.pairs.start);
    m->entries = cg_calloc(n ? n : 1, sizeof *m->entries);
    m->by_file = cg_calloc(n ? n : 1, sizeof *m->by_file);
    if (m->entries == NULL || m->by_file == NULL)
        return cg_yaml_nomem(y);
    for (yaml_node_pair_t *p = docs->data.mapping.pairs.start; p < docs->data.mapping.pairs.top; p++) {
        cg_manifest_entry *e = &m->entries[m->n++];
        cg_status st = load_entry(y, cg_yaml_node(y, p->key), cg_yaml_node(y, p->value), dir, e);
        if (st != CG_OK)
            return st;
    }
    for (size_t i = 0; i < m->n; i++)
        m->by_file[i] = &m->entries[i];
    qsort(m->by_file, m->n, sizeof *m->by_file, by_file);
    for (size_t i = 1; i < m->n; i++)
        if (strcmp(m->by_file[i]->file, m->by_file[i - 1]->file) == 0)
            return cg_error_set(y->err, CG_ECONFIG, y->path, m->by_file[i]->line,
                                m->by_file[i]->column, "'%s' is listed twice (first at line %ld)",
                                m->by_file[i]->file, m->by_file[i - 1]->line);
    /* by_file points into entries: sort entries last, then re-point */
    qsort(m->entries, m->n, sizeof *m->entries, by_path);
    for (size_t i = 0; i < m->n; i++)
        m->by_file[i] = &m->entries[i];
    qsort(m->by_file, m->n, sizeof *m->by_file, by_file);
    return CG_OK;
}

static cg_status load_root(cg_manifest *m, cg_yaml *y, const char *dir)
{
    yaml_node_t *root = cg_yaml_root(y);
    if (root == NULL)
        return CG_OK;
    if (root->type != YAML_MAPPING_NODE)
        return cg_yaml_fail_at(y, root, "a manifest must be a mapping with the key '%s'",
                               "documents");
    for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top; p++) {
        yaml_node_t *k = cg_yaml_node(y, p->key);
        const char *key = cg_yaml_scalar(k);
        if (key == NULL || strcmp(key, "documents") != 0)
            return cg_yaml_fail_at(y, k, "unknown manifest key '%s' (expected documents)",
                                   key ? key : "");
        if (m->entries)
            return cg_yaml_fail_at(y, k, "'%s' given twice", key);
        cg_status st = load_documents(m, y, cg_yaml_node(y, p->value), dir);
        if (st != CG_OK)
            return st;
    }
    return CG_OK;
}

static cg_status finish(cg_manifest *m, cg_yaml *y, cg_status st, const char *name, const char *dir)
{
    if (st == CG_OK) {
        m->name = cg_strdup(name);
        st = m->name ? load_root(m, y, dir) : cg_yaml_nomem(y);
    }
    cg_yaml_free(y);
    if (st != CG_OK)
        cg_manifest_free(m);
    return st;
}

cg_status cg_manifest_parse(cg_manifest *m, const char *bytes, size_t len, const char *name,
                            const char *dir, cg_error *err)
{
    memset(m, 0, sizeof *m);
    cg_yaml y;
    cg_status st = cg_yaml_load_bytes(&y, bytes, len, name, err);
    return finish(m, &y, st, name, dir);
}

cg_status cg_manifest_load(cg_manifest *m, const char *path, cg_error *err)
{
    memset(m, 0, sizeof *m);
    char dir[4096];
    const char *slash = strrchr(path, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) : 0, path);
    if (slash == path)
        snprintf(dir, sizeof dir, "/");
    cg_yaml y;
    cg_status st = cg_yaml_load_file(&y, path, err);
    return finish(m, &y, st, path, dir);
}

cg_manifest_entry *cg_manifest_find(const cg_manifest *m, const char *path, const char *rel)
{
    while (path[0] == '.' && path[1] == '/')
        path += 2;
    size_t lo = 0, hi = m->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(m->entries[mid].path, path);
        if (c == 0)
            return &m->entries[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    lo = 0, hi = m->n;
    while (rel && lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(m->by_file[mid]->file, rel);
        if (c == 0)
            return m->by_file[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

void cg_manifest_free(cg_manifest *m)
{
    for (size_t i = 0; i < m->n; i++) {
        cg_manifest_entry *e = &m->entries[i];
        cg_free(e->file);
        cg_free(e->path);
        for (size_t k = 0; k < e->nsymbols; k++)
            cg_free(e->symbols[k]);
        cg_free(e->symbols);
        cg_free(e->title);
        cg_free(e->date);
        cg_free(e->organ);
        for (size_t k = 0; k < e->nattrs; k++) {
            cg_free(e->attrs[k].key);
            cg_free(e->attrs[k].value);
        }
        cg_free(e->attrs);
    }
    cg_free(m->entries);
    cg_free(m->by_file);
    cg_free(m->name);
    memset(m, 0, sizeof *m);
}
