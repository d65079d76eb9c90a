/* Sorts of the graph builder: integer keys by radix, and ids in byte
 * order eight bytes at a time.  Private to src/graph (and its tests). */
#ifndef CITEGRAPH_GRAPH_SORT_H
#define CITEGRAPH_GRAPH_SORT_H

#include <stddef.h>
#include <stdint.h>

#include "citegraph/core.h"

/* An id and the index it was interned at. */
typedef struct id_entry {
    const char *id;
    uint32_t index;
} id_entry;

/* The number of bits a value up to max needs (0 for 0). */
unsigned sort_bits_of(uint64_t max);

/* Sorts key[0..n) in increasing order, every key below 2^bits (bits at
 * most 64); ref[i] (when ref is not NULL) moves with key[i], and keys
 * that are equal keep their order.  CG_ENOMEM without room for a copy. */
cg_status sort_keys(uint64_t *key, uint32_t *ref, size_t n, unsigned bits);

/* Sorts e[0..n) by id in strcmp order; the ids are distinct.
 * CG_ENOMEM without room for the keys. */
cg_status sort_ids(id_entry *e, size_t n);

#endif
