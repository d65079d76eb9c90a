/* Light markup removal, one pass over the raw bytes, which also checks
 * that they are UTF-8 without NUL and counts their line ends.
 * Accepts: Markdown links [text](target), autolinks <url>, backslash
 * escapes, emphasis '*'; HTML tags, comments and entities; <sup>n</sup>
 * and Unicode superscript footnote marks; NBSP and other spaces; CR and
 * CRLF line ends.  A link target is kept (as " target ") only when the
 * link text is not itself a symbol or URL.  Linear in the input. */
#include "markup.h"

#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "../core/byteset.h"
#include "text_impl.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* Most one-for-one replacements (a tab, a form feed) held in a run. */
#define PATCH_MAX 64

/* The clean text being written.  Raw bytes [run, p) of the scan are
 * kept as they are (but for the bytes at patch[], each replaced by one
 * byte) and not yet copied: a copy a run, made when a change ends it. */
typedef struct emitter {
    cg_text *t;
    size_t cap;
    int failed;
    const char *base;  /* the raw text */
    const char *run;   /* the first raw byte not yet copied */
    const char *patch[PATCH_MAX];
    size_t npatch;
} emitter;

static int grow(emitter *e, size_t extra)
{
    cg_text *t = e->t;
    if (t->clean_len + extra + 1 <= e->cap)
        return 1;
    /* at first, room for the whole text: markup removal seldom adds */
    size_t cap = e->cap ? e->cap * 2 + extra + 64 : t->raw_len + extra + 64;
    char *c = cg_realloc(t->clean, cap);
    if (c == NULL) {
        e->failed = 1;
        return 0;
    }
    t->clean = c;
    e->cap = cap;
    return 1;
}

/* Records that the next clean byte comes from raw offset raw: a new map
 * segment where the two offsets stop moving together. */
static int map_next(emitter *e, size_t raw)
{
    cg_text *t = e->t;
    size_t off = t->clean_len;
    if (t->nsegs == 0 ? raw == off
                      : raw - t->segs[t->nsegs - 1].raw == off - t->segs[t->nsegs - 1].clean)
        return 1;
    if (t->nsegs == t->segs_cap) {
        size_t cap = t->segs_cap ? t->segs_cap * 2 : 16;
        cg_text_seg *s = cg_realloc(t->segs, cap * sizeof *s);
        if (s == NULL) {
            e->failed = 1;
            return 0;
        }
        t->segs = s;
        t->segs_cap = cap;
    }
    t->segs[t->nsegs].clean = off;
    t->segs[t->nsegs].raw = raw;
    t->nsegs++;
    return 1;
}

/* Writes c, which stands for the raw byte at offset raw (the run before
 * it copied first). */
static void emit(emitter *e, char c, size_t raw)
{
    if (e->failed || !grow(e, 1) || !map_next(e, raw))
        return;
    e->t->clean[e->t->clean_len++] = c;
}

/* What a one-for-one replacement turns raw byte c into. */
static char replaced(char c)
{
    return c == '\t' ? ' ' : '\n';
}

/* Copies the run of kept raw bytes up to upto (its replacements made);
 * the run then starts at upto. */
static void flush(emitter *e, const char *upto)
{
    const char *from = e->run;
    size_t npatch = e->npatch;
    e->run = upto;
    e->npatch = 0;
    if (upto == from || e->failed)
        return;
    size_t n = (size_t)(upto - from);
    cg_text *t = e->t;
    if (!grow(e, n) || !map_next(e, (size_t)(from - e->base)))
        return;
    char *to = t->clean + t->clean_len;
    memcpy(to, from, n);
    for (size_t i = 0; i < npatch; i++)
        to[e->patch[i] - from] = replaced(*e->patch[i]);
    t->clean_len += n;
}

/* Keeps the raw byte at p in the run, replaced by one byte. */
static void patch(emitter *e, const char *p)
{
    if (e->npatch == PATCH_MAX)
        flush(e, p);
    e->patch[e->npatch++] = p;
}

static int is_ascii_punct(unsigned char c)
{
    return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) ||
           (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E);
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Tags removed from text.  Block tags become a line break. */
static const char *const inline_tags[] = {
    "a", "abbr", "b", "big", "cite", "code", "em", "font", "i", "img", "mark",
    "q", "s", "small", "span", "strong", "sub", "time", "u", "wbr", NULL};
static const char *const block_tags[] = {
    "address", "article", "aside", "blockquote", "body", "br", "caption",
    "dd", "div", "dl", "dt", "figcaption", "figure", "footer", "h1", "h2",
    "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "li", "link",
    "main", "meta", "nav", "ol", "p", "pre", "section", "table", "tbody",
    "td", "tfoot", "th", "thead", "title", "tr", "ul", NULL};

static int tag_in(const char *name, size_t n, const char *const *list)
{
    unsigned char first = (unsigned char)cg_ascii_lower((unsigned char)name[0]);
    for (size_t i = 0; list[i]; i++)
        if ((unsigned char)list[i][0] == first && strlen(list[i]) == n &&
            cg_ascii_caseeq(list[i], name, n))
            return 1;
    return 0;
}

/* Finds byte c in [p, end) within limit bytes; NULL if absent. */
static const char *find_within(const char *p, const char *end, char c, size_t limit)
{
    size_t n = (size_t)(end - p);
    return memchr(p, c, n < limit ? n : limit);
}

/* Length of a Markdown link's pieces starting at '[' p, or 0 if none.
 * Sets the offsets of ']' and of the target's '(' and ')'. */
static int parse_link(const char *p, const char *end, const char **close,
                      const char **tstart, const char **tend)
{
    const char *q = p + 1;
    const char *limit = end - p > 2000 ? p + 2000 : end;
    for (; q < limit; q++) {
        if (*q == '\\' && q + 1 < limit) {
            q++;
            continue;
        }
        if (*q == '[')
            return 0;
        if (*q == ']')
            break;
        if (*q == '\n' && q + 1 < limit && q[1] == '\n')
            return 0;
    }
    if (q >= limit || q + 1 >= end || q[1] != '(')
        return 0;
    const char *r = q + 2;
    int depth = 0;
    const char *rlimit = end - r > 2048 ? r + 2048 : end;
    for (; r < rlimit; r++) {
        if (is_space((unsigned char)*r))
            return 0;
        if (*r == '(')
            depth++;
        else if (*r == ')') {
            if (depth == 0)
                break;
            depth--;
        }
    }
    if (r >= rlimit)
        return 0;
    *close = q; /* only on success: the caller reads a set close as a link */
    *tstart = q + 2;
    *tend = r;
    return 1;
}

/* Whether a link's text is itself a symbol or URL (then its target is
 * not a reference of its own). */
static int link_text_is_reference(const char *p, const char *close)
{
    const char *s = p + 1;
    if (close - s >= 4 && (memcmp(s, "http", 4) == 0 || memcmp(s, "www.", 4) == 0))
        return 1;
    int slash = 0, space = 0;
    for (const char *q = s; q < close; q++) {
        slash |= *q == '/';
        space |= *q == ' ';
    }
    return slash && !space;
}

/* Decodes an HTML entity at '&' p; returns its length or 0. */
static size_t entity(const char *p, const char *end, char out[4], size_t *outlen)
{
    const char *semi = find_within(p, end, ';', 12);
    if (semi == NULL || semi == p + 1)
        return 0;
    size_t n = (size_t)(semi - p - 1);
    const char *name = p + 1;
    unsigned cp = 0;
    if (name[0] == '#') {
        int hex = n > 1 && (name[1] == 'x' || name[1] == 'X');
        size_t i = hex ? 2 : 1;
        if (i >= n)
            return 0;
        for (; i < n; i++) {
            unsigned char c = (unsigned char)name[i];
            unsigned d;
            if (c >= '0' && c <= '9') d = c - '0';
            else if (hex && cg_ascii_lower(c) >= 'a' && cg_ascii_lower(c) <= 'f') d = cg_ascii_lower(c) - 'a' + 10;
            else return 0;
            cp = cp * (hex ? 16 : 10) + d;
            if (cp > 0x10FFFF)
                return 0;
        }
    } else {
        static const struct { const char *name; unsigned cp; } names[] = {
            {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''},
            {"nbsp", ' '}, {"ndash", 0x2013}, {"mdash", 0x2014}, {"lsquo", 0x2018},
            {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D},
            {"hellip", 0x2026}, {"shy", 0xAD}, {"sect", 0xA7}, {"para", 0xB6},
            {NULL, 0}};
        for (size_t i = 0; names[i].name; i++)
            if (strlen(names[i].name) == n && memcmp(names[i].name, name, n) == 0)
                cp = names[i].cp;
        if (cp == 0)
            return 0;
    }
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    if (cp == 0xA0) cp = ' ';
    if (cp == 0xAD) { *outlen = 0; return n + 2; }
    if (cp < 0x80) { out[0] = (char)cp; *outlen = 1; }
    else if (cp < 0x800) { out[0] = (char)(0xC0 | cp >> 6); out[1] = (char)(0x80 | (cp & 0x3F)); *outlen = 2; }
    else if (cp < 0x10000) { out[0] = (char)(0xE0 | cp >> 12); out[1] = (char)(0x80 | ((cp >> 6) & 0x3F)); out[2] = (char)(0x80 | (cp & 0x3F)); *outlen = 3; }
    else { out[0] = (char)(0xF0 | cp >> 18); out[1] = (char)(0x80 | ((cp >> 12) & 0x3F)); out[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); out[3] = (char)(0x80 | (cp & 0x3F)); *outlen = 4; }
    return n + 2;
}

/* Handles '<' at p: an autolink, a tag, a comment.  Returns the number
 * of raw bytes consumed (0: an ordinary '<'); *block set when a block
 * tag's line break replaces them. */
static size_t angle(const char *p, const char *end, cg_markup markup, const char **autolink_end,
                    int *block_break)
{
    const char *q = p + 1;
    if (q < end && (end - q >= 4) &&
        (memcmp(q, "http", 4) == 0 || memcmp(q, "www.", 4) == 0)) {
        const char *gt = q;
        const char *limit = end - q > 4096 ? q + 4096 : end;
        while (gt < limit && *gt != '>' && !is_space((unsigned char)*gt) && *gt != '<')
            gt++;
        if (gt < limit && *gt == '>') {
            *autolink_end = gt;
            return 1; /* drop '<'; the '>' is dropped when reached */
        }
        return 0;
    }
    if (end - q >= 3 && memcmp(q, "!--", 3) == 0) {
        const char *r = q + 3;
        while (r + 2 < end && !(r[0] == '-' && r[1] == '-' && r[2] == '>'))
            r++;
        if (r + 2 >= end)
            return 0;
        return (size_t)(r + 3 - p);
    }
    int closing = q < end && *q == '/';
    if (closing)
        q++;
    const char *name = q;
    while (q < end && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
                       (q > name && *q >= '0' && *q <= '9')))
        q++;
    size_t n = (size_t)(q - name);
    if (n == 0) {
        if (markup == CG_MARKUP_HTML && q < end && *q == '!') {
            const char *gt = find_within(q, end, '>', 4096);
            return gt ? (size_t)(gt + 1 - p) : 0;
        }
        return 0;
    }
    /* after the name: a space, '>' or "/>" ("<A/78/738>" is a symbol) */
    if (q < end && !(is_space((unsigned char)*q) || *q == '>' ||
                     (*q == '/' && q + 1 < end && q[1] == '>')))
        return 0;
    int block = tag_in(name, n, block_tags);
    int known = block || tag_in(name, n, inline_tags) ||
                (n == 3 && cg_ascii_caseeq(name, "sup", 3)) ||
                (n == 6 && (cg_ascii_caseeq(name, "script", 6))) ||
                (n == 5 && cg_ascii_caseeq(name, "style", 5));
    if (!known && markup != CG_MARKUP_HTML)
        return 0;
    const char *gt = find_within(q, end, '>', 4096);
    if (gt == NULL)
        return 0;
    size_t len = (size_t)(gt + 1 - p);
    if (!closing && ((n == 3 && cg_ascii_caseeq(name, "sup", 3)) ||
                     (n == 6 && cg_ascii_caseeq(name, "script", 6)) ||
                     (n == 5 && cg_ascii_caseeq(name, "style", 5)))) {
        /* drop the whole element: footnote marks, scripts, styles */
        const char *r = gt + 1;
        size_t limit = n == 3 ? 64 : (size_t)(end - r);
        const char *stop = (size_t)(end - r) > limit ? r + limit : end;
        for (; r + n + 3 <= stop; r++)
            if (r[0] == '<' && r[1] == '/' && cg_ascii_caseeq(r + 2, name, n) && r[2 + n] == '>')
                return (size_t)(r + n + 3 - p);
        if (n == 3)
            return len; /* an unterminated <sup>: drop the tag only */
        return (size_t)(end - p);
    }
    *block_break = block;
    return len;
}

/* Unicode characters that are footnote marks (dropped) or spaces. */
static size_t special_utf8(const unsigned char *s, const unsigned char *end, int *kind)
{
    /* kind: 0 drop, 1 space, 2 hyphen */
    if (s[0] == 0xC2 && s + 1 < end) {
        if (s[1] == 0xB9 || s[1] == 0xB2 || s[1] == 0xB3 || s[1] == 0xAD) { *kind = 0; return 2; }
        if (s[1] == 0xA0) { *kind = 1; return 2; }
    } else if (s[0] == 0xE2 && s + 2 < end) {
        if (s[1] == 0x81 && (s[2] == 0xB0 || (s[2] >= 0xB4 && s[2] <= 0xB9))) { *kind = 0; return 3; }
        if (s[1] == 0x80 && s[2] <= 0x8A) { *kind = 1; return 3; }
        if (s[1] == 0x80 && s[2] == 0xAF) { *kind = 1; return 3; }
        if (s[1] == 0x80 && (s[2] == 0x8B || s[2] == 0x8C || s[2] == 0x8D)) { *kind = 0; return 3; }
        if (s[1] == 0x80 && s[2] == 0x91) { *kind = 2; return 3; }
    } else if (s[0] == 0xEF && s + 2 < end && s[1] == 0xBB && s[2] == 0xBF) {
        *kind = 0;
        return 3;
    }
    return 0;
}

/* The checks made along the scan: raw is UTF-8 without NUL, and its line
 * ends counted.  The bytes before offset valid are checked, those before
 * counted counted; a block of 32 bytes the scan loads is checked with
 * the bits it takes anyway, the bytes the scan jumps over by the
 * general routines. */
typedef struct checker {
    const char *base;
    size_t len;
    size_t valid;
    size_t counted;
    long *line_ends; /* NULL: not counted */
    size_t bad;
    int failed; /* a byte at bad is not UTF-8 */
} checker;

/* Counts the line ends before offset to (those before c->counted are). */
static void count_upto(checker *c, size_t to)
{
    if (c->line_ends != NULL && c->counted < to) {
        long n;
        size_t start;
        position_from(c->base, c->counted, 0, 0, to, &n, &start);
        *c->line_ends += n;
        c->counted = to;
    }
}

/* Checks (and counts) the raw bytes before offset to, and the character
 * that starts before it.  0 when a byte is not UTF-8. */
static int check_upto(checker *c, size_t to)
{
    if (c->failed)
        return 0;
    count_upto(c, to);
    if (c->valid < to && !utf8_valid_from(c->base, &c->valid, to, c->len, &c->bad))
        c->failed = 1;
    return !c->failed;
}

#if CG_BYTESET_AVX2
/* The block (32 or 64 bytes) that the scan last loaded, from blk (NULL:
 * none yet), and its bits of the special set. */
typedef struct block {
    const char *blk;
    uint64_t special;
} block;

/* What a block of the scan holds besides the special bytes, a bit a
 * byte: bytes above 0x7F or NUL, line feeds, carriage returns. */
typedef struct block_bits {
    uint64_t other, lf, cr;
} block_bits;

/* The checks of the block of width bytes at p whose bits are b (its
 * carriage returns only when it has special bytes, which they are, and
 * line ends are counted): the carriage returns not before a line feed
 * counted into *lines (the byte after the block is there: the text ends
 * with a zero byte); each character from a byte of b.other on checked,
 * past the *carry bytes at the block's start that the character before
 * it took (then those of the block's last character that the next block
 * holds).  0 when a byte is not UTF-8 (c->bad and c->failed set). */
static inline int block_checked(checker *c, const char *p, unsigned width, block_bits b,
                                size_t *carry, long *lines)
{
    if (b.cr)
        *lines += __builtin_popcountll(
            b.cr & ~(b.lf >> 1 | (uint64_t)(p[width] == '\n') << (width - 1)));
    uint64_t other = b.other & (~UINT64_C(0) << *carry);
    *carry = 0;
    size_t at = (size_t)(p - c->base);
    while (other) {
        size_t i = at + (size_t)__builtin_ctzll(other);
        size_t n = utf8_char_len((const unsigned char *)c->base, i, c->len);
        if (n == 0) {
            c->bad = i;
            c->failed = 1;
            return 0;
        }
        size_t next = i + n - at; /* in the block, or past it */
        if (next >= width) {
            *carry = next - width;
            break;
        }
        other &= ~UINT64_C(0) << next;
    }
    return 1;
}

/* Whether the scan stops at the block of width bytes at p, whose bits
 * are m (special) and b: at a byte that is not UTF-8, or at its first
 * special byte (*found; k then holds the block). */
static inline int block_stops(block *k, checker *c, const char *p, unsigned width, uint64_t m,
                              block_bits b, size_t *carry, long *lines, const char **found)
{
    if (!block_checked(c, p, width, b, carry, lines))
        return 1;
    if (m == 0)
        return 0;
    k->blk = p;
    k->special = m;
    *found = p + __builtin_ctzll(m);
    return 1;
}

/* Whether a scan of blocks of width bytes can start at p (*tail set to
 * p): a whole block before end, and the bytes jumped over since the
 * last block checked the general way (the blocks then follow one
 * another). */
static int blocks_begin(checker *c, const char *p, const char *end, unsigned width,
                        const char **tail)
{
    *tail = p;
    if (end - p < (ptrdiff_t)width)
        return 0;
    size_t at = (size_t)(p - c->base);
    return !((at > c->counted || at > c->valid) && !check_upto(c, at));
}

/* The end of a scan of blocks: the blocks before p checked (and the
 * carry bytes after), the line ends before it counted. */
static void blocks_done(checker *c, const char *p, size_t carry, long lines, int counted)
{
    if (!c->failed)
        c->valid = (size_t)(p - c->base) + carry;
    if (counted) {
        c->counted = (size_t)(p - c->base);
        *c->line_ends += lines;
    }
}

/* The first byte at or after p of the set of lo, hi, 32 bytes at a time
 * from p (k then holds the block of the byte found), each block checked
 * (c) with the bits it takes anyway.  NULL when a byte is not UTF-8
 * (c->failed), or if none is before the last fewer than 32 bytes of
 * end: then *tail is where those start. */
__attribute__((target("avx2"))) static const char *next_in_set32(block *k, checker *c,
                                                                 const char *p, const char *end,
                                                                 const unsigned char *lo,
                                                                 const unsigned char *hi,
                                                                 const char **tail)
{
    if (!blocks_begin(c, p, end, 32, tail))
        return NULL;
    size_t at = (size_t)(p - c->base);
    __m256i lf = _mm256_set1_epi8('\n');
    /* opaque to the compiler: kept in a register, not built again a block */
    __asm__("" : "+x"(lf));
    const __m256i cr = _mm256_set1_epi8('\r');
    const __m256i zero = _mm256_setzero_si256();
    const int count = c->line_ends != NULL;
    const char *last = end - 32;
    size_t carry = c->valid - at; /* see block_checked */
    long lines = 0;
    const char *found = NULL;
    for (; p <= last; p += 32) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)p), vlo, vhi;
        cg_byteset_nibbles(v, &vlo, &vhi);
        uint32_t m = cg_byteset_in32(lo, hi, vlo, vhi);
        block_bits b = {(uint32_t)_mm256_movemask_epi8(_mm256_or_si256(v, _mm256_cmpeq_epi8(v, zero))),
                        (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, lf)), 0};
        if (count)
            lines += __builtin_popcount((uint32_t)b.lf);
        if ((m | b.other) == 0)
            continue;
        if (count && m)
            b.cr = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, cr));
        if (block_stops(k, c, p, 32, m, b, &carry, &lines, &found)) {
            p += 32; /* counted */
            break;
        }
    }
    *tail = p;
    blocks_done(c, p, carry, lines, count);
    return found;
}

/* The same, 64 bytes at a time, with AVX-512. */
__attribute__((target("avx512bw"))) static const char *next_in_set64(block *k, checker *c,
                                                                     const char *p,
                                                                     const char *end,
                                                                     const unsigned char *lo,
                                                                     const unsigned char *hi,
                                                                     const char **tail)
{
    if (!blocks_begin(c, p, end, 64, tail))
        return NULL;
    size_t at = (size_t)(p - c->base);
    const __m512i lf = _mm512_set1_epi8('\n'), cr = _mm512_set1_epi8('\r');
    const __m512i nib = _mm512_set1_epi8(0x0F);
    const __m512i lo_t = _mm512_broadcast_i32x4(_mm_loadu_si128((const __m128i *)(const void *)lo));
    const __m512i hi_t = _mm512_broadcast_i32x4(_mm_loadu_si128((const __m128i *)(const void *)hi));
    const int count = c->line_ends != NULL;
    const char *last = end - 64;
    size_t carry = c->valid - at;
    long lines = 0;
    const char *found = NULL;
    for (; p <= last; p += 64) {
        __m512i v = _mm512_loadu_si512((const void *)p);
        __m512i l = _mm512_shuffle_epi8(lo_t, _mm512_and_si512(v, nib));
        __m512i h = _mm512_shuffle_epi8(hi_t, _mm512_and_si512(_mm512_srli_epi16(v, 4), nib));
        uint64_t m = _mm512_test_epi8_mask(l, h);
        block_bits b = {_mm512_movepi8_mask(v) | _mm512_testn_epi8_mask(v, v),
                        _mm512_cmpeq_epi8_mask(v, lf), 0};
        if (count)
            lines += __builtin_popcountll(b.lf);
        if ((m | b.other) == 0)
            continue;
        if (count && m)
            b.cr = _mm512_cmpeq_epi8_mask(v, cr);
        if (block_stops(k, c, p, 64, m, b, &carry, &lines, &found)) {
            p += 64;
            break;
        }
    }
    *tail = p;
    blocks_done(c, p, carry, lines, count);
    return found;
}
#endif

/* The set of bytes that may need more than a copy, and the checks. */
typedef struct scan {
    const unsigned char *special; /* the set, 256 flags */
    const unsigned char *simd;    /* its tables for 32 bytes at a time; NULL: not used */
    unsigned width;               /* with them, 32 or (AVX-512) 64 bytes at a time */
    checker check;
#if CG_BYTESET_AVX2
    block last;
#endif
} scan;

/* The first byte at or after p that special[] marks, or end (also when
 * a byte is not UTF-8: s->check.failed); the bytes before it checked.
 * With AVX2, 32 bytes at a time (when s->simd; 64 with AVX-512), each
 * block checked as it is loaded; then, the rest checked first, sixteen
 * bytes at a time:
 * tab to carriage return but the line feed, the marked punctuation and
 * every non-ASCII byte are candidates, each checked against the table. */
static const char *next_special(scan *s, const char *p, const char *end)
{
    const unsigned char *special = s->special;
#if CG_BYTESET_AVX2
    if (s->simd) {
        block *k = &s->last;
        if (k->blk != NULL && p < k->blk + s->width) {
            /* in the block loaded last: its bits from p on */
            uint64_t m = k->special & (~UINT64_C(0) << (p - k->blk));
            if (m)
                return k->blk + __builtin_ctzll(m);
            p = k->blk + s->width;
        }
        const char *q = s->width == 64
                            ? next_in_set64(k, &s->check, p, end, s->simd, s->simd + 32, &p)
                            : next_in_set32(k, &s->check, p, end, s->simd, s->simd + 32, &p);
        if (q)
            return q;
    }
#endif
    if (!check_upto(&s->check, s->check.len))
        return end;
#if defined(__SSE2__)
    const __m128i lf = _mm_set1_epi8('\n');
    while (end - p >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i ctl = _mm_sub_epi8(v, _mm_set1_epi8('\t'));
        ctl = _mm_cmpeq_epi8(_mm_min_epu8(ctl, _mm_set1_epi8('\r' - '\t')), ctl);
        ctl = _mm_andnot_si128(_mm_cmpeq_epi8(v, lf), ctl);
        __m128i br = _mm_sub_epi8(v, _mm_set1_epi8('['));
        br = _mm_cmpeq_epi8(_mm_min_epu8(br, _mm_set1_epi8(']' - '[')), br); /* [ \\ ] */
        __m128i pu = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('*')),
                                  _mm_cmpeq_epi8(v, _mm_set1_epi8('&')));
        pu = _mm_or_si128(pu, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('<')),
                                           _mm_cmpeq_epi8(v, _mm_set1_epi8('>'))));
        __m128i any = _mm_or_si128(_mm_or_si128(ctl, br), _mm_or_si128(pu, v));
        unsigned m = (unsigned)_mm_movemask_epi8(any);
        while (m) {
            const char *q = p + __builtin_ctz(m);
            if (special[(unsigned char)*q])
                return q;
            m &= m - 1;
        }
        p += 16;
    }
#endif
    while (p < end && !special[(unsigned char)*p])
        p++;
    return p;
}

/* The bytes that may need more than a copy, and their tables for 32
 * bytes at a time (NULL: not used); made once, by whichever thread
 * normalizes first. */
static unsigned char special[256];
static unsigned char special_tables[64];
static const unsigned char *special_simd;
static unsigned special_width;
static pthread_once_t special_once = PTHREAD_ONCE_INIT;

static void special_init(void)
{
    const char *sp = "\r\f\v\t*\\[]<>&";
    for (const char *c = sp; *c; c++)
        special[(unsigned char)*c] = 1;
    special[0xC2] = special[0xE2] = special[0xEF] = 1;
    if (cg_byteset_avx2() && cg_byteset_tables(special, special_tables, special_tables + 32))
        special_simd = special_tables;
    /* CITEGRAPH_SCAN=avx2 (or narrower): 32 bytes at a time, to compare */
    const char *force = getenv("CITEGRAPH_SCAN");
    special_width = cg_byteset_avx512() && !(force && *force) ? 64 : 32;
}

cg_status cg_markup_normalize(cg_text *t, cg_markup markup, long *line_ends, size_t *bad)
{
    const char *base = t->raw;
    const char *end = t->raw + t->raw_len;
    emitter e = {.t = t, .base = base, .run = base};
    t->clean = NULL;
    t->clean_len = 0;
    t->nsegs = 0;
    const char *p = base;
    const char *link_close = NULL, *link_tstart = NULL, *link_tend = NULL;
    int link_keep = 0;
    const char *autolink_end = NULL;
    pthread_once(&special_once, special_init);
    scan sc = {.special = special, .simd = special_simd, .width = special_width,
               .check = {.base = base, .len = t->raw_len, .line_ends = line_ends,
                         /* nothing to count: as if counted */
                         .counted = line_ends ? 0 : t->raw_len}};
    /* Each special byte either changes the text (the run of kept bytes
     * before it is copied, the change written, a new run started after
     * it), is replaced by one byte (kept in the run, patched when it is
     * copied) or turns out to be plain (kept in the run). */
    while (!e.failed) {
        p = next_special(&sc, p, end);
        if (p >= end)
            break;
        unsigned char c = (unsigned char)*p;
        size_t at = (size_t)(p - base);
        if (p == link_close) {
            flush(&e, p);
            if (link_keep) {
                emit(&e, ' ', (size_t)(link_tstart - base));
                for (const char *r = link_tstart; r < link_tend; r++)
                    emit(&e, *r, (size_t)(r - base));
                emit(&e, ' ', (size_t)(link_tend - base));
            }
            p = e.run = link_tend + 1;
            link_close = NULL;
            continue;
        }
        if (p == autolink_end) {
            flush(&e, p);
            autolink_end = NULL;
            p = e.run = p + 1;
            continue;
        }
        if (c < 0x80) {
            switch (c) {
            case '\r':
                if (p + 1 < end && p[1] == '\n') {
                    flush(&e, p); /* CRLF: the CR dropped */
                    p = e.run = p + 1;
                    continue;
                }
                patch(&e, p);
                break;
            case '\f': case '\v': case '\t':
                patch(&e, p);
                break;
            case '*':
                flush(&e, p);
                p = e.run = p + 1;
                continue;
            case '\\':
                if (markup != CG_MARKUP_HTML && p + 1 < end && is_ascii_punct((unsigned char)p[1])) {
                    flush(&e, p);
                    emit(&e, p[1], at + 1);
                    p = e.run = p + 2;
                    continue;
                }
                break;
            case '[':
                if (markup != CG_MARKUP_HTML && link_close == NULL &&
                    parse_link(p, end, &link_close, &link_tstart, &link_tend)) {
                    size_t tlen = (size_t)(link_tend - link_tstart);
                    link_keep = !(tlen == 0 || link_tstart[0] == '#' ||
                                  link_text_is_reference(p, link_close));
                    flush(&e, p);
                    p = e.run = p + 1;
                    continue;
                }
                break;
            case '<': {
                int block = 0;
                size_t n = angle(p, end, markup, &autolink_end, &block);
                if (n) {
                    flush(&e, p);
                    if (block)
                        emit(&e, '\n', at);
                    p = e.run = p + n;
                    continue;
                }
                break;
            }
            case '&': {
                char out[4];
                size_t outlen = 0;
                size_t n = entity(p, end, out, &outlen);
                if (n) {
                    flush(&e, p);
                    for (size_t i = 0; i < outlen; i++)
                        emit(&e, out[i], at);
                    p = e.run = p + n;
                    continue;
                }
                break;
            }
            default:
                break;
            }
            p++; /* kept in the run */
            continue;
        }
        int kind;
        size_t n = special_utf8((const unsigned char *)p, (const unsigned char *)end, &kind);
        if (n) {
            flush(&e, p);
            if (kind == 1)
                emit(&e, ' ', at);
            else if (kind == 2)
                emit(&e, '-', at);
            p = e.run = p + n;
            continue;
        }
        p++;
    }
    /* the bytes that the scan jumped over at the end, or did not reach */
    check_upto(&sc.check, sc.check.len);
    count_upto(&sc.check, sc.check.len);
    if (sc.check.failed) {
        *bad = sc.check.bad;
        return CG_EINPUT;
    }
    if (!e.failed && t->clean == NULL && e.run == base && e.npatch == 0) {
        /* nothing to change: the clean text is the raw one (which ends
         * with a zero byte) */
        t->clean = t->raw;
        t->clean_len = t->raw_len;
        return CG_OK;
    }
    flush(&e, end);
    if (!e.failed && t->clean == NULL)
        grow(&e, 0); /* everything dropped: an empty text */
    if (e.failed)
        return CG_ENOMEM;
    t->clean[t->clean_len] = '\0';
    return CG_OK;
}
