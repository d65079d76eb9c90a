/* The line ends of a pass's items (see line_board.h). */
#include "line_board.h"

#include "citegraph/core.h"

int cli_line_board_init(cli_line_board *b, size_t n)
{
    b->n = n;
    b->ends = cg_calloc(n ? n : 1, sizeof *b->ends);
    b->posted = cg_calloc(n ? n : 1, 1);
    if (b->ends == NULL || b->posted == NULL) {
        cg_free(b->ends);
        cg_free(b->posted);
        return 0;
    }
    pthread_mutex_init(&b->mu, NULL);
    pthread_cond_init(&b->cv, NULL);
    return 1;
}

void cli_line_board_post(cli_line_board *b, size_t i, long ends)
{
    pthread_mutex_lock(&b->mu);
    b->ends[i] = ends;
    b->posted[i] = 1;
    pthread_cond_broadcast(&b->cv);
    pthread_mutex_unlock(&b->mu);
}

long cli_line_board_before(cli_line_board *b, size_t first, size_t i)
{
    long sum = 0;
    pthread_mutex_lock(&b->mu);
    for (size_t j = first; j < i; j++) {
        while (!b->posted[j])
            pthread_cond_wait(&b->cv, &b->mu);
        sum += b->ends[j];
    }
    pthread_mutex_unlock(&b->mu);
    return sum;
}

void cli_line_board_free(cli_line_board *b)
{
    pthread_cond_destroy(&b->cv);
    pthread_mutex_destroy(&b->mu);
    cg_free(b->ends);
    cg_free(b->posted);
}
