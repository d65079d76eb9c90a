/* The graph builder's sorts (src/graph/sort.c) against qsort. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "../../src/graph/sort.h"

/* splitmix64: a fixed sequence from each seed */
static uint64_t next_random(uint64_t *state)
{
    uint64_t z = (*state += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* A key and where it was before the sort. */
typedef struct keyed {
    uint64_t key;
    uint32_t at;
} keyed;

/* By key, then by place: what a stable sort gives. */
static int cmp_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->at < y->at ? -1 : x->at > y->at;
}

/* Sizes around the shortest sorted by radix, and larger. */
static const size_t key_counts[] = {0, 1, 2, 47, 48, 49, 1000, 5000};
/* Key widths: a digit, a digit and a bit, the graph's 2 x 17, every bit. */
static const unsigned key_bits[] = {1, 12, 13, 34, 40, 64};

START_TEST(test_sort_keys_stable)
{
    size_t n = key_counts[_i % (sizeof key_counts / sizeof key_counts[0])];
    unsigned bits = key_bits[_i / (sizeof key_counts / sizeof key_counts[0])];
    uint64_t mask = bits == 64 ? ~UINT64_C(0) : (UINT64_C(1) << bits) - 1;
    uint64_t state = 0x9e3779b97f4a7c15u + (uint64_t)_i;
    uint64_t *key = malloc((n + 1) * sizeof *key);
    uint32_t *ref = malloc((n + 1) * sizeof *ref);
    keyed *want = malloc((n + 1) * sizeof *want);
    ck_assert(key && ref && want);
    for (size_t i = 0; i < n; i++) {
        /* few distinct values in half the cases: many equal keys */
        uint64_t r = next_random(&state);
        key[i] = (i % 2 ? r % 7 : r) & mask;
        ref[i] = (uint32_t)i;
        want[i] = (keyed){key[i], (uint32_t)i};
    }
    qsort(want, n, sizeof *want, cmp_keyed);
    ck_assert_int_eq(sort_keys(key, ref, n, bits), CG_OK);
    for (size_t i = 0; i < n; i++) {
        ck_assert_uint_eq(key[i], want[i].key);
        ck_assert_uint_eq(ref[i], want[i].at);
    }
    /* without refs: the same keys */
    for (size_t i = 0; i < n; i++)
        key[i] = want[(i * 7919) % n].key;
    ck_assert_int_eq(sort_keys(key, NULL, n, bits), CG_OK);
    for (size_t i = 0; i < n; i++)
        ck_assert_uint_eq(key[i], want[i].key);
    free(key);
    free(ref);
    free(want);
}
END_TEST

START_TEST(test_bits_of)
{
    ck_assert_uint_eq(sort_bits_of(0), 0);
    ck_assert_uint_eq(sort_bits_of(1), 1);
    ck_assert_uint_eq(sort_bits_of(89323), 17);
    ck_assert_uint_eq(sort_bits_of(UINT32_MAX), 32);
    ck_assert_uint_eq(sort_bits_of(~UINT64_C(0)), 64);
}
END_TEST

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const id_entry *)a)->id, ((const id_entry *)b)->id);
}

/* Distinct ids alike in their first 0 to 24 bytes, some ending where
 * others go on, some with bytes above 0x7F: sorted as strcmp sorts. */
START_TEST(test_sort_ids_as_strcmp)
{
    static const char *const stems[] = {"", "S/RES/12", "doc:doc0", "A/HRC/8/6/Add.",
                                        "A/RES/77/267 (2022)/", "\xc3\xa9t\xc3\xa9"};
    size_t n = (size_t)_i == 0 ? 3 : 5000;
    uint64_t state = 0x2545F4914F6CDD1Du + (uint64_t)_i;
    char (*ids)[48] = calloc(n, sizeof *ids);
    id_entry *got = malloc(n * sizeof *got), *want = malloc(n * sizeof *want);
    ck_assert(ids && got && want);
    for (size_t i = 0; i < n; i++) {
        const char *stem = stems[next_random(&state) % (sizeof stems / sizeof stems[0])];
        /* the index keeps the ids distinct; a few letters vary the rest */
        int len = snprintf(ids[i], sizeof ids[i], "%s%zu", stem, i);
        unsigned extra = (unsigned)(next_random(&state) % 4);
        for (unsigned k = 0; k < extra && len + 1 < (int)sizeof ids[i]; k++)
            ids[i][len++] = (char)('a' + next_random(&state) % 3);
        ids[i][len] = '\0';
        got[i] = want[i] = (id_entry){ids[i], (uint32_t)i};
    }
    qsort(want, n, sizeof *want, cmp_entry);
    ck_assert_int_eq(sort_ids(got, n), CG_OK);
    for (size_t i = 0; i < n; i++) {
        ck_assert_str_eq(got[i].id, want[i].id);
        ck_assert_uint_eq(got[i].index, want[i].index);
    }
    free(ids);
    free(got);
    free(want);
}
END_TEST

/* An id that is a prefix of another, eight and sixteen bytes long. */
START_TEST(test_sort_ids_prefixes)
{
    id_entry e[] = {{"abcdefghijklmnopq", 0}, {"abcdefgh", 1}, {"abcdefghijklmnop", 2},
                    {"abcdefg", 3},           {"", 4},         {"abcdefghi", 5}};
    static const unsigned order[] = {4, 3, 1, 5, 2, 0};
    ck_assert_int_eq(sort_ids(e, sizeof e / sizeof e[0]), CG_OK);
    for (size_t i = 0; i < sizeof e / sizeof e[0]; i++)
        ck_assert_uint_eq(e[i].index, order[i]);
}
END_TEST

static Suite *sort_suite(void)
{
    Suite *s = suite_create("sort");
    TCase *tc = tcase_create("sort");
    tcase_add_loop_test(tc, test_sort_keys_stable, 0,
                        (int)(sizeof key_counts / sizeof key_counts[0] *
                              (sizeof key_bits / sizeof key_bits[0])));
    tcase_add_test(tc, test_bits_of);
    tcase_add_loop_test(tc, test_sort_ids_as_strcmp, 0, 2);
    tcase_add_test(tc, test_sort_ids_prefixes);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_MAIN(sort_suite)
