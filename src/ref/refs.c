/* The list of a document's references: records plus a string pool that
 * holds their ids, so that adding a reference allocates only when a
 * buffer grows. */
#include "citegraph/ref.h"

#include <stdlib.h>
#include <string.h>

const char *cg_kind_name(cg_kind kind)
{
    static const char *const names[CG_KIND_COUNT] = {"symbol", "resolution", "icj", "url",
                                                     "other"};
    return (unsigned)kind < CG_KIND_COUNT ? names[kind] : "unknown";
}

const char *cg_via_name(cg_via via)
{
    static const char *const names[CG_VIA_COUNT] = {"", "ibid", "term"};
    return (unsigned)via < CG_VIA_COUNT ? names[via] : "";
}

cg_status cg_refs_add(cg_refs *refs, cg_kind kind, unsigned flags, size_t start,
                      size_t end, const char *id, const char *aliases)
{
    if (refs->n == refs->cap) {
        size_t cap = refs->cap ? refs->cap * 2 : 32;
        cg_ref *items = cg_realloc(refs->items, cap * sizeof *items);
        if (items == NULL)
            return CG_ENOMEM;
        refs->items = items;
        refs->cap = cap;
    }
    if (refs->pool.len == 0 && cg_buf_putc(&refs->pool, '\0') != CG_OK)
        return CG_ENOMEM; /* offset 0 is the empty string */
    size_t target = refs->pool.len;
    if (cg_buf_append(&refs->pool, id, strlen(id) + 1) != CG_OK)
        return CG_ENOMEM;
    size_t alias_off = 0;
    if (aliases && *aliases) {
        alias_off = refs->pool.len;
        if (cg_buf_append(&refs->pool, aliases, strlen(aliases) + 1) != CG_OK)
            return CG_ENOMEM;
    }
    cg_ref *r = &refs->items[refs->n++];
    r->kind = kind;
    r->flags = flags;
    r->start = start;
    r->end = end;
    r->target = target;
    r->aliases = alias_off;
    r->pinpoint = 0;
    r->via = CG_VIA_NONE;
    return CG_OK;
}

cg_status cg_refs_set_pinpoint(cg_refs *refs, size_t i, const char *pinpoint, size_t n)
{
    if (n == 0) {
        refs->items[i].pinpoint = 0;
        return CG_OK;
    }
    size_t off = refs->pool.len;
    if (cg_buf_append(&refs->pool, pinpoint, n) != CG_OK || cg_buf_putc(&refs->pool, '\0') != CG_OK)
        return CG_ENOMEM;
    refs->items[i].pinpoint = off;
    return CG_OK;
}

const char *cg_refs_pinpoint(const cg_refs *refs, const cg_ref *ref)
{
    return ref->pinpoint ? refs->pool.data + ref->pinpoint : "";
}

const char *cg_refs_target(const cg_refs *refs, const cg_ref *ref)
{
    return refs->pool.data + ref->target;
}

const char *cg_refs_aliases(const cg_refs *refs, const cg_ref *ref)
{
    return ref->aliases ? refs->pool.data + ref->aliases : "";
}

size_t cg_refs_starting_from(const cg_refs *refs, size_t first, size_t last, size_t off)
{
    while (first < last) {
        size_t mid = first + (last - first) / 2;
        if (refs->items[mid].start < off)
            first = mid + 1;
        else
            last = mid;
    }
    return first;
}

cg_status cg_refs_sort_from(cg_refs *refs, size_t from)
{
    /* items come as a few sorted runs (the scan's, then the short
     * forms'): merge the runs, stably, in O(n log runs) */
    size_t n = refs->n - (from < refs->n ? from : refs->n);
    if (n < 2)
        return CG_OK;
    cg_ref *a = refs->items + from;
    size_t runs = 1;
    for (size_t i = 1; i < n; i++)
        runs += a[i].start < a[i - 1].start;
    if (runs == 1)
        return CG_OK;
    cg_ref *tmp = cg_malloc(n * sizeof *tmp);
    if (tmp == NULL)
        return CG_ENOMEM;
    while (runs > 1) {
        size_t out = 0, i = 0;
        runs = 0;
        while (i < n) {
            size_t m = i + 1; /* the first run [i, m), the second [m, e) */
            while (m < n && a[m].start >= a[m - 1].start)
                m++;
            size_t e = m;
            if (m < n) {
                e = m + 1;
                while (e < n && a[e].start >= a[e - 1].start)
                    e++;
            }
            size_t x = i, y = m;
            while (x < m && y < e)
                tmp[out++] = a[y].start < a[x].start ? a[y++] : a[x++];
            while (x < m)
                tmp[out++] = a[x++];
            while (y < e)
                tmp[out++] = a[y++];
            runs++;
            i = e;
        }
        memcpy(a, tmp, n * sizeof *tmp);
    }
    cg_free(tmp);
    return CG_OK;
}

void cg_refs_clear(cg_refs *refs)
{
    refs->n = 0;
    cg_buf_clear(&refs->pool);
}

void cg_refs_free(cg_refs *refs)
{
    cg_free(refs->items);
    cg_buf_free(&refs->pool);
    memset(refs, 0, sizeof *refs);
}
