/* Allocation through one hook, so that tests can make any single
 * allocation fail and check that every path recovers cleanly.  The
 * countdown is atomic: threads that allocate at once (the graph's
 * vertices are filled while its edges are made) take one step each. */
#include "citegraph/core.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static _Atomic long fail_countdown;

void cg_alloc_fail_after(long n) { atomic_store(&fail_countdown, n); }

long cg_alloc_fail_pending(void) { return atomic_load(&fail_countdown); }

static int should_fail(void)
{
    long left = atomic_load_explicit(&fail_countdown, memory_order_relaxed);
    while (left > 0)
        if (atomic_compare_exchange_weak(&fail_countdown, &left, left - 1))
            return left == 1;
    return 0;
}

void *cg_malloc(size_t size)
{
    if (should_fail())
        return NULL;
    return malloc(size ? size : 1);
}

void *cg_realloc(void *ptr, size_t size)
{
    if (should_fail())
        return NULL;
    return realloc(ptr, size ? size : 1);
}

void *cg_calloc(size_t n, size_t size)
{
    if (size != 0 && n > SIZE_MAX / size)
        return NULL;
    if (should_fail())
        return NULL;
    return calloc(n ? n : 1, size ? size : 1);
}

void cg_free(void *ptr) { free(ptr); }

char *cg_strndup(const char *s, size_t n)
{
    char *copy = cg_malloc(n + 1);
    if (copy == NULL)
        return NULL;
    memcpy(copy, s, n);
    copy[n] = '\0';
    return copy;
}

char *cg_strdup(const char *s) { return cg_strndup(s, strlen(s)); }
