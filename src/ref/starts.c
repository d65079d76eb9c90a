/* Finding the next point where a reference may start: a pair of bytes
 * of the trigger tables at the start of a word (or a keyword of the
 * Court right after a year's digits), whose first four bytes start a
 * phrase of the lexicon (exactly, from the prefix table).  Sixteen bytes
 * at a time with SSE2 where the compiler offers it: a cheap
 * over-approximation picks the few candidates, each then checked exactly
 * with the tables.  A candidate is a capital or one of a few listed
 * first bytes, followed by a capital, a digit, '/', a space, a line feed
 * or one of a few listed second bytes, after a byte that is not a
 * letter, '-', '.', '/' or non-ASCII byte (all of which continue a word,
 * as a digit does, but a digit is followed by a candidate too).  When
 * the registry's words start with too many different letters, every
 * word start is a candidate; without SSE2, or when they start with
 * other bytes, one table look-up a byte.  Where the processor has AVX2,
 * 32 bytes at a time on rarer anchors instead, Teddy-style (as in
 * Hyperscan): nibble tables give each byte the buckets of the four-byte
 * fingerprints that start there (a capital before '/'; the first four
 * bytes of a lexicon phrase or URL, or its first two when its kind is
 * not in the prefix table), a word's anchor counts only after a byte
 * that may precede a reference there (not a word's, or a digit, before
 * a keyword of the Court), and each symbol's anchor gives the candidate
 * it implies (the first of its capitals), checked with the same
 * tables, so that the starts are those of the other scans; with
 * AVX-512, the same 64 bytes at a time.  The environment variable
 * CITEGRAPH_SCAN=avx2, =sse2 or =bytes forces a narrower scan (for tests
 * and measurements). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "../core/byteset.h"
#include "internal.h"

/* Whether the second-byte test finds b without listing it. */
static int second_class(unsigned b)
{
    return (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '/' || b == ' ' ||
           b == '\n';
}

/* Adds b to list (n used of STARTS_EXTRA_MAX) unless there; 0 if full. */
static int list_add(unsigned char *list, unsigned *n, unsigned b)
{
    for (unsigned k = 0; k < *n; k++)
        if (list[k] == b)
            return 1;
    if (*n == STARTS_EXTRA_MAX)
        return 0;
    list[(*n)++] = (unsigned char)b;
    return 1;
}

/* The bytes one position of an anchor takes, as Teddy's nibble tables
 * see them: any byte whose low nibble is in lo and high nibble in hi. */
typedef struct nibset {
    unsigned lo, hi; /* sixteen bits each */
} nibset;

/* What a bucket of anchors takes at each of its bytes. */
typedef struct fingerprint {
    nibset at[ANCHOR_BYTES];
} fingerprint;

/* Buckets of the anchor tables: the words that start here, then one
 * for symbols (the high bit, which a lane's sign gives). */
enum { BUCKETS = 8, BUCKET_HERE = 0, BUCKET_SYMBOL = 7 };

/* The trigger bits of the words and URLs, which the prefix table covers. */
#define TRIG_WORDS (TRIG_URL | TRIG_RESOLUTION | TRIG_DECISION | TRIG_ICJ)

static const nibset any_byte = {0xFFFFu, 0xFFFFu};

/* The nibbles of the bytes b with in[b] not zero. */
static nibset nibs_of(const unsigned char in[256])
{
    nibset n = {0, 0};
    for (unsigned b = 0; b < 256; b++)
        if (in[b]) {
            n.lo |= 1u << (b & 15);
            n.hi |= 1u << (b >> 4);
        }
    return n;
}

/* The nibbles of the bytes from lo to hi. */
static nibset nibs_range(unsigned lo, unsigned hi)
{
    unsigned char in[256] = {0};
    memset(in + lo, 1, hi - lo + 1);
    return nibs_of(in);
}

static fingerprint merged(const fingerprint *a, const fingerprint *b)
{
    fingerprint m;
    for (unsigned j = 0; j < ANCHOR_BYTES; j++) {
        m.at[j].lo = a->at[j].lo | b->at[j].lo;
        m.at[j].hi = a->at[j].hi | b->at[j].hi;
    }
    return m;
}

/* How many byte strings a fingerprint takes: what a merge costs. */
static double volume(const fingerprint *f)
{
    double v = 1;
    for (unsigned j = 0; j < ANCHOR_BYTES; j++)
        v *= (double)__builtin_popcount(f->at[j].lo) * (double)__builtin_popcount(f->at[j].hi);
    return v;
}

/* Puts the fingerprint f into bucket k of the anchor tables. */
static void bucket_fill(cg_extractor *ex, unsigned k, const fingerprint *f)
{
    for (unsigned j = 0; j < ANCHOR_BYTES; j++)
        for (unsigned n = 0; n < 16; n++) {
            unsigned char bit = (unsigned char)(1u << k);
            if (f->at[j].lo >> n & 1u)
                ex->anchor[2 * j][n] = ex->anchor[2 * j][n + 16] |= bit;
            if (f->at[j].hi >> n & 1u)
                ex->anchor[2 * j + 1][n] = ex->anchor[2 * j + 1][n + 16] |= bit;
        }
}

/* Fills the buckets from BUCKET_HERE on with the first bytes of the
 * lexicon words and URLs: the first three bytes of each prefix of the
 * prefix table, and the first two of the phrases of the kinds it does
 * not cover (one fingerprint a first byte); merged two at a time (those
 * that take the fewest more strings) until they fit. */
static void buckets_here(cg_extractor *ex)
{
    fingerprint f[PREFIX_SLOTS / 2 + 256]; /* the prefixes, then first bytes */
    unsigned n = 0;
    for (unsigned k = 0; k < PREFIX_SLOTS; k++) {
        unsigned char key[4];
        memcpy(key, &ex->prefix_key[k], 4);
        if (!(ex->prefix_bits[k] & ~ex->prefix_all) || !ex->joining[key[0]])
            continue;
        for (unsigned j = 0; j < ANCHOR_BYTES; j++)
            f[n].at[j] = (nibset){1u << (key[j] & 15), 1u << (key[j] >> 4)};
        n++;
    }
    const unsigned uncovered = TRIG_WORDS & ex->prefix_all;
    for (unsigned a = 0; a < 256 && uncovered; a++) {
        if (!(ex->trigger[a] & uncovered) || !ex->joining[a])
            continue;
        unsigned char second[256];
        for (unsigned b = 0; b < 256; b++)
            second[b] = (ex->trigger2[a << 8 | b] & uncovered) != 0;
        f[n].at[0] = (nibset){1u << (a & 15), 1u << (a >> 4)};
        f[n].at[1] = nibs_of(second);
        for (unsigned j = 2; j < ANCHOR_BYTES; j++)
            f[n].at[j] = any_byte;
        n++;
    }
    while (n > BUCKET_SYMBOL - BUCKET_HERE) {
        unsigned bi = 0, bj = 1;
        double best = -1;
        for (unsigned i = 0; i < n; i++)
            for (unsigned j = i + 1; j < n; j++) {
                fingerprint m = merged(&f[i], &f[j]);
                double cost = volume(&m) - volume(&f[i]) - volume(&f[j]);
                if (best < 0 || cost < best) {
                    best = cost;
                    bi = i;
                    bj = j;
                }
            }
        f[bi] = merged(&f[bi], &f[bj]);
        f[bj] = f[--n];
    }
    for (unsigned k = 0; k < n; k++)
        bucket_fill(ex, BUCKET_HERE + k, &f[k]);
}

/* Chooses the 32-byte scan when the processor has AVX2 (the 64-byte one
 * with AVX-512), and fills the
 * anchors' tables: a capital before '/' (a symbol's series); the first
 * bytes of a lexicon word or URL (see buckets_here); the bytes after
 * which a word's anchor counts. */
static void starts_init_avx2(cg_extractor *ex)
{
    ex->starts_avx2 = 0;
#if CG_BYTESET_AVX2
    memset(ex->anchor, 0, sizeof ex->anchor);
    fingerprint f;
    f.at[0] = nibs_range('A', 'Z');
    f.at[1] = nibs_range('/', '/');
    for (unsigned j = 2; j < ANCHOR_BYTES; j++)
        f.at[j] = any_byte;
    bucket_fill(ex, BUCKET_SYMBOL, &f);
    buckets_here(ex);
    /* start_at takes a word's start, or a keyword after a year's digit */
    unsigned char after[256];
    for (unsigned b = 0; b < 256; b++)
        after[b] = !ex->joining[b] || cg_is_digit((unsigned char)b);
    if (!cg_byteset_tables(after, ex->word_after[0], ex->word_after[1]))
        memset(ex->word_after, 0xFF, sizeof ex->word_after); /* every byte */
    ex->starts_avx2 = cg_byteset_avx2();
    ex->starts_avx512 = ex->starts_avx2 && cg_byteset_avx512();
#endif
}

void starts_init(cg_extractor *ex)
{
    starts_init_avx2(ex);
    unsigned n = 0, n2 = 0, words_only = 1, listed = 1, seconds = 1;
    for (unsigned a = 0; a < 256; a++) {
        if (!ex->trigger[a] || !ex->joining[a])
            continue;
        if (!(a >= 'A' && a <= 'Z')) {
            words_only &= (a >= 'a' && a <= 'z') || (a >= '0' && a <= '9') || a >= 0x80;
            listed &= list_add(ex->extra, &n, a);
        }
        for (unsigned b = 0; b < 256; b++)
            if (ex->trigger2[a << 8 | b] && !second_class(b))
                seconds &= list_add(ex->second, &n2, b);
    }
    /* unused slots repeat a capital, which the class tests find anyway */
    for (unsigned k = n; k < STARTS_EXTRA_MAX; k++)
        ex->extra[k] = 'A';
    for (unsigned k = n2; k < STARTS_EXTRA_MAX; k++)
        ex->second[k] = 'A';
    for (unsigned k = 0; k < STARTS_EXTRA_MAX; k++) {
        memset(ex->extra16[k], ex->extra[k], 16);
        memset(ex->second16[k], ex->second[k], 16);
    }
    ex->starts_mode = listed ? STARTS_LISTED : words_only ? STARTS_ANY_WORD : STARTS_BYTEWISE;
    ex->starts_second = seconds;
    /* CITEGRAPH_SCAN=avx2, sse2 or bytes: a narrower scan, to test and compare them */
    const char *force = getenv("CITEGRAPH_SCAN");
    if (force && (strcmp(force, "avx2") == 0 || strcmp(force, "sse2") == 0 ||
                  strcmp(force, "bytes") == 0))
        ex->starts_avx512 = 0;
    if (force && (strcmp(force, "sse2") == 0 || strcmp(force, "bytes") == 0))
        ex->starts_avx2 = 0;
    if (force && strcmp(force, "bytes") == 0)
        ex->starts_mode = STARTS_BYTEWISE;
}

/* Whether capitals at p are followed by '/', as a symbol's series is. */
static int may_be_symbol(const char *p, const char *end)
{
    while (p < end && cg_is_upper((unsigned char)*p))
        p++;
    return p < end && *p == '/';
}

/* Trigger bits t at p less those whose necessary condition fails. */
static unsigned narrow(const cg_extractor *ex, const char *p, const char *end, unsigned t)
{
    /* a lexicon word's or URL's first four bytes are in the prefix table
     * (a phrase matches at least its length) unless its kind is not covered */
    if (t & TRIG_WORDS)
        t &= ~TRIG_WORDS | ex->prefix_all | (end - p >= 4 ? prefix_lookup(ex, p) : 0u);
    if ((t & TRIG_SYMBOL) && !may_be_symbol(p, end))
        t &= ~(unsigned)TRIG_SYMBOL;
    return t;
}

/* TRIG_AFTER_YEAR if a keyword of the Court that may end a date starts
 * at p (not a digit), right after four digits that follow a space, else 0. */
static unsigned after_year(const cg_extractor *ex, const char *p, const char *begin,
                           const char *end)
{
    if (p - begin < 5 || cg_is_digit((unsigned char)*p) || !cg_is_space((unsigned char)p[-5]))
        return 0;
    for (int k = 2; k <= 4; k++)
        if (!cg_is_digit((unsigned char)p[-k]))
            return 0;
    return narrow(ex, p, end, TRIG_ICJ) ? TRIG_AFTER_YEAR : 0;
}

/* The trigger bits at p if a reference may start there, else 0. */
static inline unsigned start_at(const cg_extractor *ex, const char *p, const char *begin,
                                const char *end)
{
    unsigned char c = (unsigned char)*p;
    unsigned char prev = p != begin ? (unsigned char)p[-1] : 0; /* joining[0] is 0 */
    unsigned char next = p + 1 < end ? (unsigned char)p[1] : 0;
    unsigned t = ex->trigger2[c << 8 | next] & (0u - (unsigned)ex->joining[c]);
    if (t == 0)
        return 0;
    if (!ex->joining[prev])
        return narrow(ex, p, end, t);
    return (t & TRIG_ICJ) && cg_is_digit(prev) ? after_year(ex, p, begin, end) : 0;
}

/* The first candidate of cand (bits over the block at b) where a
 * reference may start, its bits in *trig and the block's remaining
 * candidates kept in it; NULL if none. */
static inline const char *block_first(const cg_extractor *ex, starts_iter *it, const char *b,
                                      uint64_t cand, uint32_t carry, const char *begin,
                                      const char *end, unsigned *trig)
{
    while (cand) {
        const char *q = b + __builtin_ctzll(cand);
        cand &= cand - 1;
        unsigned t = start_at(ex, q, begin, end);
        if (t) {
            it->block = b;
            it->from = b;
            it->cand = cand;
            it->carry = carry;
            *trig = t;
            return q;
        }
    }
    return NULL;
}

static const char *next_start_bytewise(const cg_extractor *ex, const char *p, const char *begin,
                                       const char *end, unsigned *trig)
{
    for (; p < end; p++) {
        unsigned t = start_at(ex, p, begin, end);
        if (t) {
            *trig = t;
            return p;
        }
    }
    return end;
}

#if defined(__SSE2__)
/* Bytes x with lo <= x <= lo + span, as 0xFF lanes. */
static inline __m128i in_range(__m128i v, char lo, char span)
{
    __m128i x = _mm_sub_epi8(v, _mm_set1_epi8(lo));
    return _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(span)), x);
}

/* Lanes of v equal to the byte repeated in row k of list. */
static inline __m128i eq_row(__m128i v, const unsigned char (*list)[16], unsigned k)
{
    return _mm_cmpeq_epi8(v, _mm_load_si128((const __m128i *)(const void *)list[k]));
}

/* Lanes of v equal to one of the eight bytes of list (one a row). */
static inline __m128i in_list(__m128i v, const unsigned char (*list)[16])
{
    __m128i a = _mm_or_si128(eq_row(v, list, 0), eq_row(v, list, 1));
    __m128i b = _mm_or_si128(eq_row(v, list, 2), eq_row(v, list, 3));
    __m128i c = _mm_or_si128(eq_row(v, list, 4), eq_row(v, list, 5));
    __m128i d = _mm_or_si128(eq_row(v, list, 6), eq_row(v, list, 7));
    return _mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d));
}

/* Candidate bits of the sixteen bytes at p (17 readable); *carry tells
 * whether the byte before p is a word byte (bit 0) and a digit (bit 1),
 * and becomes that of p[15]. */
static inline unsigned block_candidates(const cg_extractor *ex, const char *p, unsigned *carry)
{
    const __m128i slash = _mm_set1_epi8('/'), space = _mm_set1_epi8(' ');
    const __m128i lf = _mm_set1_epi8('\n');
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i up = in_range(v, 'A', 25);
    __m128i dg = in_range(v, '0', 9);
    __m128i wordv = _mm_or_si128(_mm_or_si128(_mm_or_si128(up, dg), in_range(v, 'a', 25)),
                                 _mm_or_si128(in_range(v, '-', 2), v));
    __m128i first =
        ex->starts_mode == STARTS_LISTED ? _mm_or_si128(up, in_list(v, ex->extra16)) : wordv;
    if (ex->starts_second) {
        __m128i w = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
        __m128i sec = _mm_or_si128(in_range(w, 'A', 25), in_range(w, '0', 9));
        sec = _mm_or_si128(sec, _mm_or_si128(_mm_cmpeq_epi8(w, slash),
                                             _mm_or_si128(_mm_cmpeq_epi8(w, space),
                                                          _mm_cmpeq_epi8(w, lf))));
        first = _mm_and_si128(first, _mm_or_si128(sec, in_list(w, ex->second16)));
    }
    unsigned word = (unsigned)_mm_movemask_epi8(wordv), digit = (unsigned)_mm_movemask_epi8(dg);
    unsigned word_before = word << 1 | (*carry & 1u), digit_before = digit << 1 | *carry >> 1;
    /* a word's start, or a byte other than a digit after a digit */
    unsigned cand = (unsigned)_mm_movemask_epi8(first) & (~word_before | (digit_before & ~digit)) &
                    0xFFFFu;
    *carry = (word >> 15 & 1u) | (digit >> 15 & 1u) << 1;
    return cand;
}

#if CG_BYTESET_AVX2
/* The bits of the first capitals of the symbols whose anchors (the
 * capital before '/') are the bits of symbol over the block at b; one
 * before b (but not before p) goes to *back. */
static inline uint64_t symbol_starts(uint64_t symbol, const char *b, const char *p,
                                     const char **back)
{
    uint64_t cand = 0;
    *back = NULL;
    while (symbol) {
        const char *q = b + __builtin_ctzll(symbol);
        symbol &= symbol - 1;
        /* not before p: a start there is not wanted, and start_at
         * finds that q is not a word's start */
        while (q > p && cg_is_upper((unsigned char)q[-1]))
            q--;
        if (q >= b)
            cand |= UINT64_C(1) << (q - b);
        else
            *back = q;
    }
    return cand;
}

/* The extractor's tables of the 32-byte scan, loaded once a call into
 * registers (each a value of its own: copied as a struct, they went
 * through the stack in halves, and each call stalled reading them back). */
typedef struct anchor_tables {
    __m256i lo0, hi0, lo1, hi1, lo2, hi2, lo3, hi3; /* the anchors' buckets at bytes 0 to 3 */
    __m256i after_lo, after_hi;                     /* the bytes after which a word counts */
    __m256i nib, bias, words;                       /* 0x0F, 127, 0x7F repeated */
} anchor_tables;

#if ANCHOR_BYTES != 4
#error "anchor_tables holds the tables of four bytes"
#endif
_Static_assert(BUCKET_SYMBOL == 7, "the symbols' bucket is a lane's high bit");

__attribute__((target("avx2"), always_inline)) static inline __m256i
table_at(const unsigned char *t)
{
    return _mm256_loadu_si256((const __m256i *)(const void *)t);
}

/* The bits of the set of lo and hi of the bytes whose nibbles are vlo, vhi. */
__attribute__((target("avx2"), always_inline)) static inline __m256i
in_tables(__m256i vlo, __m256i vhi, __m256i lo, __m256i hi)
{
    return _mm256_and_si256(_mm256_shuffle_epi8(lo, vlo), _mm256_shuffle_epi8(hi, vhi));
}

/* The bucket bits of the bytes at p for the tables lo and hi. */
__attribute__((target("avx2"), always_inline)) static inline __m256i
buckets_of(const char *p, __m256i lo, __m256i hi, __m256i nib)
{
    __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)p);
    return in_tables(_mm256_and_si256(v, nib), _mm256_and_si256(_mm256_srli_epi16(v, 4), nib),
                     lo, hi);
}

/* Lanes not zero, as bits (a lane not zero, plus 127, has its high bit set). */
__attribute__((target("avx2"), always_inline)) static inline uint32_t
nonzero(__m256i m, __m256i bias)
{
    return (uint32_t)_mm256_movemask_epi8(_mm256_adds_epu8(m, bias));
}

/* Candidate bits of the 32 bytes at b (35 readable) from their anchors:
 * a word's anchor after a byte that may precede it (start_at tells
 * whether a reference starts there), and the first of the capitals
 * before a symbol's '/'.  A candidate before b (but not before p) goes
 * to *back. */
__attribute__((target("avx2"), always_inline)) static inline uint32_t
block32(const anchor_tables tab, const char *b, const char *p, const char **back)
{
    __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)b);
    __m256i vlo = _mm256_and_si256(v, tab.nib);
    __m256i vhi = _mm256_and_si256(_mm256_srli_epi16(v, 4), tab.nib);
    __m256i m = _mm256_and_si256(in_tables(vlo, vhi, tab.lo0, tab.hi0),
                                 buckets_of(b + 1, tab.lo1, tab.hi1, tab.nib));
    m = _mm256_and_si256(m, _mm256_and_si256(buckets_of(b + 2, tab.lo2, tab.hi2, tab.nib),
                                             buckets_of(b + 3, tab.lo3, tab.hi3, tab.nib)));
    /* the byte before the block is not known here: start_at checks it */
    uint32_t after = nonzero(in_tables(vlo, vhi, tab.after_lo, tab.after_hi), tab.bias) << 1 | 1u;
    uint32_t words = nonzero(_mm256_and_si256(m, tab.words), tab.bias);
    uint32_t symbol = (uint32_t)_mm256_movemask_epi8(m); /* BUCKET_SYMBOL is the high bit */
    return (words & after) | (uint32_t)symbol_starts(symbol, b, p, back);
}

/* Where a scan of blocks of width bytes resumes at p: in the block
 * scanned last (its candidates from p on in *cand; returns 0) or at p
 * (returns 1: the block at *b = p is still to be scanned). */
static inline int blocks_resume(const starts_iter *it, const char *p, unsigned width,
                                const char **b, uint64_t *cand)
{
    *b = it->block;
    *cand = 0;
    if (*b != NULL && p >= it->from && p < *b + width) {
        /* p may be before the block: after a candidate back before it */
        *cand = p > *b ? it->cand & (~UINT64_C(0) << (p - *b)) : it->cand;
        return 0;
    }
    *b = p;
    return 1;
}

/* The bytes from b to end, fewer than a block, checked one at a time from
 * the first capital before them (not before p). */
static const char *blocks_tail(const cg_extractor *ex, starts_iter *it, const char *b,
                               const char *p, const char *begin, const char *end, unsigned *trig)
{
    it->block = NULL;
    while (b > p && cg_is_upper((unsigned char)b[-1]))
        b--;
    return next_start_bytewise(ex, b, begin, end, trig);
}

/* A candidate back before block b (a symbol's capitals in the block
 * before), if a reference may start there: the iterator then resumes in
 * block b, whose candidates are cand. */
static const char *blocks_back(const cg_extractor *ex, starts_iter *it, const char *b,
                               const char *back, uint64_t cand, const char *begin,
                               const char *end, unsigned *trig)
{
    unsigned t;
    if (back == NULL || (t = start_at(ex, back, begin, end)) == 0)
        return NULL;
    it->block = b;
    it->from = back + 1;
    it->cand = cand;
    *trig = t;
    return back;
}

/* The first start from block b freshly scanned (its candidates cand, a
 * candidate back before it), or NULL. */
static inline const char *block_start(const cg_extractor *ex, starts_iter *it, const char *b,
                                      const char *back, uint64_t cand, const char *begin,
                                      const char *end, unsigned *trig)
{
    const char *q = blocks_back(ex, it, b, back, cand, begin, end, trig);
    return q != NULL ? q : block_first(ex, it, b, cand, 0, begin, end, trig);
}

/* The 32-byte scan from block b on (no start before p): candidates from
 * the anchors, each checked exactly.  A candidate before its block (a
 * symbol's capitals in the block before) comes first; the bytes after
 * the last whole block are checked one at a time.  The upper halves of
 * the vector registers are cleared before returning (VZEROUPPER): the
 * compiler leaves them set on these paths, and the caller's SSE code
 * then ran up to a tenth slower on this processor. */
__attribute__((target("avx2"))) static const char *
starts_scan_avx2(const cg_extractor *ex, starts_iter *it, const char *b, const char *p,
                 const char *begin, const char *end, unsigned *trig)
{
    __m256i nib = _mm256_set1_epi8(0x0F), bias = _mm256_set1_epi8(127);
    __m256i words = _mm256_set1_epi8(0x7F);
    /* opaque to the compiler: kept in registers, not built again a block */
    __asm__("" : "+x"(nib), "+x"(bias), "+x"(words));
    const anchor_tables tab = {table_at(ex->anchor[0]), table_at(ex->anchor[1]),
                               table_at(ex->anchor[2]), table_at(ex->anchor[3]),
                               table_at(ex->anchor[4]), table_at(ex->anchor[5]),
                               table_at(ex->anchor[6]), table_at(ex->anchor[7]),
                               table_at(ex->word_after[0]), table_at(ex->word_after[1]),
                               nib, bias, words};
    for (const char *back, *q;; b += 32) {
        if (end - b < 32 + ANCHOR_BYTES - 1) {
            _mm256_zeroupper();
            return blocks_tail(ex, it, b, p, begin, end, trig);
        }
        uint64_t cand = block32(tab, b, p, &back);
        if ((q = block_start(ex, it, b, back, cand, begin, end, trig)) != NULL) {
            _mm256_zeroupper();
            return q;
        }
    }
}

/* The tables of the 64-byte scan, as anchor_tables. */
typedef struct anchor_tables512 {
    __m512i lo0, hi0, lo1, hi1, lo2, hi2, lo3, hi3;
    __m512i after_lo, after_hi;
    __m512i nib, words;
} anchor_tables512;

/* Table t of the anchors in each 16-byte lane of a 64-byte register. */
__attribute__((target("avx512bw"), always_inline)) static inline __m512i
table512_at(const unsigned char *t)
{
    return _mm512_broadcast_i32x4(_mm_loadu_si128((const __m128i *)(const void *)t));
}

/* in_tables, for 64 bytes. */
__attribute__((target("avx512bw"), always_inline)) static inline __m512i
in_tables512(__m512i vlo, __m512i vhi, __m512i lo, __m512i hi)
{
    return _mm512_and_si512(_mm512_shuffle_epi8(lo, vlo), _mm512_shuffle_epi8(hi, vhi));
}

/* buckets_of, for the 64 bytes at p. */
__attribute__((target("avx512bw"), always_inline)) static inline __m512i
buckets512_of(const char *p, __m512i lo, __m512i hi, __m512i nib)
{
    __m512i v = _mm512_loadu_si512((const void *)p);
    return in_tables512(_mm512_and_si512(v, nib), _mm512_and_si512(_mm512_srli_epi16(v, 4), nib),
                        lo, hi);
}

/* block32, for the 64 bytes at b (67 readable). */
__attribute__((target("avx512bw"), always_inline)) static inline uint64_t
block64(const anchor_tables512 tab, const char *b, const char *p, const char **back)
{
    __m512i v = _mm512_loadu_si512((const void *)b);
    __m512i vlo = _mm512_and_si512(v, tab.nib);
    __m512i vhi = _mm512_and_si512(_mm512_srli_epi16(v, 4), tab.nib);
    __m512i m = _mm512_and_si512(in_tables512(vlo, vhi, tab.lo0, tab.hi0),
                                 buckets512_of(b + 1, tab.lo1, tab.hi1, tab.nib));
    m = _mm512_and_si512(m, _mm512_and_si512(buckets512_of(b + 2, tab.lo2, tab.hi2, tab.nib),
                                             buckets512_of(b + 3, tab.lo3, tab.hi3, tab.nib)));
    __m512i a = in_tables512(vlo, vhi, tab.after_lo, tab.after_hi);
    uint64_t after = _mm512_test_epi8_mask(a, a) << 1 | 1u;
    uint64_t words = _mm512_test_epi8_mask(m, tab.words);
    uint64_t symbol = _mm512_movepi8_mask(m); /* BUCKET_SYMBOL is the high bit */
    return (words & after) | symbol_starts(symbol, b, p, back);
}

/* The 32-byte scan, 64 bytes at a time. */
__attribute__((target("avx512bw"))) static const char *
starts_scan_avx512(const cg_extractor *ex, starts_iter *it, const char *b, const char *p,
                   const char *begin, const char *end, unsigned *trig)
{
    __m512i nib = _mm512_set1_epi8(0x0F), words = _mm512_set1_epi8(0x7F);
    __asm__("" : "+v"(nib), "+v"(words));
    const anchor_tables512 tab = {
        table512_at(ex->anchor[0]), table512_at(ex->anchor[1]), table512_at(ex->anchor[2]),
        table512_at(ex->anchor[3]), table512_at(ex->anchor[4]), table512_at(ex->anchor[5]),
        table512_at(ex->anchor[6]), table512_at(ex->anchor[7]), table512_at(ex->word_after[0]),
        table512_at(ex->word_after[1]), nib, words};
    for (const char *back, *q;; b += 64) {
        if (end - b < 64 + ANCHOR_BYTES - 1) {
            _mm256_zeroupper();
            return blocks_tail(ex, it, b, p, begin, end, trig);
        }
        uint64_t cand = block64(tab, b, p, &back);
        if ((q = block_start(ex, it, b, back, cand, begin, end, trig)) != NULL) {
            _mm256_zeroupper();
            return q;
        }
    }
}

/* The anchor scans: the candidates left in the block scanned last first
 * (no table loaded for them), then the blocks after it. */
static const char *starts_next_anchors(const cg_extractor *ex, starts_iter *it, const char *p,
                                       const char *begin, const char *end, unsigned *trig)
{
    unsigned width = ex->starts_avx512 ? 64 : 32;
    const char *b, *q;
    uint64_t cand;
    if (!blocks_resume(it, p, width, &b, &cand)) {
        if ((q = block_first(ex, it, b, cand, 0, begin, end, trig)) != NULL)
            return q;
        b += width;
    }
    return ex->starts_avx512 ? starts_scan_avx512(ex, it, b, p, begin, end, trig)
                             : starts_scan_avx2(ex, it, b, p, begin, end, trig);
}
#endif

const char *starts_next(const cg_extractor *ex, starts_iter *it, const char *p,
                        const char *begin, const char *end, unsigned *trig)
{
#if CG_BYTESET_AVX2
    if (ex->starts_avx2)
        return starts_next_anchors(ex, it, p, begin, end, trig);
#endif
    if (ex->starts_mode == STARTS_BYTEWISE)
        return next_start_bytewise(ex, p, begin, end, trig);
    const char *b = it->block;
    unsigned cand, carry;
    if (b != NULL && p >= it->from && p < b + 16) {
        /* the rest of the block scanned last time */
        cand = it->cand & (0xFFFFu << (p - b));
        carry = it->carry;
    } else {
        if (end - p <= 16) {
            it->block = NULL;
            return next_start_bytewise(ex, p, begin, end, trig);
        }
        b = p;
        carry = 0; /* whether the byte before the block is a word byte: 0 is safe */
        cand = block_candidates(ex, b, &carry);
    }
    for (;;) {
        const char *q = block_first(ex, it, b, cand, carry, begin, end, trig);
        if (q)
            return q;
        b += 16;
        if (end - b <= 16) {
            it->block = NULL;
            return next_start_bytewise(ex, b, begin, end, trig);
        }
        cand = block_candidates(ex, b, &carry);
    }
}
#else
const char *starts_next(const cg_extractor *ex, starts_iter *it, const char *p,
                        const char *begin, const char *end, unsigned *trig)
{
    (void)it;
    return next_start_bytewise(ex, p, begin, end, trig);
}
#endif
