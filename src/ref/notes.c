/* The footnotes of a document.  Their marks are dropped from the clean
 * text, so they are found in the raw bytes: a line that starts (after
 * indentation) with a superscript number "¹²", "<sup>12</sup>", a
 * Markdown note "[^12]:" or, in pdftotext layouts, a number alone on its
 * line above more deeply indented text.  A footnote runs to the next one
 * or to a blank line.  Each line tells by itself (and the line after it)
 * whether it starts a footnote or is blank, so the footnote around a
 * place is found from the lines just before it: the cost follows the
 * places asked about, not the text.  Once those searches have gone over
 * half the text, the whole table is built instead, in one pass over the
 * lines passing over those whose first byte, or first after the
 * indentation, can neither start nor close a footnote (their line feeds
 * found 16 or 32 bytes at a time): linear in the text either way. */
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

#include "internal.h"

/* Footnotes looked at after the text that calls one. */
#define NOTES_AHEAD 512

/* Reads a footnote mark at p: a run of superscript digits, <sup>n</sup>
 * or [^n]; returns its length (0 if none) and sets *number. */
size_t note_mark(const char *p, const char *end, long *number)
{
    const unsigned char *s = (const unsigned char *)p, *e = (const unsigned char *)end;
    long n = 0;
    int digits = 0;
    const unsigned char *q = s;
    while (q < e && digits < 4) {
        int d = -1;
        if (q + 1 < e && q[0] == 0xC2 && (q[1] == 0xB9 || q[1] == 0xB2 || q[1] == 0xB3)) {
            d = q[1] == 0xB9 ? 1 : q[1] == 0xB2 ? 2 : 3;
            q += 2;
        } else if (q + 2 < e && q[0] == 0xE2 && q[1] == 0x81 &&
                   (q[2] == 0xB0 || (q[2] >= 0xB4 && q[2] <= 0xB9))) {
            d = q[2] == 0xB0 ? 0 : q[2] - 0xB0;
            q += 3;
        }
        if (d < 0)
            break;
        n = n * 10 + d;
        digits++;
    }
    if (digits > 0) {
        *number = n;
        return (size_t)(q - s);
    }
    const char *t = p;
    size_t open = 0;
    if (end - p > 5 && cg_ascii_caseeq(p, "<sup>", 5))
        open = 5;
    else if (end - p > 2 && p[0] == '[' && p[1] == '^')
        open = 2;
    if (open == 0)
        return 0;
    t = p + open;
    const char *d = cg_lex_uint(t, end, 6, &n);
    if (d == NULL)
        return 0;
    if (open == 5 && end - d >= 6 && cg_ascii_caseeq(d, "</sup>", 6)) {
        *number = n;
        return (size_t)(d + 6 - p);
    }
    if (open == 2 && d < end && *d == ']') {
        *number = n;
        return (size_t)(d + 1 - p);
    }
    return 0;
}

/* The indentation of a line, counted up to 17: a footnote's mark is
 * indented 16 at most, and its text only needs to be deeper than that. */
static size_t indent_of(const char *p, const char *end)
{
    size_t n = 0;
#if defined(__SSE2__)
    if (end - p >= 16) {
        /* sixteen at once: the blanks before the first other byte */
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
        unsigned blank = (unsigned)_mm_movemask_epi8(_mm_or_si128(
            _mm_cmpeq_epi8(x, _mm_set1_epi8(' ')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\t'))));
        if (blank != 0xFFFF)
            return (size_t)__builtin_ctz(~blank);
        n = 16;
        p += 16;
    }
#endif
    while (p < end && (*p == ' ' || *p == '\t') && n < 17) {
        p++;
        n++;
    }
    return n;
}

static int blank_line(const char *p, const char *end)
{
    while (p < end && *p != '\n') {
        if (!cg_is_space((unsigned char)*p) && *p != '\f')
            return 0;
        p++;
    }
    return 1;
}

/* The next line feed at or after p, or end: inline, sixteen bytes at a
 * time, as lines are short and a call per line would cost more. */
static inline const char *next_line_feed(const char *p, const char *end)
{
#if defined(__SSE2__)
    const __m128i nl = _mm_set1_epi8('\n');
    while (end - p >= 16) {
        unsigned m = (unsigned)_mm_movemask_epi8(
            _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)p), nl));
        if (m)
            return p + __builtin_ctz(m);
        p += 16;
    }
#endif
    while (p < end && *p != '\n')
        p++;
    return p;
}

/* Whether a footnote's mark (or number) may start with byte c. */
static inline int note_first(unsigned char c)
{
    return cg_is_digit(c) || c == '[' || c == '<' || c == 0xC2 || c == 0xE2;
}

/* Where the text of a footnote starting at line begins (raw), or NULL. */
static const char *note_start(const char *line, const char *eol, const char *end, long *number)
{
    size_t ind = indent_of(line, eol);
    if (ind > 16)
        return NULL;
    const char *p = line + ind;
    if (*p == '\f')
        p++;
    unsigned char c = p < eol ? (unsigned char)*p : 0;
    if (!note_first(c))
        return NULL; /* most lines: a word */
    size_t m = cg_is_digit(c) ? 0 : note_mark(p, eol, number); /* marks start otherwise */
    if (m > 0) {
        const char *q = p + m;
        if (p[0] == '[' && (q >= eol || *q++ != ':'))
            return NULL;
        if (q < eol && (*q == ' ' || *q == '\t'))
            return q;
        return NULL;
    }
    /* pdftotext: a number alone on its line, its text indented deeper below */
    const char *d = cg_lex_uint(p, eol, 3, number);
    if (d == NULL || !blank_line(d, eol) || eol >= end)
        return NULL;
    const char *next = eol + 1;
    const char *next_eol = next_line_feed(next, end);
    if (blank_line(next, next_eol) || indent_of(next, next_eol) <= ind)
        return NULL;
    return next;
}

static cg_status push(notes *nb, size_t start, long number, size_t line)
{
    if (nb->n == nb->cap) {
        size_t cap = nb->cap ? nb->cap * 2 : 16;
        note *items = cg_realloc(nb->items, cap * sizeof *items);
        if (items == NULL)
            return CG_ENOMEM;
        nb->items = items;
        nb->cap = cap;
    }
    nb->items[nb->n].start = start;
    nb->items[nb->n].end = start;
    nb->items[nb->n].number = number;
    nb->items[nb->n].line = line;
    nb->n++;
    return CG_OK;
}

/* First bytes of the lines that may start a footnote (after indentation
 * or a form feed: a digit, '[', '<', a superscript's lead byte); with
 * open set, also of those that may be blank and so close one. */
static const unsigned char *line_firsts(int open)
{
    static const unsigned char tables[2][256] = {
#define NOTE_FIRSTS ['\t'] = 1, [' '] = 1, ['\f'] = 1, ['0'] = 1, ['1'] = 1, ['2'] = 1, \
                    ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, \
                    ['9'] = 1, ['['] = 1, ['<'] = 1, [0xC2] = 1, [0xE2] = 1
        {NOTE_FIRSTS},
        {NOTE_FIRSTS, ['\n'] = 1, ['\r'] = 1, ['\v'] = 1},
#undef NOTE_FIRSTS
    };
    return tables[open != 0];
}

/* The start of the next line after p whose first byte is in firsts, or
 * end: the line feeds sixteen at a time, one table look-up a line. */
static const char *next_line_in(const char *p, const char *end, const unsigned char *firsts)
{
#if defined(__SSE2__)
    const __m128i nl = _mm_set1_epi8('\n');
    for (; end - p >= 16; p += 16) {
        unsigned m = (unsigned)_mm_movemask_epi8(
            _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)p), nl));
        while (m) {
            const char *q = p + __builtin_ctz(m) + 1;
            if (q >= end || firsts[(unsigned char)*q])
                return q;
            m &= m - 1;
        }
    }
#endif
    for (; p < end; p++)
        if (*p == '\n' && (p + 1 >= end || firsts[(unsigned char)p[1]]))
            return p + 1;
    return end;
}

#if defined(__x86_64__) && defined(__GNUC__)
/* The same, thirty-two bytes at a time, on processors with AVX2. */
__attribute__((target("avx2"))) static const char *
next_line_in_avx2(const char *p, const char *end, const unsigned char *firsts)
{
    const __m256i nl = _mm256_set1_epi8('\n');
    for (; end - p >= 32; p += 32) {
        unsigned m = (unsigned)_mm256_movemask_epi8(
            _mm256_cmpeq_epi8(_mm256_loadu_si256((const __m256i *)(const void *)p), nl));
        while (m) {
            const char *q = p + __builtin_ctz(m) + 1;
            if (q >= end || firsts[(unsigned char)*q])
                return q;
            m &= m - 1;
        }
    }
    return next_line_in(p, end, firsts);
}
#endif

/* next_line_in, thirty-two bytes at a time where the processor can. */
static const char *skip_lines(const char *p, const char *end, const unsigned char *firsts)
{
#if defined(__x86_64__) && defined(__GNUC__)
    if (__builtin_cpu_supports("avx2"))
        return next_line_in_avx2(p, end, firsts);
#endif
    return next_line_in(p, end, firsts);
}

/* What a line is to the footnotes. */
enum { LINE_OTHER, LINE_NOTE, LINE_BLANK };

/* Whether the line [line, eol) starts a footnote (its text at *body, its
 * number in *number), is blank (closing an open one) or neither. */
static int line_kind(const char *line, const char *eol, const char *end, const char **body,
                     long *number)
{
    if (!line_firsts(1)[(unsigned char)*line])
        return LINE_OTHER;
    *body = note_start(line, eol, end, number);
    if (*body != NULL)
        return LINE_NOTE;
    return blank_line(line, eol) ? LINE_BLANK : LINE_OTHER;
}

/* The start of the line that holds p (raw <= p): its line feed looked
 * for backwards, sixteen bytes at a time. */
static const char *line_start(const char *raw, const char *p)
{
#if defined(__SSE2__)
    const __m128i nl = _mm_set1_epi8('\n');
    while (p - raw >= 16) {
        unsigned m = (unsigned)_mm_movemask_epi8(
            _mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)(p - 16)), nl));
        if (m)
            return p - 16 + (31 - __builtin_clz(m)) + 1;
        p -= 16;
    }
#endif
    while (p > raw && p[-1] != '\n')
        p--;
    return p;
}

/* The start of the line before the one starting at line (> raw). */
static const char *line_before(const char *raw, const char *line)
{
    return line_start(raw, line - 1);
}

/* Builds the whole table of footnotes, in one pass over the lines. */
static cg_status notes_build(notes *nb)
{
    const cg_text *text = nb->text;
    nb->n = 0;
    const char *raw = text->raw ? text->raw : "";
    const char *end = raw + text->raw_len;
    size_t hint = 0; /* the offset map's place: lines come in order */
    int open = 0;
    const char *(*skip)(const char *, const char *, const unsigned char *) = next_line_in;
#if defined(__x86_64__) && defined(__GNUC__)
    if (__builtin_cpu_supports("avx2"))
        skip = next_line_in_avx2;
#endif
    /* lines of other first bytes neither start nor close a footnote */
    for (const char *line = raw; line < end;) {
        if (!line_firsts(open)[(unsigned char)*line]) {
            line = skip(line, end, line_firsts(open));
            continue;
        }
        /* an indented line of words, the most common kind: it neither
         * starts a footnote nor is blank, passed over with the lines
         * after it (its end not looked for first) */
        size_t ind = indent_of(line, end);
        const char *w = line + ind;
        if (w < end && *w == '\f')
            w++;
        unsigned char c = w < end ? (unsigned char)*w : '\n';
        if (ind <= 16 && !note_first(c) && !cg_is_space(c) && c != '\f') {
            line = skip(line, end, line_firsts(open));
            continue;
        }
        const char *eol = next_line_feed(line, end);
        long number;
        const char *body = note_start(line, eol, end, &number);
        if (body != NULL) {
            if (open)
                nb->items[nb->n - 1].end = cg_text_clean_offset_at(text, (size_t)(line - raw), &hint);
            if (push(nb, cg_text_clean_offset_at(text, (size_t)(body - raw), &hint), number,
                     (size_t)(line - raw)) != CG_OK)
                return CG_ENOMEM;
            open = 1;
        } else if (open && blank_line(line, eol)) {
            nb->items[nb->n - 1].end = cg_text_clean_offset_at(text, (size_t)(line - raw), &hint);
            open = 0;
        }
        line = eol < end ? eol + 1 : end;
    }
    if (open)
        nb->items[nb->n - 1].end = text->clean_len;
    return CG_OK;
}

void notes_init(notes *nb, const cg_text *text)
{
    memset(nb, 0, sizeof *nb);
    nb->text = text;
}

cg_status notes_use_table(notes *nb)
{
    if (nb->table)
        return CG_OK;
    cg_status st = notes_build(nb);
    if (st == CG_OK)
        nb->table = 1;
    return st;
}

/* Whether the local searches have gone over so many bytes that the table
 * is cheaper from now on: then it is built (if memory allows; if not,
 * the local searches go on, giving the same answers). */
static int use_table(notes *nb)
{
    if (!nb->table && nb->spent > nb->text->raw_len / 2 + 65536)
        (void)notes_use_table(nb);
    return nb->table;
}

/* The clean offset where the footnote whose mark's line ends at eol
 * ends: at the next line that starts one or is blank. */
static size_t local_end(notes *nb, const char *eol)
{
    const cg_text *text = nb->text;
    const char *end = text->raw + text->raw_len;
    const char *from = eol, *line = eol < end ? eol + 1 : end;
    while (line < end) {
        if (!line_firsts(1)[(unsigned char)*line]) {
            line = skip_lines(line, end, line_firsts(1));
            continue;
        }
        const char *e = next_line_feed(line, end), *body;
        long number;
        if (line_kind(line, e, end, &body, &number) != LINE_OTHER)
            break;
        line = e < end ? e + 1 : end;
    }
    nb->spent += (size_t)(line - from);
    return line < end ? cg_text_clean_offset_at(text, (size_t)(line - text->raw), &nb->clean_hint) : text->clean_len;
}

/* Fills n with the footnote whose mark's line is line (text at body),
 * its end only if with_end is set. */
static void local_note(notes *nb, const char *line, const char *body, long number, note *n,
                       int with_end)
{
    const cg_text *text = nb->text;
    n->start = cg_text_clean_offset_at(text, (size_t)(body - text->raw), &nb->clean_hint);
    n->number = number;
    n->line = (size_t)(line - text->raw);
    n->end = with_end ? local_end(nb, next_line_feed(line, text->raw + text->raw_len)) : n->start;
}

/* notes_at from the lines around off: back from its line to the first
 * that starts a footnote or is blank. */
static int local_at(notes *nb, size_t off, note *out)
{
    const cg_text *text = nb->text;
    const char *raw = text->raw, *end = raw + text->raw_len;
    const char *r = raw + cg_text_raw_offset_at(text, off, &nb->raw_hint);
    if (r >= end)
        return 0;
    const char *line = line_start(raw, r);
    const char *eol = next_line_feed(r, end);
    for (;;) {
        nb->spent += (size_t)(eol - line) + 1;
        const char *body;
        long number;
        int kind = line_kind(line, eol, end, &body, &number);
        if (kind == LINE_NOTE) {
            if (body > r)
                return 0; /* on its mark's line, before its text */
            local_note(nb, line, body, number, out, 0);
            return 1;
        }
        if (kind == LINE_BLANK || line == raw)
            return 0;
        eol = line - 1;
        line = line_before(raw, line);
    }
}

/* The index in the table of the footnote whose mark's line is n's. */
static size_t table_index(const notes *nb, const note *n)
{
    size_t lo = 0, hi = nb->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (nb->items[mid].line < n->line)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The number of footnotes of the table starting at or before off,
 * searched in [lo, hi) (those before lo start at or before it, those
 * from hi after). */
static size_t notes_upto(const notes *nb, size_t off, size_t lo, size_t hi)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (nb->items[mid].start <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int notes_at(notes *nb, size_t off, note *out)
{
    if (nb->text->raw == NULL)
        return 0;
    if (!use_table(nb))
        return local_at(nb, off, out);
    size_t upto = notes_upto(nb, off, 0, nb->n);
    if (upto == 0 || off >= nb->items[upto - 1].end)
        return 0;
    *out = nb->items[upto - 1];
    return 1;
}

int notes_before(notes *nb, const note *n, note *out)
{
    if (use_table(nb)) {
        size_t k = table_index(nb, n);
        if (k == 0)
            return 0;
        *out = nb->items[k - 1];
        return 1;
    }
    /* back from its mark's line to the first that starts a footnote; the
     * line after it that starts one or is blank ends it */
    const cg_text *text = nb->text;
    const char *raw = text->raw;
    const char *line = raw + n->line, *after = line;
    while (line > raw) {
        const char *eol = line - 1, *body;
        line = line_before(raw, line);
        nb->spent += (size_t)(eol - line) + 1;
        long number;
        int kind = line_kind(line, eol, raw + text->raw_len, &body, &number);
        if (kind == LINE_NOTE) {
            out->start = cg_text_clean_offset_at(text, (size_t)(body - raw), &nb->clean_hint);
            out->end = cg_text_clean_offset_at(text, (size_t)(after - raw), &nb->clean_hint);
            out->number = number;
            out->line = (size_t)(line - raw);
            return 1;
        }
        if (kind == LINE_BLANK)
            after = line;
    }
    return 0;
}

int notes_numbered(notes *nb, long number, size_t off, note *out)
{
    const cg_text *text = nb->text;
    if (text->raw == NULL)
        return 0;
    /* the first footnote at or after off, then the next NOTES_AHEAD at most:
     * a footnote follows the text that calls it closely */
    if (use_table(nb)) {
        size_t lo = 0, hi = nb->n;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (nb->items[mid].start < off)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t i = lo; i < nb->n && i < lo + NOTES_AHEAD; i++)
            if (nb->items[i].number == number) {
                *out = nb->items[i];
                return 1;
            }
        return 0;
    }
    /* the lines from the one before off's (a pdftotext footnote's text
     * starts a line after its mark's) */
    const char *raw = text->raw, *end = raw + text->raw_len;
    const char *line = line_start(raw, raw + cg_text_raw_offset_at(text, off, &nb->raw_hint)), *from;
    if (line > raw)
        line = line_before(raw, line);
    from = line;
    int found = 0;
    for (size_t seen = 0; line < end && seen < NOTES_AHEAD;) {
        if (!line_firsts(0)[(unsigned char)*line]) {
            line = skip_lines(line, end, line_firsts(0));
            continue;
        }
        const char *eol = next_line_feed(line, end), *body;
        long k;
        if (line_kind(line, eol, end, &body, &k) == LINE_NOTE &&
            cg_text_clean_offset_at(text, (size_t)(body - raw), &nb->clean_hint) >= off) {
            seen++;
            if (k == number) {
                local_note(nb, line, body, k, out, 1);
                found = 1;
                break;
            }
        }
        line = eol < end ? eol + 1 : end;
    }
    nb->spent += (size_t)(line - from);
    return found;
}

void notes_free(notes *nb)
{
    cg_free(nb->items);
    memset(nb, 0, sizeof *nb);
}

void paragraph_bounds(const char *begin, const char *end, const char *p, size_t limit,
                      const char **lo, const char **hi)
{
    const char *a = p, *stop = (size_t)(p - begin) > limit ? p - limit : begin;
    while (a > stop) {
        if (a[-1] == '\n') {
            const char *b = a - 1;
            while (b > begin && (b[-1] == ' ' || b[-1] == '\t'))
                b--;
            if (b > begin && b[-1] == '\n')
                break;
        }
        a--;
    }
    const char *z = p, *zstop = (size_t)(end - p) > limit ? p + limit : end;
    while (z < zstop) {
        if (*z == '\n') {
            const char *b = z + 1;
            while (b < end && (*b == ' ' || *b == '\t'))
                b++;
            if (b >= end || *b == '\n')
                break;
        }
        z++;
    }
    *lo = a;
    *hi = z;
}

int has_blank_line(const char *a, const char *b)
{
    for (const char *p = a; p < b; p++) {
        if (*p != '\n')
            continue;
        const char *q = p + 1;
        while (q < b && (*q == ' ' || *q == '\t'))
            q++;
        if (q < b && *q == '\n')
            return 1;
    }
    return 0;
}

/* How common a byte is in English text, 0 rare .. 25 common: the anchor
 * of a search is the needle's rarest byte, so that memchr stops seldom. */
static int commonness(unsigned char c)
{
    static const char order[] = "zqxjkvbpygfwmucldrhsnioate ";
    if (c >= 'A' && c <= 'Z')
        return 1;
    const char *o = c ? strchr(order, c) : NULL;
    return o ? (int)(o - order) : 0;
}

/* The first of the candidate starts m (bits over the block at c) where
 * the whole needle is, not after last; NULL if none. */
static inline const char *whole_match(const char *c, uint64_t m, const char *last,
                                      const char *needle, size_t n)
{
    for (; m; m &= m - 1) {
        const char *s = c + __builtin_ctzll(m);
        if (s <= last && memcmp(s, needle, n) == 0)
            return s;
    }
    return NULL;
}

/* Candidates for needle where two of its bytes, at offsets a and b (its
 * rarest two), match: sixteen starts at a time; the first whole match
 * at or after p and not after last, or NULL. */
#if defined(__SSE2__)
static const char *pair_search(const char *p, const char *last, const char *needle, size_t n,
                               size_t a, size_t b)
{
    const __m128i f = _mm_set1_epi8(needle[a]), g = _mm_set1_epi8(needle[b]);
    const char *end = last + n;
    const char *c = p; /* a candidate start */
    size_t reach = (a > b ? a : b) + 16;
    for (; (size_t)(end - c) >= reach; c += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(c + a));
        __m128i y = _mm_loadu_si128((const __m128i *)(const void *)(c + b));
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(x, f),
                                                               _mm_cmpeq_epi8(y, g)));
        const char *s = m ? whole_match(c, m, last, needle, n) : NULL;
        if (s)
            return s;
    }
    for (; c <= last; c++)
        if (c[a] == needle[a] && c[b] == needle[b] && memcmp(c, needle, n) == 0)
            return c;
    return NULL;
}
#endif

#if defined(__x86_64__) && defined(__GNUC__)
/* The first block of thirty-two starts from c on (while end - c >= reach)
 * where the needle's bytes fa at a and gb at b both match, its matches
 * in *m; where the blocks stopped when none.  No call inside, so that
 * the loop keeps its values in registers (a call in the loop had them
 * reloaded from the stack at every block). */
__attribute__((target("avx2"), noinline)) static const char *
pair_blocks_avx2(const char *c, const char *end, size_t reach, char fa, char gb, size_t a,
                 size_t b, uint64_t *m)
{
    const __m256i f = _mm256_set1_epi8(fa), g = _mm256_set1_epi8(gb);
    for (; (size_t)(end - c) >= reach; c += 32) {
        __m256i x = _mm256_loadu_si256((const __m256i *)(const void *)(c + a));
        __m256i y = _mm256_loadu_si256((const __m256i *)(const void *)(c + b));
        unsigned bits = (unsigned)_mm256_movemask_epi8(
            _mm256_and_si256(_mm256_cmpeq_epi8(x, f), _mm256_cmpeq_epi8(y, g)));
        if (bits) {
            *m = bits;
            return c;
        }
    }
    *m = 0;
    return c;
}

/* The same, sixty-four starts at a time, on processors with AVX-512BW. */
__attribute__((target("avx512bw"), noinline)) static const char *
pair_blocks_avx512(const char *c, const char *end, size_t reach, char fa, char gb, size_t a,
                   size_t b, uint64_t *m)
{
    const __m512i f = _mm512_set1_epi8(fa), g = _mm512_set1_epi8(gb);
    for (; (size_t)(end - c) >= reach; c += 64) {
        __m512i x = _mm512_loadu_si512((const void *)(c + a));
        __m512i y = _mm512_loadu_si512((const void *)(c + b));
        uint64_t bits = _mm512_mask_cmpeq_epi8_mask(_mm512_cmpeq_epi8_mask(x, f), y, g);
        if (bits) {
            *m = bits;
            return c;
        }
    }
    *m = 0;
    return c;
}

/* pair_search with blocks of width 32 (AVX2) or 64 (AVX-512BW) starts. */
static const char *pair_search_wide(const char *p, const char *last, const char *needle,
                                    size_t n, size_t a, size_t b, unsigned width)
{
    const char *end = last + n;
    size_t reach = (a > b ? a : b) + width;
    for (const char *c = p;; c += width) {
        uint64_t m;
        c = width == 64 ? pair_blocks_avx512(c, end, reach, needle[a], needle[b], a, b, &m)
                        : pair_blocks_avx2(c, end, reach, needle[a], needle[b], a, b, &m);
        if (m == 0)
            return pair_search(c, last, needle, n, a, b);
        const char *s = whole_match(c, m, last, needle, n);
        if (s)
            return s;
    }
}
#endif

unsigned find_bytes_widest(void)
{
#if defined(__x86_64__) && defined(__GNUC__)
    if (__builtin_cpu_supports("avx512bw"))
        return 64;
    if (__builtin_cpu_supports("avx2"))
        return 32;
#endif
#if defined(__SSE2__)
    return 16;
#else
    return 1;
#endif
}

const char *find_bytes_width(const char *p, const char *end, const char *needle, size_t n,
                             unsigned width)
{
    if (n == 0 || (size_t)(end - p) < n)
        return NULL;
    /* the rarest byte of the needle, and the rarest other one */
    size_t a = 0;
    for (size_t k = 1; k < n; k++)
        if (commonness((unsigned char)needle[k]) < commonness((unsigned char)needle[a]))
            a = k;
    const char *last = end - n; /* the last possible start */
#if defined(__SSE2__)
    if (n >= 2 && width >= 16) {
        size_t b = a == 0 ? 1 : 0;
        for (size_t k = 0; k < n; k++)
            if (k != a && commonness((unsigned char)needle[k]) < commonness((unsigned char)needle[b]))
                b = k;
#if defined(__x86_64__) && defined(__GNUC__)
        if (width >= 32)
            return pair_search_wide(p, last, needle, n, a, b, width >= 64 ? 64 : 32);
#endif
        return pair_search(p, last, needle, n, a, b);
    }
#endif
    for (const char *q = p + a; q <= last + a;) {
        q = memchr(q, needle[a], (size_t)(last + a - q) + 1);
        if (q == NULL)
            return NULL;
        if (memcmp(q - a, needle, n) == 0)
            return q - a;
        q++;
    }
    return NULL;
}

const char *find_bytes(const char *p, const char *end, const char *needle, size_t n)
{
    return find_bytes_width(p, end, needle, n, find_bytes_widest());
}

int sentence_end(const cg_registry *reg, const char *begin, const char *p)
{
    if (*p != '.')
        return 0;
    const char *lo = p - begin > 12 ? p - 12 : begin, *st;
    if (cg_phrases_match_before(&reg->abbreviations, lo, p + 1, &st))
        return 0;
    return !(p - begin >= 1 && cg_is_upper((unsigned char)p[-1]) &&
             (p - begin == 1 || !cg_is_alnum((unsigned char)p[-2])));
}
