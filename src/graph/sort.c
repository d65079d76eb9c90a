/* Sorts of the graph builder.  Integer keys: least significant digit
 * first, at most twelve bits a digit, as few digits as the keys' bits
 * need (at most 4,096 counters, which stay in the cache as the keys are
 * scattered: sixteen bits a digit spread the writes over 65,536 places,
 * at about twice the time a key), every digit counted in one pass
 * beforehand, a digit all keys share skipped.  Ids:
 * by their first eight bytes as one number (big-endian, so that numbers
 * compare as strcmp compares bytes), then each run of ids that share
 * them by the next eight, and so on; short runs by strcmp. */
#include "sort.h"

#include <string.h>

enum {
    DIGIT_BITS = 12, /* at most */
    RADIX = 1 << DIGIT_BITS,
    MAX_DIGITS = (64 + DIGIT_BITS - 1) / DIGIT_BITS,
    SHORT_RUN = 48 /* sorted by insertion below this */
};

unsigned sort_bits_of(uint64_t max)
{
    unsigned bits = 0;
    while (bits < 64 && max >> bits)
        bits++;
    return bits;
}

/* Room the sorts work in: a copy of the keys and refs, and the counters
 * of every digit. */
typedef struct scratch {
    uint64_t *key;
    uint32_t *ref;
    size_t *count; /* MAX_DIGITS * RADIX */
} scratch;

static void scratch_free(scratch *s)
{
    cg_free(s->key);
    cg_free(s->ref);
    cg_free(s->count);
}

static cg_status scratch_init(scratch *s, size_t n, int refs)
{
    s->key = cg_malloc((n ? n : 1) * sizeof *s->key);
    s->ref = refs ? cg_malloc((n ? n : 1) * sizeof *s->ref) : NULL;
    s->count = cg_malloc((size_t)MAX_DIGITS * RADIX * sizeof *s->count);
    if (s->key == NULL || (refs && s->ref == NULL) || s->count == NULL) {
        scratch_free(s);
        return CG_ENOMEM;
    }
    return CG_OK;
}

/* Stable insertion sort of a few keys (and their refs). */
static void insertion_sort(uint64_t *key, uint32_t *ref, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        uint64_t k = key[i];
        uint32_t r = ref ? ref[i] : 0;
        size_t j = i;
        for (; j > 0 && key[j - 1] > k; j--) {
            key[j] = key[j - 1];
            if (ref)
                ref[j] = ref[j - 1];
        }
        key[j] = k;
        if (ref)
            ref[j] = r;
    }
}

/* sort_keys in the room of s (at least n keys and refs). */
static void radix_sort(uint64_t *key, uint32_t *ref, size_t n, unsigned bits, const scratch *s)
{
    if (n < SHORT_RUN) {
        insertion_sort(key, ref, n);
        return;
    }
    unsigned digits = (bits + DIGIT_BITS - 1) / DIGIT_BITS;
    unsigned width = (bits + digits - 1) / digits;
    uint64_t mask = (UINT64_C(1) << width) - 1;
    for (unsigned d = 0; d < digits; d++)
        memset(s->count + (size_t)d * RADIX, 0, (size_t)(mask + 1) * sizeof *s->count);
    for (size_t i = 0; i < n; i++)
        for (unsigned d = 0; d < digits; d++)
            s->count[(size_t)d * RADIX + (key[i] >> (width * d) & mask)]++;
    uint64_t *from = key, *to = s->key;
    uint32_t *rfrom = ref, *rto = s->ref;
    for (unsigned d = 0; d < digits; d++) {
        size_t *c = s->count + (size_t)d * RADIX;
        unsigned shift = width * d;
        if (c[from[0] >> shift & mask] == n)
            continue; /* one value of this digit: already in order */
        size_t sum = 0;
        for (size_t v = 0; v <= mask; v++) {
            size_t here = c[v];
            c[v] = sum;
            sum += here;
        }
        for (size_t i = 0; i < n; i++) {
            size_t at = c[from[i] >> shift & mask]++;
            to[at] = from[i];
            if (ref)
                rto[at] = rfrom[i];
        }
        uint64_t *t = from;
        from = to;
        to = t;
        uint32_t *rt = rfrom;
        rfrom = rto;
        rto = rt;
    }
    if (from != key) {
        memcpy(key, from, n * sizeof *key);
        if (ref)
            memcpy(ref, rfrom, n * sizeof *ref);
    }
}

cg_status sort_keys(uint64_t *key, uint32_t *ref, size_t n, unsigned bits)
{
    if (n < 2 || bits == 0)
        return CG_OK;
    scratch s;
    if (scratch_init(&s, n, ref != NULL) != CG_OK)
        return CG_ENOMEM;
    radix_sort(key, ref, n, bits > 64 ? 64 : bits, &s);
    scratch_free(&s);
    return CG_OK;
}

/* The eight bytes of s from depth on (s has no NUL before depth) as one
 * big-endian number, zeros after the end of s. */
static uint64_t chunk_at(const char *s, size_t depth)
{
    const unsigned char *u = (const unsigned char *)s + depth;
    uint64_t k = 0;
    unsigned i = 0;
    for (; i < 8 && u[i]; i++)
        k = k << 8 | u[i];
    return i == 0 ? 0 : k << (8 * (8 - i));
}

/* Sorts the entries e[ref[0..n)] (all alike in their first depth bytes)
 * by id from depth on; key[i] holds the chunk at depth of e[ref[i]]. */
static void sort_run(const id_entry *e, uint64_t *key, uint32_t *ref, size_t n, size_t depth,
                     const scratch *s)
{
    if (n < SHORT_RUN) {
        for (size_t i = 1; i < n; i++) {
            uint32_t r = ref[i];
            const char *id = e[r].id + depth;
            size_t j = i;
            for (; j > 0 && strcmp(e[ref[j - 1]].id + depth, id) > 0; j--)
                ref[j] = ref[j - 1];
            ref[j] = r;
        }
        return;
    }
    radix_sort(key, ref, n, 64, s);
    for (size_t a = 0, b; a < n; a = b) {
        for (b = a + 1; b < n && key[b] == key[a]; b++)
            ;
        /* a run of ids alike in eight more bytes, none ending in them */
        if (b - a > 1 && (key[a] & 0xFF) != 0) {
            for (size_t i = a; i < b; i++)
                key[i] = chunk_at(e[ref[i]].id, depth + 8);
            sort_run(e, key + a, ref + a, b - a, depth + 8, s);
        }
    }
}

cg_status sort_ids(id_entry *e, size_t n)
{
    if (n < 2)
        return CG_OK;
    scratch s;
    uint64_t *key = cg_malloc(n * sizeof *key);
    uint32_t *ref = cg_malloc(n * sizeof *ref);
    id_entry *sorted = cg_malloc(n * sizeof *sorted);
    if (key == NULL || ref == NULL || sorted == NULL || scratch_init(&s, n, 1) != CG_OK) {
        cg_free(key);
        cg_free(ref);
        cg_free(sorted);
        return CG_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) {
        key[i] = chunk_at(e[i].id, 0);
        ref[i] = (uint32_t)i;
    }
    sort_run(e, key, ref, n, 0, &s);
    for (size_t i = 0; i < n; i++)
        sorted[i] = e[ref[i]];
    memcpy(e, sorted, n * sizeof *e);
    scratch_free(&s);
    cg_free(key);
    cg_free(ref);
    cg_free(sorted);
    return CG_OK;
}
