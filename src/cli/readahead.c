/* Reading ahead of the passes over a corpus (readahead.h). */
#include "readahead.h"

#include "citegraph/identity.h"
#include "citegraph/text.h"

/* Where part i of the pass lies in its file: offset and length. */
static void part_of(const cli_readahead *ra, size_t i, const char **path, uint64_t *offset,
                    uint64_t *length)
{
    const cli_corpus *cc = ra->cc;
    size_t file = ra->heads ? i : cc->items[i].file;
    const cg_corpus_file *f = &cc->corpus.files[file];
    *path = f->path;
    *offset = 0;
    if (cc->skipped != NULL && cc->skipped[file] && !ra->heads) {
        *length = 0; /* not read again */
    } else if (ra->heads) {
        *length = f->size < CG_DOC_HEAD_BYTES ? f->size : CG_DOC_HEAD_BYTES;
    } else if (cc->items[i].npieces == 1) {
        *length = f->size;
    } else {
        *offset = (uint64_t)cc->items[i].piece * CG_PIECE_BYTES;
        *length = CG_PIECE_BYTES + CG_PIECE_SLACK;
    }
}

int cli_readahead_init(cli_readahead *ra, const cli_corpus *cc, int heads, uint64_t window)
{
    ra->cc = cc;
    ra->heads = heads;
    ra->n = heads ? cc->corpus.n : cc->nitems;
    ra->window = window;
    atomic_init(&ra->next, 0);
    ra->at = cg_malloc((ra->n + 1) * sizeof *ra->at);
    if (ra->at == NULL) {
        ra->n = 0;
        return 0;
    }
    ra->at[0] = 0;
    for (size_t i = 0; i < ra->n; i++) {
        const char *path;
        uint64_t offset, length;
        part_of(ra, i, &path, &offset, &length);
        ra->at[i + 1] = ra->at[i] + length;
    }
    return 1;
}

void cli_readahead_at(cli_readahead *ra, size_t i)
{
    if (i >= ra->n)
        return;
    uint64_t until = ra->at[i] + ra->window;
    size_t next = atomic_load_explicit(&ra->next, memory_order_relaxed);
    while (next < ra->n && ra->at[next] < until) {
        /* each part asked for once, by the thread that moves next past it */
        if (!atomic_compare_exchange_weak(&ra->next, &next, next + 1))
            continue;
        const char *path;
        uint64_t offset, length;
        part_of(ra, next, &path, &offset, &length);
        if (length > 0)
            cg_text_prefetch(path, offset, length);
        next++;
    }
}

void cli_readahead_free(cli_readahead *ra)
{
    cg_free(ra->at);
    ra->at = NULL;
    ra->n = 0;
}
