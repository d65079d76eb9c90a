/* Unit suite of reading ahead of the passes over a corpus: the parts
 * asked for (the files' heads, or the items: whole files and pieces of
 * large ones), the window that bounds them, each part asked for once,
 * and a prefetched file coming into the page cache. */
#include "unit.h"

#include "readahead.h"

/* A corpus listed in memory: three files, the third read in pieces. */
static cg_corpus_file files[3];
static char paths[3][64];
static cli_item items[3 + 8];
static unsigned char skipped[3];
static cli_corpus cc;

static void make_corpus(uint64_t big)
{
    static const uint64_t sizes[2] = {1000, 200000};
    memset(&cc, 0, sizeof cc);
    memset(skipped, 0, sizeof skipped);
    size_t n = 0;
    for (size_t f = 0; f < 3; f++) {
        snprintf(paths[f], sizeof paths[f], "/nonexistent/doc%zu.txt", f);
        files[f] = (cg_corpus_file){paths[f], paths[f], CG_MARKUP_PLAIN, f < 2 ? sizes[f] : big};
        size_t pieces = cg_text_pieces(files[f].size, CG_MARKUP_PLAIN);
        for (size_t k = 0; k < pieces; k++)
            items[n++] = (cli_item){f, k, pieces};
    }
    cc.corpus.files = files;
    cc.corpus.n = 3;
    cc.items = items;
    cc.nitems = n;
    cc.skipped = skipped;
}

/* The heads of the files: at most CG_DOC_HEAD_BYTES each. */
START_TEST(test_heads)
{
    make_corpus(CG_PIECE_FILE_MIN);
    cli_readahead ra;
    ck_assert_int_eq(cli_readahead_init(&ra, &cc, 1, 100000), 1);
    ck_assert_uint_eq(ra.n, 3);
    ck_assert_uint_eq(ra.at[1], 1000);
    ck_assert_uint_eq(ra.at[2], 1000 + CG_DOC_HEAD_BYTES);
    ck_assert_uint_eq(ra.at[3], 1000 + 2 * CG_DOC_HEAD_BYTES);
    cli_readahead_at(&ra, 0); /* 0 and 1 begin within 100000 bytes; 2 at 66536 too */
    ck_assert_uint_eq(atomic_load(&ra.next), 3);
    cli_readahead_free(&ra);
}
END_TEST

/* The items: whole files, then the pieces of the large one with their
 * slack; the window moves with the item started, never back; a file the
 * first pass could not read is not asked for again. */
START_TEST(test_items_window)
{
    make_corpus(CG_PIECE_FILE_MIN);
    size_t pieces = (size_t)(CG_PIECE_FILE_MIN / CG_PIECE_BYTES);
    ck_assert_uint_eq(cc.nitems, 2 + pieces);
    skipped[1] = 1;
    cli_readahead ra;
    ck_assert_int_eq(cli_readahead_init(&ra, &cc, 0, 3 * (CG_PIECE_BYTES / 2)), 1);
    ck_assert_uint_eq(ra.at[1], 1000);
    ck_assert_uint_eq(ra.at[2], 1000); /* skipped: nothing to read */
    for (size_t k = 0; k < pieces; k++)
        ck_assert_uint_eq(ra.at[3 + k] - ra.at[2 + k], CG_PIECE_BYTES + CG_PIECE_SLACK);
    cli_readahead_at(&ra, 0);
    /* the parts beginning within 3 MiB of the start: files 0, 1, pieces 0, 1 */
    ck_assert_uint_eq(atomic_load(&ra.next), 4);
    cli_readahead_at(&ra, 2); /* piece 2 begins past 3 MiB from piece 0 */
    ck_assert_uint_eq(atomic_load(&ra.next), 4);
    cli_readahead_at(&ra, 3);
    ck_assert_uint_eq(atomic_load(&ra.next), 5);
    cli_readahead_at(&ra, 0); /* behind: nothing more */
    ck_assert_uint_eq(atomic_load(&ra.next), 5);
    cli_readahead_at(&ra, cc.nitems - 1);
    ck_assert_uint_eq(atomic_load(&ra.next), cc.nitems);
    cli_readahead_at(&ra, cc.nitems); /* past the end: nothing */
    ck_assert_uint_eq(atomic_load(&ra.next), cc.nitems);
    cli_readahead_free(&ra);
    cli_readahead_free(&ra); /* twice: harmless */
}
END_TEST


/* A file whose pages were dropped comes back into the page cache once
 * prefetched (where the file system drops them: not on tmpfs); a
 * missing file or a folder is no error. */
START_TEST(test_prefetch)
{
    enum { BYTES = 1 << 20 };
    char dir[64], path[96];
    snprintf(dir, sizeof dir, "/tmp/citegraph-ahead-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/doc.txt", dir);
    char *bytes = malloc(BYTES);
    ck_assert_ptr_nonnull(bytes);
    memset(bytes, 'x', BYTES);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, bytes, BYTES), BYTES);
    ck_assert_int_eq(fsync(fd), 0);
    ck_assert_int_eq(posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED), 0);
    close(fd);
    free(bytes);
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    if (unit_resident_pages(path, BYTES) == 0) { /* dropped: prefetching brings it back */
        cg_text_prefetch(path, 0, BYTES);
        size_t got = 0;
        for (int wait = 0; wait < 200 && got < BYTES / page; wait++) {
            got = unit_resident_pages(path, BYTES);
            if (got < BYTES / page)
                usleep(10000);
        }
        ck_assert_uint_eq(got, BYTES / page);
    }
    cg_text_prefetch("/nonexistent/doc.txt", 0, 100);
    cg_text_prefetch(dir, 0, 100);
    unlink(path);
    rmdir(dir);
}
END_TEST

static Suite *readahead_suite(void)
{
    Suite *s = suite_create("readahead");
    TCase *tc = tcase_create("readahead");
    tcase_add_test(tc, test_heads);
    tcase_add_test(tc, test_items_window);
    tcase_add_test(tc, test_prefetch);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_MAIN(readahead_suite)
