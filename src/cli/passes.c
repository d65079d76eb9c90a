/* The passes over the files of a corpus, on a pool of threads that hands
 * the documents over in file order (pool.h): the first reads the head of
 * each file for its identity, the second reads it again and extracts its
 * references.  Large files are read in pieces (cg_text_load_piece), each
 * piece an item of the pool, so that threads share a large file and
 * memory holds pieces, not files: at most four times as many documents or
 * pieces as threads are in memory.  The rows are formatted with the
 * work, a piece's lines counted on from the pieces before it
 * (line_board.h); the calling thread hands them over in order. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "line_board.h"
#include "pool.h"
#include "readahead.h"

/* Bytes asked of the system ahead of the threads: the files' heads in
 * the first pass, the items in the second. */
#define HEADS_AHEAD ((uint64_t)4 << 20)
#define ITEMS_AHEAD ((uint64_t)32 << 20)

/* A document in flight: its text and references once read. */
typedef struct doc_slot {
    cg_text text;
    int loaded;    /* 1: text holds the document; 2: read, its text freed */
    cg_error err;  /* why it could not be read */
    cg_status st;  /* CG_OK, or what failed */
    int skip;      /* not a document to read in this pass */
    long line_ends; /* of a piece */
    long line_base; /* lines of its file before a piece */
    cg_buf rows;    /* its rows, when asked for */
    cg_refs refs;
    cg_identity who;
    cg_doc_parts parts;     /* first pass: the windows read of the document */
    cg_doc_reading reading; /* first pass: what its head says */
} doc_slot;

/* What the passes share: read-only but for the calling thread's part. */
typedef struct pass {
    const cli_common *common;
    const cg_registry *reg;
    cli_corpus *cc;
    const cg_extractor *ex; /* second pass */
    cli_doc_fn fn;
    void *ctx;
    const cg_refs_format *rows; /* second pass: the rows to format, or NULL */
    cli_line_board *lines;      /* second pass: the line ends of the items read */
    cli_progress progress;
    int status;
    cli_readahead *ahead; /* what is read ahead of the threads, or NULL */
} pass;

static unsigned jobs_of(const cli_common *common)
{
    return common->jobs ? common->jobs : cli_pool_default_jobs();
}

/* Slots for the pool: four times the threads, so that none waits on
 * another (the calling thread, busy with an item of its own, uses the
 * others' only after it). */
static doc_slot *new_slots(unsigned jobs, size_t *nslots)
{
    *nslots = (size_t)jobs * 4;
    return cg_calloc(*nslots, sizeof(doc_slot));
}

static void free_slots(doc_slot *slots, size_t nslots)
{
    for (size_t i = 0; slots && i < nslots; i++) {
        if (slots[i].loaded == 1)
            cg_text_free(&slots[i].text);
        cg_doc_parts_free(&slots[i].parts);
        cg_doc_reading_free(&slots[i].reading);
        cg_refs_free(&slots[i].refs);
        cg_buf_free(&slots[i].rows);
    }
    cg_free(slots);
}

/* Reads item it (a file, or a piece of one) into text, as markup. */
static cg_status read_item(const pass *ps, const cli_item *it, cg_markup markup, cg_text *text,
                           doc_slot *d)
{
    const cg_corpus_file *f = &ps->cc->corpus.files[it->file];
    cg_error_clear(&d->err);
    d->line_ends = 0;
    if (it->npieces == 1)
        return cg_text_load(text, f->path, markup, &d->err);
    return cg_text_load_piece(text, f->path, markup, it->piece, &d->line_ends, &d->err);
}

/* The items of the corpus: each file, a large one as its pieces (unless
 * whole files are asked for).  0 if out of memory. */
static int plan_items(const cli_common *common, cli_corpus *cc)
{
    size_t n = 0, cap = cc->corpus.n ? cc->corpus.n : 1;
    cli_item *items = cg_malloc(cap * sizeof *items);
    for (size_t i = 0; items != NULL && i < cc->corpus.n; i++) {
        const cg_corpus_file *f = &cc->corpus.files[i];
        size_t pieces = 1;
        if (!common->whole_files && !cc->skipped[i])
            pieces = cg_text_pieces(f->size, (cg_markup)f->markup);
        if (n + pieces > cap) {
            cap = (n + pieces) * 2;
            cli_item *more = cg_realloc(items, cap * sizeof *items);
            if (more == NULL) {
                cg_free(items);
                items = NULL;
                break;
            }
            items = more;
        }
        for (size_t k = 0; k < pieces; k++)
            items[n++] = (cli_item){i, k, pieces};
    }
    cc->items = items;
    cc->nitems = items ? n : 0;
    return items != NULL;
}

/* First pass, in a thread of the pool: reads the head of file i (a PDF whole: its text
 * layer has no shortcut), cleans it and reads what it says. */
static void head_work(void *shared, size_t i, void *slot)
{
    const pass *ps = shared;
    doc_slot *d = slot;
    const cg_corpus_file *f = &ps->cc->corpus.files[i];
    cg_error_clear(&d->err);
    d->loaded = 0;
    if (ps->ahead != NULL)
        cli_readahead_at(ps->ahead, i);
    cg_text raw;
    int pdf = f->markup == CG_MARKUP_PDF;
    d->st = pdf ? cg_text_load(&raw, f->path, CG_MARKUP_PDF, &d->err)
                : cg_text_load_head(&raw, f->path, CG_DOC_HEAD_LINES, CG_DOC_HEAD_BYTES, &d->err);
    if (d->st != CG_OK)
        return;
    cg_doc_parts parts;
    d->st = cg_doc_parts_head(&raw, pdf ? CG_MARKUP_PLAIN : (cg_markup)f->markup, f->path,
                              &parts, &d->err);
    cg_text_free(&raw);
    if (d->st != CG_OK)
        return;
    d->st = cg_doc_read(ps->reg, f->rel, cli_manifest_entry(ps->cc, f), &parts.head, &d->reading);
    cg_doc_parts_free(&parts);
    if (d->st != CG_OK)
        cg_error_set(&d->err, d->st, f->path, 0, 0, "out of memory");
    d->loaded = d->st == CG_OK;
}

/* First pass, in file order: records what document i says of itself. */
static int head_use(void *shared, size_t i, void *slot)
{
    pass *ps = shared;
    doc_slot *d = slot;
    cli_corpus *cc = ps->cc;
    const cg_corpus_file *f = &cc->corpus.files[i];
    if (!d->loaded) {
        cg_error_print(&d->err, stderr);
        if (d->err.status == CG_ENOMEM)
            return 1;
        cc->skipped[i] = 1;
        cc->failures++;
        return 0;
    }
    cli_manifest_mark_used(cc, f);
    cg_status st = cg_identities_put(cc->ids, i, &d->reading);
    cg_doc_reading_free(&d->reading);
    d->loaded = 0;
    if (st != CG_OK) {
        cli_error("%s: %s", f->path, cg_status_name(st));
        return 1;
    }
    return 0;
}

/* Second part of the first pass, only when some document could be named
 * by another: the windows around each "dated" of item i (a file or a
 * piece), in a thread of the pool.  A file that cannot be read is left to the second
 * pass to report. */
static void claims_work(void *shared, size_t i, void *slot)
{
    const pass *ps = shared;
    doc_slot *d = slot;
    const cli_item *it = &ps->cc->items[i];
    const cg_corpus_file *f = &ps->cc->corpus.files[it->file];
    d->loaded = 0;
    if (ps->cc->skipped[it->file])
        return;
    cg_text raw;
    int pdf = f->markup == CG_MARKUP_PDF;
    d->st = read_item(ps, it, pdf ? CG_MARKUP_PDF : CG_MARKUP_NONE, &raw, d);
    if (d->st != CG_OK)
        return;
    memset(&d->parts, 0, sizeof d->parts);
    cg_markup markup = pdf ? CG_MARKUP_PLAIN : (cg_markup)f->markup;
    d->st = cg_doc_parts_windows(ps->reg, &raw, markup, f->path, &d->parts, &d->err);
    cg_text_free(&raw);
    d->loaded = 1; /* the parts hold what was cut, even on failure */
}

/* In file order: records what item i says of the other documents. */
static int claims_use(void *shared, size_t i, void *slot)
{
    pass *ps = shared;
    doc_slot *d = slot;
    if (!d->loaded)
        return 0;
    cg_status st = d->st;
    size_t file = ps->cc->items[i].file;
    for (size_t w = 0; w < d->parts.n && st == CG_OK; w++)
        st = cg_identities_add_claims(ps->cc->ids, file, ps->reg, &d->parts.windows[w]);
    cg_doc_parts_free(&d->parts);
    d->loaded = 0;
    if (st == CG_ENOMEM) {
        cli_error("out of memory");
        return 1;
    }
    return 0; /* an unreadable file is the second pass's to report */
}

/* Runs one part of the first pass over n items of the corpus on the pool. */
static int identify_part(const cli_common *common, const cg_registry *reg, cli_corpus *cc,
                         const cli_pool_ops *ops, size_t n, cli_readahead *ahead)
{
    pass ps = {common, reg, cc, NULL, NULL, NULL, NULL, NULL, {0}, CG_EXIT_OK, ahead};
    unsigned jobs = jobs_of(common);
    size_t nslots;
    doc_slot *slots = new_slots(jobs, &nslots);
    if (slots == NULL) {
        cli_error("out of memory");
        return 0;
    }
    int rc = cli_pool_run(n, jobs, ops, &ps, slots, sizeof *slots, nslots);
    free_slots(slots, nslots);
    return rc == 0;
}

int cli_identify_files(const cli_common *common, const cg_registry *reg, cli_corpus *cc)
{
    static const cli_pool_ops heads = {head_work, head_use};
    static const cli_pool_ops claims = {claims_work, claims_use};
    cli_readahead ahead;
    int reading_ahead = cli_readahead_init(&ahead, cc, 1, HEADS_AHEAD);
    int ok = identify_part(common, reg, cc, &heads, cc->corpus.n, reading_ahead ? &ahead : NULL);
    cli_readahead_free(&ahead);
    if (!ok)
        return 0;
    if (!plan_items(common, cc)) {
        cli_error("out of memory");
        return 0;
    }
    return !cg_identities_wanted(cc->ids) || identify_part(common, reg, cc, &claims, cc->nitems, NULL);
}

/* Second pass, in a thread of the pool: reads item i and extracts its references. */
static void extract_work(void *shared, size_t i, void *slot)
{
    const pass *ps = shared;
    doc_slot *d = slot;
    const cli_item *it = &ps->cc->items[i];
    const cg_corpus_file *f = &ps->cc->corpus.files[it->file];
    d->skip = ps->cc->skipped[it->file] || !cg_identities_get(ps->cc->ids, it->file, &d->who);
    d->line_ends = 0;
    d->loaded = 0;
    if (ps->ahead != NULL)
        cli_readahead_at(ps->ahead, i);
    if (!d->skip) {
        d->st = read_item(ps, it, (cg_markup)f->markup, &d->text, d);
        d->loaded = d->st == CG_OK;
    }
    cli_line_board_post(ps->lines, i, d->line_ends); /* before any wait */
    if (!d->loaded)
        return;
    cg_refs_clear(&d->refs);
    d->st = cg_extract(ps->ex, &d->text, &d->who.id, &d->refs);
    /* the lines before a piece: posted by the pieces before it, read first */
    d->line_base = it->piece ? cli_line_board_before(ps->lines, i - it->piece, i) : 0;
    d->text.line_base = d->line_base;
    if (d->st == CG_OK && ps->rows != NULL) {
        cg_buf_clear(&d->rows);
        d->st = cg_refs_write(&d->rows, *ps->rows, f->path, d->who.id.id, &d->text, &d->refs);
    }
    if (ps->rows != NULL) {
        /* the rows are all the calling thread needs of the text: freed
         * here, by the thread that made it */
        cg_text_free(&d->text);
        d->loaded = 2;
    }
}

/* Second pass, in file order: hands item i over, or reports it. */
static int extract_use(void *shared, size_t i, void *slot)
{
    pass *ps = shared;
    doc_slot *d = slot;
    const cli_item *it = &ps->cc->items[i];
    const cg_corpus_file *f = &ps->cc->corpus.files[it->file];
    cli_progress_at(&ps->progress, it->file);
    if (d->skip)
        return 0;
    if (!d->loaded) {
        cli_progress_clear(&ps->progress);
        if (d->err.line > 0 && it->piece > 0) /* a piece's line, made the file's */
            d->err.line += cli_line_board_before(ps->lines, i - it->piece, i);
        cg_error_print(&d->err, stderr); /* changed between the passes, or a bad piece */
        if (d->err.status == CG_ENOMEM) {
            ps->status = CG_EXIT_FATAL;
            return 1;
        }
        ps->cc->failures++;
        return 0;
    }
    int stop = 0;
    if (d->st != CG_OK) {
        cli_progress_clear(&ps->progress);
        cli_error("%s: %s", f->path, cg_status_name(d->st));
        stop = 1;
    } else {
        const cg_buf *rows = ps->rows != NULL ? &d->rows : NULL;
        cg_text *text = d->loaded == 1 ? &d->text : NULL;
        stop = ps->fn(f, &d->who, it->piece, text, &d->refs, rows, ps->ctx) != 0;
    }
    if (d->loaded == 1)
        cg_text_free(&d->text);
    d->loaded = 0;
    if (stop)
        ps->status = CG_EXIT_FATAL;
    return stop;
}

int cli_run_corpus(const cli_common *common, const cg_registry *reg, char **paths,
                   size_t npaths, const cg_refs_format *rows, cli_doc_fn fn, void *ctx)
{
    cli_corpus cc;
    int status = cli_identify(common, reg, paths, npaths, &cc);
    if (status == CG_EXIT_FATAL)
        return status;
    cg_extractor *ex = cg_extractor_new(reg);
    unsigned jobs = jobs_of(common);
    size_t nslots;
    cli_line_board lines;
    int board = ex != NULL && cli_line_board_init(&lines, cc.nitems);
    doc_slot *slots = board ? new_slots(jobs, &nslots) : NULL;
    if (slots == NULL) {
        if (board)
            cli_line_board_free(&lines);
        cg_extractor_free(ex);
        cli_corpus_free(&cc);
        cli_error("out of memory");
        return CG_EXIT_FATAL;
    }
    cli_readahead ahead;
    int reading_ahead = cli_readahead_init(&ahead, &cc, 0, ITEMS_AHEAD);
    pass ps = {common, reg, &cc, ex, fn, ctx, rows, &lines, {0}, CG_EXIT_OK,
               reading_ahead ? &ahead : NULL};
    static const cli_pool_ops ops = {extract_work, extract_use};
    cli_progress_start(&ps.progress, &cc.corpus, common->progress, stderr, isatty(STDERR_FILENO));
    int rc = cli_pool_run(cc.nitems, jobs, &ops, &ps, slots, sizeof *slots, nslots);
    cli_progress_end(&ps.progress, cc.corpus.n);
    status = rc < 0 ? CG_EXIT_FATAL : ps.status;
    if (status == CG_EXIT_OK && cc.failures)
        status = CG_EXIT_SKIPPED;
    free_slots(slots, nslots);
    cli_readahead_free(&ahead);
    cli_line_board_free(&lines);
    cg_extractor_free(ex);
    cli_corpus_free(&cc);
    return status;
}
