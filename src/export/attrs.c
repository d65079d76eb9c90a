/* What every format writes of a document's own attributes: the fixed
 * ones (title, date, organ, session) and the names of the manifest's
 * attributes over the vertices written, sorted, each once. */
#include <stdlib.h>
#include <string.h>

#include "export_impl.h"

const char *const cg_export_doc_fields[CG_EXPORT_NDOC_FIELDS] = {"title", "date", "organ",
                                                                   "session"};

const char *cg_export_doc_field(const cg_vertex *x, size_t i)
{
    const char *v[CG_EXPORT_NDOC_FIELDS] = {x->title, x->date, x->organ, x->session};
    return i < CG_EXPORT_NDOC_FIELDS && v[i] && *v[i] ? v[i] : NULL;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

cg_status cg_export_attr_names(const cg_graph *g, const unsigned char *keep, cg_attr_names *out)
{
    memset(out, 0, sizeof *out);
    size_t total = 0;
    for (size_t v = 0; v < g->nv; v++)
        if (cg_export_kept(g, keep, v))
            total += g->v[v].nattrs;
    if (total == 0)
        return CG_OK;
    out->names = cg_malloc(total * sizeof *out->names);
    if (out->names == NULL)
        return CG_ENOMEM;
    for (size_t v = 0; v < g->nv; v++)
        if (cg_export_kept(g, keep, v))
            for (size_t k = 0; k < g->v[v].nattrs; k++)
                out->names[out->n++] = g->v[v].attrs[k].key;
    qsort(out->names, out->n, sizeof *out->names, cmp_name);
    size_t u = 0;
    for (size_t i = 0; i < out->n; i++)
        if (u == 0 || strcmp(out->names[u - 1], out->names[i]) != 0)
            out->names[u++] = out->names[i];
    out->n = u;
    return CG_OK;
}

const char *cg_export_attr(const cg_vertex *x, const char *name)
{
    for (size_t k = 0; k < x->nattrs; k++)
        if (strcmp(x->attrs[k].key, name) == 0)
            return x->attrs[k].value;
    return NULL;
}

void cg_export_attr_names_free(cg_attr_names *names)
{
    cg_free((void *)names->names);
    memset(names, 0, sizeof *names);
}
