/* The line ends of the items of a pass, posted by the threads that read
 * them, so that the thread of a later piece of the same file knows the
 * lines before it and numbers its rows itself.  Every item is posted
 * once, right after it is read, before any wait: since items are handed
 * out in order, a wait is always on items already handed out, and ends. */
#ifndef CITEGRAPH_CLI_LINE_BOARD_H
#define CITEGRAPH_CLI_LINE_BOARD_H

#include <pthread.h>
#include <stddef.h>

typedef struct cli_line_board {
    long *ends;            /* per item, once posted */
    unsigned char *posted; /* per item */
    size_t n;
    pthread_mutex_t mu;
    pthread_cond_t cv;
} cli_line_board;

/* Makes a board for n items; 0 if out of memory. */
int cli_line_board_init(cli_line_board *b, size_t n);

/* Posts the line ends of item i. */
void cli_line_board_post(cli_line_board *b, size_t i, long ends);

/* The line ends of items [first, i), waiting for those not yet posted. */
long cli_line_board_before(cli_line_board *b, size_t first, size_t i);

/* Releases the board. */
void cli_line_board_free(cli_line_board *b);

#endif
