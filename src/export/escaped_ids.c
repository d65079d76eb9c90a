/* The vertex ids of a graph escaped once for a format, so that a writer
 * that repeats them (an edge names two) copies them instead; the walk
 * over the kept edges that uses them. */
#include <string.h>

#include "export_impl.h"

cg_status cg_export_ids_make(cg_export_ids *ids, const cg_graph *g,
                             cg_status (*put)(cg_buf *, const char *))
{
    memset(ids, 0, sizeof *ids);
    ids->at = cg_malloc((g->nv + 1) * sizeof *ids->at);
    if (ids->at == NULL)
        return CG_ENOMEM;
    cg_status st = CG_OK;
    for (size_t v = 0; v < g->nv && st == CG_OK; v++) {
        ids->at[v] = ids->text.len;
        st = put(&ids->text, g->v[v].id);
    }
    ids->at[g->nv] = ids->text.len;
    if (st != CG_OK)
        cg_export_ids_free(ids);
    return st;
}

cg_status cg_export_ids_put(cg_buf *out, const cg_export_ids *ids, size_t v)
{
    return cg_buf_append(out, ids->text.data + ids->at[v], ids->at[v + 1] - ids->at[v]);
}

cg_status cg_export_ids_put_pair(cg_buf *out, const cg_export_ids *ids, size_t from, size_t to,
                                 const char *open, const char *between, const char *close)
{
    cg_status st = cg_buf_puts(out, open);
    if (st == CG_OK) st = cg_export_ids_put(out, ids, from);
    if (st == CG_OK) st = cg_buf_puts(out, between);
    if (st == CG_OK) st = cg_export_ids_put(out, ids, to);
    if (st == CG_OK) st = cg_buf_puts(out, close);
    return st;
}

void cg_export_ids_free(cg_export_ids *ids)
{
    cg_buf_free(&ids->text);
    cg_free(ids->at);
    memset(ids, 0, sizeof *ids);
}

cg_status cg_export_each_edge(cg_buf *out, const cg_graph *g, const unsigned char *keep,
                              cg_status (*escape)(cg_buf *, const char *),
                              cg_status (*put_edge)(cg_buf *, const cg_export_ids *, size_t,
                                                    size_t, double))
{
    cg_export_ids ids;
    cg_status st = cg_export_ids_make(&ids, g, escape);
    for (size_t e = 0; e < g->ne && st == CG_OK; e++) {
        igraph_integer_t from, to;
        if (igraph_edge(&g->g, (igraph_integer_t)e, &from, &to) != IGRAPH_SUCCESS)
            st = CG_ELIMIT;
        else if (cg_export_kept(g, keep, (size_t)from) && cg_export_kept(g, keep, (size_t)to) &&
                 (st = put_edge(out, &ids, (size_t)from, (size_t)to, g->weight[e])) == CG_OK)
            st = cg_buf_item_end(out);
    }
    cg_export_ids_free(&ids);
    return st;
}
