/* Reading ahead of a pass over the corpus: the parts of files its threads
 * will read next are asked of the system (cg_text_prefetch) while the
 * current ones are worked on, so that a corpus not in the page cache is
 * read from disk while the processors work rather than in turns with
 * them.  A window of bytes past the item being started bounds what is
 * asked, so that memory does not fill with text not yet needed. */
#ifndef CITEGRAPH_CLI_READAHEAD_H
#define CITEGRAPH_CLI_READAHEAD_H

#include <stdatomic.h>
#include <stdint.h>

#include "cli.h"

/* The parts read ahead of one pass: the heads of the files (the first
 * pass) or the items (files, or pieces of large ones: the second). */
typedef struct cli_readahead {
    const cli_corpus *cc;
    int heads;        /* 1: each file's head; 0: each item */
    size_t n;         /* files or items */
    uint64_t *at;     /* bytes of the parts before each, n + 1 of them */
    uint64_t window;  /* bytes asked for past the part being started */
    _Atomic size_t next; /* the first part not yet asked for */
} cli_readahead;

/* Prepares reading ahead of the heads of cc's files (heads 1) or of its
 * items (0); 0 if out of memory (then nothing is read ahead). */
int cli_readahead_init(cli_readahead *ra, const cli_corpus *cc, int heads, uint64_t window);

/* As part i is started (on any thread): asks for the parts that begin
 * less than the window past its start and were not asked for yet. */
void cli_readahead_at(cli_readahead *ra, size_t i);

/* Releases what cli_readahead_init made. */
void cli_readahead_free(cli_readahead *ra);

#endif
