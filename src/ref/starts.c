/* Finding the next point where a reference may start: a byte of the
 * trigger tables at the start of a word.  Sixteen bytes at a time with
 * SSE2 where the compiler offers it: a cheap over-approximation (a
 * capital, a digit or one of a few other first bytes, after a byte that
 * is not a letter, digit or non-ASCII byte) picks the few candidates,
 * each then checked exactly with the tables.  When the registry's words
 * start with many different letters, every word start is a candidate;
 * without SSE2, or when they start with other bytes, one table look-up
 * a byte. */
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "internal.h"

void starts_init(cg_extractor *ex)
{
    unsigned n = 0, words_only = 1;
    for (unsigned c = 0; c < 256; c++) {
        if (!ex->trigger[c] || !ex->joining[c] || (c >= 'A' && c <= 'Z') ||
            (c >= '0' && c <= '9'))
            continue;
        words_only &= (c >= 'a' && c <= 'z') || c >= 0x80;
        if (n < STARTS_EXTRA_MAX)
            ex->extra[n] = (unsigned char)c;
        n++;
    }
    /* unused slots repeat a capital, which the capitals test finds anyway */
    for (unsigned k = n; k < STARTS_EXTRA_MAX; k++)
        ex->extra[k] = 'A';
    ex->starts_mode = n <= STARTS_EXTRA_MAX ? STARTS_LISTED
                      : words_only ? STARTS_ANY_WORD : STARTS_BYTEWISE;
}

/* The trigger bits at p if a reference may start there, else 0. */
static inline unsigned start_at(const cg_extractor *ex, const char *p, const char *begin,
                                const char *end)
{
    unsigned char c = (unsigned char)*p;
    if (!ex->joining[c] || !ex->trigger[c])
        return 0;
    if (p != begin && ex->joining[(unsigned char)p[-1]])
        return 0;
    unsigned char next = p + 1 < end ? (unsigned char)p[1] : 0;
    return ex->trigger2[c << 8 | next];
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

const char *starts_next(const cg_extractor *ex, const char *p, const char *begin,
                        const char *end, unsigned *trig)
{
    if (ex->starts_mode == STARTS_BYTEWISE)
        return next_start_bytewise(ex, p, begin, end, trig);
    int listed = ex->starts_mode == STARTS_LISTED;
    const unsigned char *x = ex->extra;
    const __m128i x0 = _mm_set1_epi8((char)x[0]), x1 = _mm_set1_epi8((char)x[1]);
    const __m128i x2 = _mm_set1_epi8((char)x[2]), x3 = _mm_set1_epi8((char)x[3]);
    const __m128i x4 = _mm_set1_epi8((char)x[4]), x5 = _mm_set1_epi8((char)x[5]);
    const __m128i x6 = _mm_set1_epi8((char)x[6]), x7 = _mm_set1_epi8((char)x[7]);
    unsigned carry = 0; /* whether the byte before the block is a word byte: 0 is safe */
    while (end - p >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i up = in_range(v, 'A', 25);
        __m128i dg = in_range(v, '0', 9);
        __m128i lo = in_range(v, 'a', 25);
        __m128i first = _mm_or_si128(up, dg);
        __m128i wordv = _mm_or_si128(_mm_or_si128(first, lo), v);
        if (listed) {
            __m128i a = _mm_or_si128(_mm_cmpeq_epi8(v, x0), _mm_cmpeq_epi8(v, x1));
            __m128i b = _mm_or_si128(_mm_cmpeq_epi8(v, x2), _mm_cmpeq_epi8(v, x3));
            __m128i c = _mm_or_si128(_mm_cmpeq_epi8(v, x4), _mm_cmpeq_epi8(v, x5));
            __m128i d = _mm_or_si128(_mm_cmpeq_epi8(v, x6), _mm_cmpeq_epi8(v, x7));
            first = _mm_or_si128(first, _mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d)));
        } else {
            first = wordv;
        }
        unsigned word = (unsigned)_mm_movemask_epi8(wordv);
        unsigned cand = (unsigned)_mm_movemask_epi8(first) & ~(word << 1 | carry) & 0xFFFFu;
        while (cand) {
            const char *q = p + __builtin_ctz(cand);
            unsigned t = start_at(ex, q, begin, end);
            if (t) {
                *trig = t;
                return q;
            }
            cand &= cand - 1;
        }
        carry = word >> 15 & 1u;
        p += 16;
    }
    return next_start_bytewise(ex, p, begin, end, trig);
}
#else
const char *starts_next(const cg_extractor *ex, const char *p, const char *begin,
                        const char *end, unsigned *trig)
{
    return next_start_bytewise(ex, p, begin, end, trig);
}
#endif
