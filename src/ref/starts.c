/* Finding the next point where a reference may start: a pair of bytes
 * of the trigger tables at the start of a word.  Sixteen bytes at a time
 * with SSE2 where the compiler offers it: a cheap over-approximation
 * picks the few candidates, each then checked exactly with the tables.
 * A candidate is a capital, a digit or one of a few listed first bytes,
 * followed by a capital, a digit, '/', a space, a line feed or one of a
 * few listed second bytes, after a byte that is not a letter, digit,
 * '-', '.', '/' or non-ASCII byte (all of which continue a word).  When
 * the registry's words start with too many different letters, every
 * word start is a candidate; without SSE2, or when they start with
 * other bytes, one table look-up a byte. */
#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

void starts_init(cg_extractor *ex)
{
    unsigned n = 0, n2 = 0, words_only = 1, listed = 1, seconds = 1;
    for (unsigned a = 0; a < 256; a++) {
        if (!ex->trigger[a] || !ex->joining[a])
            continue;
        if (!(a >= 'A' && a <= 'Z') && !(a >= '0' && a <= '9')) {
            words_only &= (a >= 'a' && a <= 'z') || a >= 0x80;
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
}

/* The trigger bits at p if a reference may start there, else 0. */
static inline unsigned start_at(const cg_extractor *ex, const char *p, const char *begin,
                                const char *end)
{
    unsigned char c = (unsigned char)*p;
    unsigned char prev = p != begin ? (unsigned char)p[-1] : 0; /* joining[0] is 0 */
    unsigned char next = p + 1 < end ? (unsigned char)p[1] : 0;
    unsigned ok = (unsigned)ex->joining[c] & ((unsigned)ex->joining[prev] ^ 1u);
    return ex->trigger2[c << 8 | next] & (0u - ok);
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

const char *starts_next(const cg_extractor *ex, const char *p, const char *begin,
                        const char *end, unsigned *trig)
{
    if (ex->starts_mode == STARTS_BYTEWISE)
        return next_start_bytewise(ex, p, begin, end, trig);
    int listed = ex->starts_mode == STARTS_LISTED, seconds = ex->starts_second;
    const __m128i slash = _mm_set1_epi8('/'), space = _mm_set1_epi8(' ');
    const __m128i lf = _mm_set1_epi8('\n');
    unsigned carry = 0; /* whether the byte before the block is a word byte: 0 is safe */
    while (end - p > 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i up = in_range(v, 'A', 25);
        __m128i dg = in_range(v, '0', 9);
        __m128i first = _mm_or_si128(up, dg);
        __m128i wordv = _mm_or_si128(_mm_or_si128(first, in_range(v, 'a', 25)),
                                     _mm_or_si128(in_range(v, '-', 2), v));
        first = listed ? _mm_or_si128(first, in_list(v, ex->extra16)) : wordv;
        if (seconds) {
            __m128i w = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
            __m128i sec = _mm_or_si128(in_range(w, 'A', 25), in_range(w, '0', 9));
            sec = _mm_or_si128(sec, _mm_or_si128(_mm_cmpeq_epi8(w, slash),
                                                 _mm_or_si128(_mm_cmpeq_epi8(w, space),
                                                              _mm_cmpeq_epi8(w, lf))));
            first = _mm_and_si128(first, _mm_or_si128(sec, in_list(w, ex->second16)));
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
