/* Unit suite of the start scan: the points where a reference may start,
 * and their trigger bits, found by each scan (CITEGRAPH_SCAN unset,
 * =sse2) the same as by the plain one that checks every byte (=bytes),
 * over texts made of tricky pieces: anchors at block and buffer ends,
 * long runs of capitals, dates across a line break, lexicon words at the
 * very start and end, non-ASCII bytes. */
#include "unit.h"

#include "../../src/ref/internal.h"

/* Pieces the texts are made of. */
static const char *const pieces[] = {
    "A/", "ABC/", "S/RES/", "AB", "Z/", "A", "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLM/",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLM", "12\n July", "5 June", "31  December",
    "1 \n\n May", "7\tMay", "2023 to", "123 April", "12", "1", "9 ", "resolution", "Resolution",
    "RESOLUTION", "resolutions", "decisions", "order", "orders", "Judgment", "judgement",
    "advisory opinion", "provisional\nmeasures", "http://x.org", "www.un.org", "ht", "htt",
    "ww", "\xc3\xa9", "\xe2\x80\x94", "\xff", "x", " ", "\n", "  ", "the ", "and/or", "4/5",
    "a", "-", ".", "(", ",", "reso", "res", "re", "_res", "#dec", "dec", "pr", "o", "r"};

/* Lexicon words added to the bundled registry: none, words of many
 * first letters, words that start with other bytes or are short. */
static const char *const extra_words[][10] = {
    {NULL},
    {"bogus", "copy", "each", "first", "given", "items", "kept", "lower", "much", NULL},
    {"_res", "#dec", "x", "o r", "\xc3\xa9t", NULL},
};

static unsigned long rng_state = 12345;

static unsigned rng(unsigned n)
{
    rng_state = rng_state * 6364136223846793005UL + 1442695040888963407UL;
    return (unsigned)(rng_state >> 33) % n;
}

/* An extractor of reg with the scan that CITEGRAPH_SCAN=scan selects. */
static cg_extractor *extractor(const cg_registry *reg, const char *scan)
{
    setenv("CITEGRAPH_SCAN", scan, 1);
    cg_extractor *ex = cg_extractor_new(reg);
    unsetenv("CITEGRAPH_SCAN");
    ck_assert_ptr_nonnull(ex);
    return ex;
}

/* Checks ex against the starts ref (n of them, bits in bits) of
 * [buf, buf + len), from points after each start found and beyond. */
static void check_scan(const cg_extractor *ex, const char *scan, const char *buf, size_t len,
                       const size_t *ref, const unsigned *bits, size_t n)
{
    const char *end = buf + len, *p = buf;
    starts_iter it = {NULL, NULL, 0, 0};
    size_t k = 0;
    for (;;) {
        while (k < n && buf + ref[k] < p)
            k++;
        unsigned t = 0;
        const char *q = starts_next(ex, &it, p, buf, end, &t);
        if (k == n) {
            ck_assert_msg(q == end, "scan '%s': start at %td, none expected", scan, q - buf);
            return;
        }
        ck_assert_msg(q == buf + ref[k], "scan '%s': start at %td, %zu expected (from %td)",
                      scan, q - buf, ref[k], p - buf);
        ck_assert_uint_eq(t, bits[k]);
        /* the next byte, as after a failed scan, or past a reference */
        p = q + 1 + (rng(4) == 0 ? rng(40) : 0);
        if (p > end)
            return;
    }
}

START_TEST(test_starts_as_bytewise)
{
    const char *dir = getenv("CITEGRAPH_REGISTRY");
    const char *dirs[1] = {dir ? dir : "data/registry"};
    cg_registry reg;
    cg_error err;
    cg_error_clear(&err);
    ck_assert_int_eq(cg_registry_load(&reg, dirs, 1, &err), CG_OK);
    for (size_t k = 0; extra_words[_i][k]; k++)
        ck_assert_int_eq(cg_phrases_add(&reg.resolution_words, extra_words[_i][k],
                                        strlen(extra_words[_i][k]), 0), CG_OK);
    cg_extractor *bytes = extractor(&reg, "bytes");
    cg_extractor *scans[2] = {extractor(&reg, ""), extractor(&reg, "sse2")};
    const char *names[2] = {"", "sse2"};
    enum { MAX = 400 };
    static size_t ref[MAX + 1];
    static unsigned bits[MAX + 1];
    for (int round = 0; round < 3000; round++) {
        char text[MAX];
        size_t len = 0, want = rng(round < 1000 ? 80 : MAX);
        while (len < want) {
            const char *piece = pieces[rng(sizeof pieces / sizeof pieces[0])];
            size_t n = strlen(piece);
            if (len + n > want)
                n = want - len; /* a piece cut by the end of the text */
            memcpy(text + len, piece, n);
            len += n;
        }
        /* exactly len bytes, so that a read past the end is caught */
        char *buf = malloc(len ? len : 1);
        ck_assert_ptr_nonnull(buf);
        memcpy(buf, text, len);
        size_t n = 0;
        starts_iter it = {NULL, NULL, 0, 0};
        for (const char *p = buf;;) {
            unsigned t = 0;
            const char *q = starts_next(bytes, &it, p, buf, buf + len, &t);
            if (q == buf + len)
                break;
            ref[n] = (size_t)(q - buf);
            bits[n++] = t;
            p = q + 1;
        }
        for (int s = 0; s < 2; s++)
            check_scan(scans[s], names[s], buf, len, ref, bits, n);
        free(buf);
    }
    cg_extractor_free(bytes);
    cg_extractor_free(scans[0]);
    cg_extractor_free(scans[1]);
    cg_registry_free(&reg);
}
END_TEST

static Suite *starts_suite(void)
{
    Suite *s = suite_create("starts");
    TCase *tc = tcase_create("scan");
    tcase_add_loop_test(tc, test_starts_as_bytewise, 0,
                        (int)(sizeof extra_words / sizeof extra_words[0]));
    suite_add_tcase(s, tc);
    return s;
}

UNIT_MAIN(starts_suite)
