/* Registry loading over the shared YAML loader.  Each *.yaml file of a
 * registry folder is a mapping whose keys say what it adds: series,
 * other-series, components, parts, bodies, defaults, lexicon, icj.  Errors carry the
 * file, line and column of the offending node (yaml_doc.c). */
#include "citegraph/registry.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "yaml_doc.h"

typedef struct loader {
    cg_registry *reg;
    cg_yaml *y;
    const char *path;
    cg_error *err;
} loader;

static cg_status fail_at(loader *ld, yaml_node_t *node, const char *fmt, const char *what)
{
    return cg_yaml_fail_at(ld->y, node, fmt, what);
}

static yaml_node_t *node_at(loader *ld, int index)
{
    return cg_yaml_node(ld->y, index);
}

static const char *scalar(yaml_node_t *n)
{
    return cg_yaml_scalar(n);
}

static yaml_node_t *map_get(loader *ld, yaml_node_t *map, const char *key)
{
    return cg_yaml_map_get(ld->y, map, key);
}

/* Adds every string of a list (or a single string) to phrases. */
static cg_status add_strings(loader *ld, yaml_node_t *node, cg_phrases *list, int value,
                             const char *what)
{
    if (node == NULL)
        return CG_OK;
    if (node->type == YAML_SCALAR_NODE)
        return cg_phrases_add(list, scalar(node), node->data.scalar.length, value) == CG_OK
                   ? CG_OK : cg_error_set(ld->err, CG_ENOMEM, ld->path, 0, 0, "out of memory");
    if (node->type != YAML_SEQUENCE_NODE)
        return fail_at(ld, node, "'%s' must be a string or a list of strings", what);
    for (yaml_node_item_t *it = node->data.sequence.items.start; it < node->data.sequence.items.top; it++) {
        yaml_node_t *item = node_at(ld, *it);
        const char *s = scalar(item);
        if (s == NULL || *s == '\0')
            return fail_at(ld, item, "'%s' must list non-empty strings", what);
        if (cg_phrases_add(list, s, item->data.scalar.length, value) != CG_OK)
            return cg_error_set(ld->err, CG_ENOMEM, ld->path, 0, 0, "out of memory");
    }
    return CG_OK;
}

static const char *const form_keys[CG_FORM_COUNT] = {"number-year", "session", "year", "roman"};

static cg_status load_templates(loader *ld, yaml_node_t *node, char **out, const char *what)
{
    if (node == NULL)
        return CG_OK;
    if (node->type != YAML_MAPPING_NODE)
        return fail_at(ld, node, "'%s' must map forms (number-year, session, year, roman) to id templates", what);
    for (yaml_node_pair_t *p = node->data.mapping.pairs.start; p < node->data.mapping.pairs.top; p++) {
        yaml_node_t *k = node_at(ld, p->key), *v = node_at(ld, p->value);
        const char *key = scalar(k), *val = scalar(v);
        int form = -1;
        for (int f = 0; f < CG_FORM_COUNT; f++)
            if (key && strcmp(key, form_keys[f]) == 0)
                form = f;
        if (form < 0)
            return fail_at(ld, k, "unknown resolution form in '%s' (expected number-year, session, year or roman)", what);
        if (val == NULL)
            return fail_at(ld, v, "the template of '%s' must be a string", what);
        cg_free(out[form]);
        out[form] = cg_strdup(val);
        if (out[form] == NULL)
            return cg_error_set(ld->err, CG_ENOMEM, ld->path, 0, 0, "out of memory");
    }
    return CG_OK;
}

static int body_index(const cg_registry *reg, const char *code)
{
    for (size_t i = 0; i < reg->nbodies; i++)
        if (strcmp(reg->bodies[i].code, code) == 0)
            return (int)i;
    return -1;
}

static cg_status load_bodies(loader *ld, yaml_node_t *node)
{
    cg_registry *reg = ld->reg;
    if (node->type != YAML_SEQUENCE_NODE)
        return fail_at(ld, node, "'%s' must be a list of bodies", "bodies");
    for (yaml_node_item_t *it = node->data.sequence.items.start; it < node->data.sequence.items.top; it++) {
        yaml_node_t *b = node_at(ld, *it);
        const char *code = scalar(map_get(ld, b, "code"));
        if (code == NULL)
            return fail_at(ld, b, "a body needs a '%s'", "code");
        int idx = body_index(reg, code);
        if (idx < 0) {
            cg_body *nb = cg_realloc(reg->bodies, (reg->nbodies + 1) * sizeof *nb);
            if (nb == NULL)
                return cg_error_set(ld->err, CG_ENOMEM, ld->path, 0, 0, "out of memory");
            reg->bodies = nb;
            memset(&nb[reg->nbodies], 0, sizeof *nb);
            nb[reg->nbodies].un = 1;
            nb[reg->nbodies].code = cg_strdup(code);
            if (nb[reg->nbodies].code == NULL)
                return cg_error_set(ld->err, CG_ENOMEM, ld->path, 0, 0, "out of memory");
            idx = (int)reg->nbodies++;
        }
        cg_body *body = &reg->bodies[idx];
        const char *un = scalar(map_get(ld, b, "un"));
        if (un)
            body->un = strcmp(un, "false") != 0 && strcmp(un, "no") != 0;
        const char *other = scalar(map_get(ld, b, "other"));
        if (other) {
            cg_free(body->other);
            body->other = cg_strdup(other);
            if (body->other == NULL)
                return cg_error_set(ld->err, CG_ENOMEM, ld->path, 0, 0, "out of memory");
        }
        cg_status st = add_strings(ld, map_get(ld, b, "names"), &reg->body_names, idx, "names");
        if (st == CG_OK)
            st = load_templates(ld, map_get(ld, b, "resolution"), body->resolution, "resolution");
        if (st == CG_OK)
            st = load_templates(ld, map_get(ld, b, "decision"), body->decision, "decision");
        if (st != CG_OK)
            return st;
    }
    return CG_OK;
}

static cg_status load_defaults(loader *ld, yaml_node_t *node)
{
    if (node->type != YAML_MAPPING_NODE)
        return fail_at(ld, node, "'%s' must map forms to body codes", "defaults");
    for (yaml_node_pair_t *p = node->data.mapping.pairs.start; p < node->data.mapping.pairs.top; p++) {
        yaml_node_t *k = node_at(ld, p->key), *v = node_at(ld, p->value);
        const char *key = scalar(k), *val = scalar(v);
        int form = -1;
        for (int f = 0; f < CG_FORM_COUNT; f++)
            if (key && strcmp(key, form_keys[f]) == 0)
                form = f;
        if (form < 0)
            return fail_at(ld, k, "unknown form in '%s'", "defaults");
        int idx = val ? body_index(ld->reg, val) : -1;
        if (idx < 0)
            return fail_at(ld, v, "'%s' names a body that no registry file defines", "defaults");
        ld->reg->default_body[form] = idx;
    }
    return CG_OK;
}

static cg_status load_lexicon(loader *ld, yaml_node_t *node)
{
    cg_registry *reg = ld->reg;
    if (node->type != YAML_MAPPING_NODE)
        return fail_at(ld, node, "'%s' must be a mapping", "lexicon");
    cg_status st = CG_OK;
    st = st ? st : add_strings(ld, map_get(ld, node, "resolution"), &reg->resolution_words, 0, "resolution");
    st = st ? st : add_strings(ld, map_get(ld, node, "resolutions"), &reg->resolution_words, 1, "resolutions");
    st = st ? st : add_strings(ld, map_get(ld, node, "decision"), &reg->decision_words, 0, "decision");
    st = st ? st : add_strings(ld, map_get(ld, node, "decisions"), &reg->decision_words, 1, "decisions");
    st = st ? st : add_strings(ld, map_get(ld, node, "court"), &reg->icj_court, 0, "court");
    st = st ? st : add_strings(ld, map_get(ld, node, "other-courts"), &reg->other_courts, 0, "other-courts");
    st = st ? st : add_strings(ld, map_get(ld, node, "ibid"), &reg->ibid_words, 0, "ibid");
    st = st ? st : add_strings(ld, map_get(ld, node, "connectors"), &reg->connectors, 0, "connectors");
    st = st ? st : add_strings(ld, map_get(ld, node, "item-dates"), &reg->item_dates, 0, "item-dates");
    st = st ? st : add_strings(ld, map_get(ld, node, "separators"), &reg->separators, 0, "separators");
    st = st ? st : add_strings(ld, map_get(ld, node, "icj-filler"), &reg->icj_filler, 0, "icj-filler");
    st = st ? st : add_strings(ld, map_get(ld, node, "defines-term"), &reg->term_words, 0, "defines-term");
    st = st ? st : add_strings(ld, map_get(ld, node, "pinpoint"), &reg->pinpoint_words, 1, "pinpoint");
    st = st ? st : add_strings(ld, map_get(ld, node, "pinpoint-alone"), &reg->pinpoint_words, 0, "pinpoint-alone");
    st = st ? st : add_strings(ld, map_get(ld, node, "instituted-by"), &reg->instituted_words, 0, "instituted-by");
    st = st ? st : add_strings(ld, map_get(ld, node, "against"), &reg->against_words, 0, "against");
    st = st ? st : add_strings(ld, map_get(ld, node, "requested-by"), &reg->requested_by_words, 0, "requested-by");
    st = st ? st : add_strings(ld, map_get(ld, node, "party-requests"), &reg->request_words, 0, "party-requests");
    st = st ? st : add_strings(ld, map_get(ld, node, "abbreviations"), &reg->abbreviations, 0, "abbreviations");
    st = st ? st : add_strings(ld, map_get(ld, node, "icj-requests"), &reg->icj_requests, 0, "icj-requests");
    st = st ? st : add_strings(ld, map_get(ld, node, "communications"), &reg->communications, 0, "communications");
    st = st ? st : add_strings(ld, map_get(ld, node, "dated"), &reg->dated_words, 0, "dated");
    st = st ? st : add_strings(ld, map_get(ld, node, "from"), &reg->from_words, 0, "from");
    st = st ? st : add_strings(ld, map_get(ld, node, "addressed-to"), &reg->addressed_words, 0, "addressed-to");
    st = st ? st : add_strings(ld, map_get(ld, node, "distribution"), &reg->distribution_words, 0, "distribution");
    st = st ? st : add_strings(ld, map_get(ld, node, "session-words"), &reg->session_words, 0, "session-words");
    st = st ? st : add_strings(ld, map_get(ld, node, "echr-court"), &reg->echr_court, 0, "echr-court");
    st = st ? st : add_strings(ld, map_get(ld, node, "echr-application"), &reg->echr_application, 0, "echr-application");
    st = st ? st : add_strings(ld, map_get(ld, node, "document-words"), &reg->document_words, 0, "document-words");
    if (st)
        return st;
    yaml_node_t *months = map_get(ld, node, "months");
    if (months) {
        if (months->type != YAML_SEQUENCE_NODE ||
            months->data.sequence.items.top - months->data.sequence.items.start != 12)
            return fail_at(ld, months, "'%s' must list the twelve months in order", "months");
        int m = 1;
        for (yaml_node_item_t *it = months->data.sequence.items.start; it < months->data.sequence.items.top; it++, m++) {
            st = add_strings(ld, node_at(ld, *it), &reg->months, m, "months");
            if (st)
                return st;
        }
    }
    yaml_node_t *icj = map_get(ld, node, "icj");
    if (icj) {
        static const char *const keys[] = {"order", "judgment", "advisory-opinion", "decision"};
        for (int k = 0; k < 4 && st == CG_OK; k++)
            st = add_strings(ld, map_get(ld, icj, keys[k]), &reg->icj_words, k, keys[k]);
    }
    return st;
}

static long parse_date(const char *s)
{
    int y, m, d;
    char extra;
    if (s == NULL || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3)
        return -1;
    if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > 31)
        return -1;
    return (long)y * 10000 + m * 100 + d;
}

static cg_status load_icj(loader *ld, yaml_node_t *node)
{
    cg_registry *reg = ld->reg;
    if (node->type != YAML_SEQUENCE_NODE)
        return fail_at(ld, node, "'%s' must be a list of cases", "icj");
    for (yaml_node_item_t *it = node->data.sequence.items.start; it < node->data.sequence.items.top; it++) {
        yaml_node_t *c = node_at(ld, *it);
        const char *num = scalar(map_get(ld, c, "number"));
        char *endp = NULL;
        long number = num ? strtol(num, &endp, 10) : 0;
        if (num == NULL || *endp != '\0' || number <= 0 || number > 100000)
            return fail_at(ld, c, "a case needs a General List '%s' (a positive integer)", "number");
        const char *title = scalar(map_get(ld, c, "title"));
        if (title == NULL)
            return fail_at(ld, c, "a case needs a '%s'", "title");
        cg_icj_case *nc = cg_realloc(reg->cases, (reg->ncases + 1) * sizeof *nc);
        if (nc == NULL)
            return cg_error_set(ld->err, CG_ENOMEM, ld->path, 0, 0, "out of memory");
        reg->cases = nc;
        cg_icj_case *cs = &nc[reg->ncases];
        memset(cs, 0, sizeof *cs);
        cs->number = number;
        cs->title = cg_strdup(title);
        if (cs->title == NULL)
            return cg_error_set(ld->err, CG_ENOMEM, ld->path, 0, 0, "out of memory");
        int idx = (int)reg->ncases++;
        cg_status st = cg_phrases_add(&reg->case_names, title, strlen(title), idx);
        if (st != CG_OK)
            return cg_error_set(ld->err, CG_ENOMEM, ld->path, 0, 0, "out of memory");
        st = add_strings(ld, map_get(ld, c, "names"), &reg->case_names, idx, "names");
        if (st != CG_OK)
            return st;
        yaml_node_t *ds = map_get(ld, c, "decisions");
        if (ds == NULL)
            continue;
        if (ds->type != YAML_SEQUENCE_NODE)
            return fail_at(ld, ds, "'%s' must be a list of {type, date}", "decisions");
        size_t n = (size_t)(ds->data.sequence.items.top - ds->data.sequence.items.start);
        cs->decisions = cg_calloc(n, sizeof *cs->decisions);
        if (cs->decisions == NULL)
            return cg_error_set(ld->err, CG_ENOMEM, ld->path, 0, 0, "out of memory");
        for (yaml_node_item_t *d = ds->data.sequence.items.start; d < ds->data.sequence.items.top; d++) {
            yaml_node_t *dn = node_at(ld, *d);
            const char *type = scalar(map_get(ld, dn, "type"));
            long date = parse_date(scalar(map_get(ld, dn, "date")));
            int t = -1;
            if (type && strcmp(type, "order") == 0) t = CG_ICJ_ORDER;
            if (type && strcmp(type, "judgment") == 0) t = CG_ICJ_JUDGMENT;
            if (type && strcmp(type, "advisory-opinion") == 0) t = CG_ICJ_OPINION;
            if (t < 0)
                return fail_at(ld, dn, "a decision's '%s' must be order, judgment or advisory-opinion", "type");
            if (date < 0)
                return fail_at(ld, dn, "a decision's '%s' must be YYYY-MM-DD", "date");
            cs->decisions[cs->ndecisions].type = (cg_icj_type)t;
            cs->decisions[cs->ndecisions].date = date;
            cs->ndecisions++;
        }
    }
    return CG_OK;
}

/* Whether prefix is lower-case letters, digits and '-', starting with a letter. */
static int valid_prefix(const char *prefix)
{
    if (prefix == NULL || !(prefix[0] >= 'a' && prefix[0] <= 'z'))
        return 0;
    for (const char *c = prefix; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-'))
            return 0;
    return 1;
}

/* The index of prefix among the other bodies' prefixes, added if new; -1
 * when out of memory. */
static int prefix_index(cg_registry *reg, const char *prefix)
{
    for (size_t i = 0; i < reg->nother_prefixes; i++)
        if (strcmp(reg->other_prefixes[i], prefix) == 0)
            return (int)i;
    char **grown = cg_realloc(reg->other_prefixes, (reg->nother_prefixes + 1) * sizeof *grown);
    if (grown == NULL)
        return -1;
    reg->other_prefixes = grown;
    if ((grown[reg->nother_prefixes] = cg_strdup(prefix)) == NULL)
        return -1;
    return (int)reg->nother_prefixes++;
}

/* other-series: each body outside the UN by its ids' prefix, then the
 * series of its symbols ("oas: [MRE, CP]"). */
static cg_status load_other_series(loader *ld, yaml_node_t *node)
{
    cg_registry *reg = ld->reg;
    if (node->type != YAML_MAPPING_NODE)
        return fail_at(ld, node, "'%s' must map a prefix to its series", "other-series");
    for (yaml_node_pair_t *p = node->data.mapping.pairs.start; p < node->data.mapping.pairs.top; p++) {
        yaml_node_t *k = node_at(ld, p->key), *v = node_at(ld, p->value);
        const char *prefix = scalar(k);
        if (!valid_prefix(prefix))
            return fail_at(ld, k, "other-series: the prefix '%s' is not lower-case letters, "
                                  "digits and '-'", prefix ? prefix : "");
        static const char *const taken[] = {"doc", "icj", "echr", "http", "https"};
        for (size_t t = 0; t < sizeof taken / sizeof taken[0]; t++)
            if (strcmp(prefix, taken[t]) == 0)
                return fail_at(ld, k, "other-series: the prefix '%s' is taken by another kind of id",
                               prefix);
        int idx = prefix_index(reg, prefix);
        if (idx < 0)
            return cg_error_set(ld->err, CG_ENOMEM, ld->path, 0, 0, "out of memory");
        if (v == NULL || v->type != YAML_SEQUENCE_NODE)
            return fail_at(ld, v ? v : k, "other-series: '%s' needs a list of series", prefix);
        for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
            yaml_node_t *item = node_at(ld, *it);
            const char *series = scalar(item);
            int capitals = series != NULL && *series != '\0';
            for (const char *c = series; capitals && *c; c++)
                capitals = *c >= 'A' && *c <= 'Z';
            if (!capitals)
                return fail_at(ld, item, "other-series: a series is capital letters, not '%s'",
                                series ? series : "");
            if (cg_phrases_add(&reg->other_series, series, strlen(series), idx) != CG_OK)
                return cg_error_set(ld->err, CG_ENOMEM, ld->path, 0, 0, "out of memory");
        }
    }
    return CG_OK;
}

static cg_status load_parts(loader *ld, yaml_node_t *node)
{
    return add_strings(ld, node, &ld->reg->parts, 0, "parts");
}

cg_status cg_registry_load_file(cg_registry *reg, const char *path, cg_error *err)
{
    cg_yaml y;
    cg_status st = cg_yaml_load_file(&y, path, err);
    if (st != CG_OK) {
        cg_yaml_free(&y);
        return st;
    }
    loader ld = {reg, &y, path, err};
    yaml_node_t *root = cg_yaml_root(&y);
    if (root != NULL && root->type != YAML_MAPPING_NODE)
        st = fail_at(&ld, root, "a registry file must be a mapping (keys: %s)",
                     "series, other-series, components, parts, bodies, defaults, lexicon, icj");
    for (yaml_node_pair_t *p = root && st == CG_OK ? root->data.mapping.pairs.start : NULL;
         p && p < root->data.mapping.pairs.top && st == CG_OK; p++) {
        yaml_node_t *k = node_at(&ld, p->key), *v = node_at(&ld, p->value);
        const char *key = scalar(k);
        if (key == NULL)
            st = fail_at(&ld, k, "registry keys must be strings%s", "");
        else if (strcmp(key, "series") == 0)
            st = add_strings(&ld, v, &reg->series, 0, "series");
        else if (strcmp(key, "other-series") == 0)
            st = load_other_series(&ld, v);
        else if (strcmp(key, "components") == 0)
            st = add_strings(&ld, v, &reg->components, 0, "components");
        else if (strcmp(key, "parts") == 0)
            st = load_parts(&ld, v);
        else if (strcmp(key, "bodies") == 0)
            st = load_bodies(&ld, v);
        else if (strcmp(key, "defaults") == 0)
            st = load_defaults(&ld, v);
        else if (strcmp(key, "lexicon") == 0)
            st = load_lexicon(&ld, v);
        else if (strcmp(key, "icj") == 0)
            st = load_icj(&ld, v);
        else
            st = fail_at(&ld, k, "unknown registry key '%s'", key);
    }
    cg_yaml_free(&y);
    return st;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Calls fn on every phrase list of the registry. */
static void each_list(cg_registry *reg, void (*fn)(cg_phrases *))
{
    cg_phrases *lists[] = {&reg->series, &reg->other_series, &reg->components, &reg->parts, &reg->body_names,
                           &reg->resolution_words, &reg->decision_words, &reg->months,
                           &reg->icj_words, &reg->icj_court, &reg->other_courts,
                           &reg->ibid_words, &reg->case_names, &reg->connectors,
                           &reg->item_dates, &reg->separators, &reg->icj_filler,
                           &reg->term_words, &reg->pinpoint_words, &reg->instituted_words,
                           &reg->against_words, &reg->requested_by_words, &reg->request_words,
                           &reg->abbreviations, &reg->echr_court, &reg->echr_application,
                           &reg->icj_requests, &reg->communications, &reg->dated_words,
                           &reg->from_words, &reg->addressed_words, &reg->distribution_words,
                           &reg->session_words, &reg->document_words};
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
        fn(lists[i]);
}

static void sort_all(cg_registry *reg)
{
    each_list(reg, cg_phrases_sort);
}

cg_status cg_registry_load(cg_registry *reg, const char *const *dirs, size_t ndirs,
                           cg_error *err)
{
    memset(reg, 0, sizeof *reg);
    for (int f = 0; f < CG_FORM_COUNT; f++)
        reg->default_body[f] = -1;
    for (size_t d = 0; d < ndirs; d++) {
        DIR *dir = opendir(dirs[d]);
        if (dir == NULL) {
            cg_error_set(err, CG_ECONFIG, dirs[d], 0, 0, "cannot open registry folder: %s",
                         strerror(errno));
            cg_registry_free(reg);
            return CG_ECONFIG;
        }
        char **names = NULL;
        size_t n = 0;
        struct dirent *de;
        cg_status st = CG_OK;
        while ((de = readdir(dir)) != NULL) {
            size_t len = strlen(de->d_name);
            if (de->d_name[0] == '.' || len < 6 || strcmp(de->d_name + len - 5, ".yaml") != 0)
                continue;
            char **nn = cg_realloc(names, (n + 1) * sizeof *nn);
            char *copy = nn ? cg_strdup(de->d_name) : NULL;
            if (nn)
                names = nn;
            if (copy == NULL) {
                st = cg_error_set(err, CG_ENOMEM, dirs[d], 0, 0, "out of memory");
                break;
            }
            names[n++] = copy;
        }
        closedir(dir);
        if (st == CG_OK && n)
            qsort(names, n, sizeof *names, cmp_names);
        for (size_t i = 0; i < n; i++) {
            if (st == CG_OK) {
                char path[4096];
                snprintf(path, sizeof path, "%s/%s", dirs[d], names[i]);
                st = cg_registry_load_file(reg, path, err);
            }
            cg_free(names[i]);
        }
        cg_free(names);
        if (st != CG_OK) {
            cg_registry_free(reg);
            return st;
        }
    }
    if (reg->series.n == 0 || reg->resolution_words.n == 0 || reg->months.n == 0) {
        cg_error_set(err, CG_ECONFIG, ndirs ? dirs[0] : "", 0, 0,
                     "the registry defines no %s",
                     reg->series.n == 0 ? "symbol series (key 'series')"
                     : reg->months.n == 0 ? "months (lexicon 'months')"
                                          : "resolution words (lexicon 'resolution')");
        cg_registry_free(reg);
        return CG_ECONFIG;
    }
    sort_all(reg);
    /* a series is the UN's or another body's, never both */
    for (size_t i = 0; i < reg->other_series.n; i++) {
        const cg_phrase *ph = &reg->other_series.items[i];
        if (cg_phrases_find(&reg->series, ph->text, ph->len) != NULL) {
            cg_error_set(err, CG_ECONFIG, ndirs ? dirs[0] : "", 0, 0,
                         "the series '%s' is listed both in 'series' and in 'other-series'",
                         ph->text);
            cg_registry_free(reg);
            return CG_ECONFIG;
        }
    }
    return CG_OK;
}

void cg_registry_free(cg_registry *reg)
{
    each_list(reg, cg_phrases_free);
    for (size_t i = 0; i < reg->nother_prefixes; i++)
        cg_free(reg->other_prefixes[i]);
    cg_free(reg->other_prefixes);
    for (size_t i = 0; i < reg->nbodies; i++) {
        cg_free(reg->bodies[i].code);
        cg_free(reg->bodies[i].other);
        for (int f = 0; f < CG_FORM_COUNT; f++) {
            cg_free(reg->bodies[i].resolution[f]);
            cg_free(reg->bodies[i].decision[f]);
        }
    }
    cg_free(reg->bodies);
    for (size_t i = 0; i < reg->ncases; i++) {
        cg_free(reg->cases[i].title);
        cg_free(reg->cases[i].decisions);
    }
    cg_free(reg->cases);
    memset(reg, 0, sizeof *reg);
}
