/* The vertex ids of a graph escaped once for a format, so that a writer
 * that repeats them (an edge names two) copies them instead. */
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

void cg_export_ids_free(cg_export_ids *ids)
{
    cg_buf_free(&ids->text);
    cg_free(ids->at);
    memset(ids, 0, sizeof *ids);
}
