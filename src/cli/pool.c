/* The ordered parallel map (see pool.h).  Item i goes to slot i % nslots;
 * an item is taken, in order, only when its slot has been used.  The
 * calling thread uses the items in order and, while the next one is not
 * done, takes items itself instead of waiting: with jobs threads in all,
 * jobs - 1 are started, and a thread is woken only when the item it
 * waits for is done or a slot it waits for is free. */
#include "pool.h"

#include <pthread.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

enum { SLOT_FREE, SLOT_BUSY, SLOT_DONE };

typedef struct pool {
    const cli_pool_ops *ops;
    void *shared;
    char *slots;
    size_t slot_size, nslots, n;
    unsigned char *state; /* per slot */
    size_t next;          /* next item to hand out */
    size_t used;          /* items used so far */
    size_t awaited;       /* the item the calling thread sleeps on, or n */
    unsigned idle;        /* workers asleep until a slot is free */
    int stop;
    pthread_mutex_t mu;
    pthread_cond_t done;  /* the awaited item is done */
    pthread_cond_t freed; /* a slot is free again, or stop */
} pool;

/* The next item, its slot marked busy, if there is one and its slot is
 * free; else n.  With the lock held. */
static size_t take(pool *p)
{
    if (p->stop || p->next >= p->n || p->next >= p->used + p->nslots)
        return p->n;
    size_t i = p->next++;
    p->state[i % p->nslots] = SLOT_BUSY;
    return i;
}

/* Does item i's work, the lock released meanwhile, and marks it done. */
static void run_item(pool *p, size_t i)
{
    size_t s = i % p->nslots;
    pthread_mutex_unlock(&p->mu);
    p->ops->work(p->shared, i, p->slots + s * p->slot_size);
    pthread_mutex_lock(&p->mu);
    p->state[s] = SLOT_DONE;
    if (p->awaited == i)
        pthread_cond_signal(&p->done);
}

static void *worker(void *arg)
{
    pool *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        size_t i = take(p);
        if (i < p->n) {
            run_item(p, i);
            continue;
        }
        if (p->stop || p->next >= p->n)
            break;
        p->idle++;
        pthread_cond_wait(&p->freed, &p->mu);
        p->idle--;
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* Uses the items in order as they are done, doing items' work while the
 * next is not; 1 if use stopped. */
static int consume(pool *p)
{
    for (size_t i = 0; i < p->n; i++) {
        size_t s = i % p->nslots;
        pthread_mutex_lock(&p->mu);
        while (p->state[s] != SLOT_DONE) {
            size_t j = take(p);
            if (j < p->n) {
                run_item(p, j);
                continue;
            }
            p->awaited = i;
            pthread_cond_wait(&p->done, &p->mu);
            p->awaited = p->n;
        }
        pthread_mutex_unlock(&p->mu);
        int stop = p->ops->use(p->shared, i, p->slots + s * p->slot_size);
        pthread_mutex_lock(&p->mu);
        p->state[s] = SLOT_FREE;
        p->used = i + 1;
        if (stop)
            p->stop = 1;
        if (p->idle)
            pthread_cond_broadcast(&p->freed);
        pthread_mutex_unlock(&p->mu);
        if (stop)
            return 1;
    }
    return 0;
}

int cli_pool_run(size_t n, unsigned jobs, const cli_pool_ops *ops, void *shared, void *slots,
                 size_t slot_size, size_t nslots)
{
    if (jobs <= 1 || n <= 1) {
        for (size_t i = 0; i < n; i++) {
            ops->work(shared, i, slots);
            if (ops->use(shared, i, slots))
                return 1;
        }
        return 0;
    }
    if (jobs > n)
        jobs = (unsigned)n;
    pool p;
    memset(&p, 0, sizeof p);
    p.ops = ops;
    p.shared = shared;
    p.slots = slots;
    p.slot_size = slot_size;
    p.nslots = nslots;
    p.n = n;
    p.awaited = n;
    p.state = cg_calloc(nslots, 1);
    pthread_t *threads = cg_calloc(jobs - 1, sizeof *threads);
    if (p.state == NULL || threads == NULL) {
        cg_free(p.state);
        cg_free(threads);
        cli_error("out of memory");
        return -1;
    }
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.done, NULL);
    pthread_cond_init(&p.freed, NULL);
    /* the calling thread is one of the jobs: fewer workers started than
     * asked for only means fewer items at once */
    unsigned started = 0;
    for (; started < jobs - 1; started++)
        if (pthread_create(&threads[started], NULL, worker, &p) != 0)
            break;
    int rc = consume(&p);
    pthread_mutex_lock(&p.mu);
    p.stop = 1;
    pthread_cond_broadcast(&p.freed);
    pthread_mutex_unlock(&p.mu);
    for (unsigned t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    pthread_cond_destroy(&p.freed);
    pthread_cond_destroy(&p.done);
    pthread_mutex_destroy(&p.mu);
    cg_free(threads);
    cg_free(p.state);
    return rc;
}

unsigned cli_pool_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (unsigned)n;
}
