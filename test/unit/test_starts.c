/* Unit suite of the start scan: the points where a reference may start,
 * and their trigger bits, found by each scan (CITEGRAPH_SCAN unset,
 * =sse2) the same as by the plain one that checks every byte (=bytes),
 * over texts made of tricky pieces: anchors at block and buffer ends,
 * long runs of capitals, dates across a line break, lexicon words at the
 * very start and end, non-ASCII bytes.  And every point where a scanner
 * can match (a lexicon phrase or URL at a word's start, a symbol, a
 * keyword of the Court right after a year) is a start with that bit. */
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
    "a", "-", ".", "(", ",", "reso", "res", "re", "_res", "#dec", "dec", "pr", "o", "r",
    " 2023order", " 2021Judgment", "19991decision", "https://a.org", "http:", "www", "respect",
    "Orders", "A/78/L.1", "S/2023/1", "o\nr", "o\t r"};

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

/* The trigger bits that some scanner needs at p, from the registry's
 * phrases and the scanners' own first tests rather than the tables. */
static unsigned needed(const cg_registry *reg, const unsigned char *joining, const char *p,
                       const char *begin, const char *end)
{
    const char *after;
    if (p > begin && joining[(unsigned char)p[-1]]) {
        /* inside a word: only a keyword of the Court right after a year */
        if (p - begin < 5 || !cg_is_space((unsigned char)p[-5]) || cg_is_digit((unsigned char)*p))
            return 0;
        for (int k = 1; k <= 4; k++)
            if (!cg_is_digit((unsigned char)p[-k]))
                return 0;
        return cg_phrases_match(&reg->icj_words, p, end, &after) ? TRIG_AFTER_YEAR : 0;
    }
    if (!joining[(unsigned char)*p])
        return 0;
    unsigned t = 0;
    size_t left = (size_t)(end - p);
    if ((left > 4 && memcmp(p, "www.", 4) == 0) || (left > 7 && memcmp(p, "http://", 7) == 0) ||
        (left > 8 && memcmp(p, "https://", 8) == 0))
        t |= TRIG_URL;
    if (cg_phrases_match(&reg->resolution_words, p, end, &after))
        t |= TRIG_RESOLUTION;
    if (cg_phrases_match(&reg->decision_words, p, end, &after))
        t |= TRIG_DECISION;
    if (cg_phrases_match(&reg->icj_words, p, end, &after))
        t |= TRIG_ICJ;
    char id[CG_ID_MAX], aliases[CG_ID_MAX];
    int is_res;
    if (cg_symbol_parse(reg, p, end, id, sizeof id, aliases, sizeof aliases, &is_res))
        t |= TRIG_SYMBOL;
    return t;
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
        ck_assert_msg(q == buf + ref[k], "scan '%s': start at %td, %zu expected (from %td) in \"%.*s\"",
                      scan, q - buf, ref[k], p - buf, (int)len, buf);
        ck_assert_uint_eq(t, bits[k]);
        /* the next byte, as after a failed scan, or past a reference */
        p = q + 1 + (rng(4) == 0 ? rng(40) : 0);
        if (p > end)
            return;
    }
}

START_TEST(test_starts_as_bytewise)
{
    rng_state = 12345 + (unsigned long)_i; /* the same texts, forked or not */
    cg_registry reg;
    unit_registry_with_words(&reg, extra_words[_i]);
    cg_extractor *bytes = extractor(&reg, "bytes");
    cg_extractor *scans[3] = {extractor(&reg, ""), extractor(&reg, "avx2"),
                              extractor(&reg, "sse2")};
    const char *names[3] = {"", "avx2", "sse2"};
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
        /* every point where a scanner may match is a start with its bits */
        for (size_t k = 0, at = 0; at < len; at++) {
            while (k < n && ref[k] < at)
                k++;
            unsigned need = needed(&reg, bytes->joining, buf + at, buf, buf + len);
            ck_assert_msg(need == 0 || (k < n && ref[k] == at && (bits[k] & need) == need),
                          "needed start at %zu (bits %u) not found in \"%.*s\"", at, need,
                          (int)len, buf);
        }
        for (int s = 0; s < 3; s++)
            check_scan(scans[s], names[s], buf, len, ref, bits, n);
        free(buf);
    }
    cg_extractor_free(bytes);
    cg_extractor_free(scans[0]);
    cg_extractor_free(scans[1]);
    cg_extractor_free(scans[2]);
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
