/* An ordered parallel map over the files of a corpus: threads do each
 * item's work (reading, extracting) into a slot, and the calling thread
 * uses the results strictly in item order, so that the output is the
 * same whatever the number of threads; while the next result is not
 * ready, the calling thread does items' work too.  At most nslots items
 * are in flight: memory is bounded by the slots, not by the corpus. */
#ifndef CITEGRAPH_CLI_POOL_H
#define CITEGRAPH_CLI_POOL_H

#include <stddef.h>

/* What a pool does with item i and its slot. */
typedef struct cli_pool_ops {
    /* In any of the threads, the calling one too: item i's work, into
     * slot (no shared state but what is read-only). */
    void (*work)(void *shared, size_t i, void *slot);
    /* In the calling thread, in item order: uses item i's result in
     * slot; nonzero stops the pool (the items after it are not used). */
    int (*use)(void *shared, size_t i, void *slot);
} cli_pool_ops;

/* Runs work and use over items [0, n) with jobs threads, the calling
 * one included (1: no other thread), slots an array of nslots (at least
 * jobs) slots of slot_size bytes.  Returns 0 when every item was used,
 * 1 when use stopped it, -1 when out of memory (reported). */
int cli_pool_run(size_t n, unsigned jobs, const cli_pool_ops *ops, void *shared, void *slots,
                 size_t slot_size, size_t nslots);

/* The default number of threads: the processors online (at least 1). */
unsigned cli_pool_default_jobs(void);

#endif
