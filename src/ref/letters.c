/* Descriptions of dated communications, the way UN documents cite each
 * other:  (identical) letter(s) | note(s) verbale(s)  "dated" DATES
 * "from" [the] AUTHOR [addressed to ADDRESSEE] [,|(] SYMBOL {and|,|;
 * SYMBOL} where DATES is "5 December 2023 and 8 February 2024" or
 * "12 and 27 July 2023".  The n-th date goes with the n-th symbol. */
#include <string.h>

#include "citegraph/identity.h"
#include "internal.h"

#define MAX_DATES 8

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Whether the text at p starts with w, ASCII case-insensitively. */
static int starts_ci(const char *p, const char *end, const char *w)
{
    for (; *w; w++, p++)
        if (p >= end || lower((unsigned char)*p) != *w)
            return 0;
    return 1;
}

/* The end of the phrase of list at p (any case, whole word), or NULL. */
static const char *phrase_ci(const cg_phrases *list, const char *p, const char *end)
{
    const char *after;
    return cg_phrases_match_ci(list, p, end, &after) ? after : NULL;
}

/* Skips blanks and at most one line break. */
static const char *skip(const char *p, const char *end)
{
    const char *q = cg_lex_skip_space_lines(p, end, 1);
    return q ? q : p;
}

/* Skips a list separator (", ", " and ", ", and "); NULL if none. */
static const char *separator(const char *p, const char *end)
{
    const char *q = skip(p, end);
    int comma = 0;
    if (q < end && *q == ',') {
        comma = 1;
        q = skip(q + 1, end);
    }
    if (cg_lex_is_word(q, end, "and"))
        return skip(q + 3, end);
    return comma ? q : NULL;
}

void cg_author_key(const char *p, const char *end, char *out, size_t outlen)
{
    size_t o = 0;
    int space = 0;
    for (; p < end && o + 2 < outlen; p++) {
        unsigned char c = (unsigned char)*p;
        if (cg_is_space(c)) {
            space = o > 0;
            continue;
        }
        if (space)
            out[o++] = ' ';
        space = 0;
        out[o++] = (char)lower(c);
    }
    out[o] = '\0';
    if (strncmp(out, "the ", 4) == 0)
        memmove(out, out + 4, strlen(out + 4) + 1);
    static const char tail[] = " to the united nations";
    size_t n = strlen(out), k = sizeof tail - 1;
    if (n > k && strcmp(out + n - k, tail) == 0)
        out[n - k] = '\0';
}

/* The end of the author phrase starting at p. */
static const char *author_end(const cg_registry *reg, const char *p, const char *end)
{
    const char *limit = end - p > 300 ? p + 300 : end;
    for (const char *q = p; q < limit; q++) {
        if (*q == '(' || *q == ',' || *q == ';' || *q == ')' || *q == '[')
            return q;
        if (*q == '.' && (q + 1 == end || cg_is_space((unsigned char)q[1])) &&
            !(q - p >= 3 && starts_ci(q - 3, end, "a.i.")) &&
            !(q - p >= 2 && starts_ci(q - 2, end, "a.i")))
            return q;
        if (cg_is_space((unsigned char)*q) && phrase_ci(&reg->addressed_words, skip(q, end), end))
            return q;
    }
    return NULL;
}

const char *cg_letter_parse(const cg_registry *reg, const char *p, const char *end,
                            long *dates, size_t maxdates, size_t *ndates, char *author,
                            size_t authorlen)
{
    long days[MAX_DATES];
    size_t ndays = 0, n = 0;
    p = skip(p, end);
    const char *last = p;
    while (p < end && n < maxdates) {
        long date, day;
        const char *q = cg_lex_date(reg, p, end, 0, &date);
        if (q) {
            for (size_t i = 0; i < ndays && n < maxdates; i++)
                dates[n++] = date / 10000 * 10000 + date % 10000 / 100 * 100 + days[i];
            ndays = 0;
            if (n < maxdates)
                dates[n++] = date;
        } else if ((q = cg_lex_uint(p, end, 2, &day)) != NULL && day >= 1 && day <= 31 &&
                   ndays < MAX_DATES) {
            days[ndays++] = day;
        } else {
            break;
        }
        last = q;
        if ((p = separator(q, end)) == NULL)
            break;
    }
    if (n == 0 || ndays)
        return NULL;
    p = skip(last, end);
    const char *f = phrase_ci(&reg->from_words, p, end);
    if (f == NULL)
        return NULL;
    p = skip(f, end);
    const char *ae = author_end(reg, p, end);
    if (ae == NULL || ae == p)
        return NULL;
    cg_author_key(p, ae, author, authorlen);
    *ndates = n;
    return author[0] ? ae : NULL;
}

/* Skips " addressed to the ADDRESSEE" after an author. */
static const char *skip_addressee(const cg_registry *reg, const char *p, const char *end)
{
    const char *q = skip(p, end);
    const char *a = phrase_ci(&reg->addressed_words, q, end);
    if (a == NULL)
        return p;
    const char *limit = end - q > 200 ? q + 200 : end;
    for (q = a; q < limit; q++)
        if (*q == '(' || *q == ',' || *q == ';' || *q == ')' ||
            (*q == '.' && (q + 1 == end || cg_is_space((unsigned char)q[1]))))
            return q;
    return limit;
}

/* Whether a communication word of the lexicon ends just before the blank
 * before at ("letters dated"), as a whole word. */
static int communication_before(const cg_registry *reg, const char *begin, const char *at)
{
    const cg_phrases *list = &reg->communications;
    for (size_t i = 0; i < list->n; i++) {
        size_t k = list->items[i].len + 1;
        const char *w = at - k;
        if ((size_t)(at - begin) >= k && at[-1] == ' ' && phrase_ci(list, w, at - 1) == at - 1 &&
            (w == begin || !cg_is_alnum((unsigned char)w[-1])))
            return 1;
    }
    return 0;
}

/* The descriptions after each "dated" (the word dated) of [begin, end);
 * returns 1 when fn asked to stop. */
static int described_after(const cg_registry *reg, const cg_phrase *dated, const char *begin,
                           const char *end, cg_described_fn fn, void *ctx)
{
    cg_described d;
    for (const char *p = begin; p < end && (p = memchr(p, dated->text[0], (size_t)(end - p))) != NULL;) {
        const char *at = p++;
        const char *after = phrase_ci(&reg->dated_words, at, end);
        if (after != at + dated->len || (at > begin && cg_is_alnum((unsigned char)at[-1])))
            continue;
        /* a communication just before "dated" */
        if (!communication_before(reg, begin, at))
            continue;
        long dates[MAX_DATES];
        size_t n = 0;
        const char *q = cg_letter_parse(reg, after, end, dates, MAX_DATES, &n, d.author,
                                        sizeof d.author);
        if (q == NULL)
            continue;
        q = skip_addressee(reg, q, end);
        q = skip(q, end);
        if (q < end && (*q == '(' || *q == ','))
            q = skip(q + 1, end);
        char ids[MAX_DATES][CG_ID_MAX], aliases[MAX_DATES][CG_ID_MAX];
        size_t nsym = 0;
        while (q < end && nsym < MAX_DATES) {
            int is_res;
            const char *e = cg_symbol_parse(reg, q, end, ids[nsym], CG_ID_MAX, aliases[nsym],
                                            CG_ID_MAX, &is_res);
            if (e == NULL || is_res)
                break;
            nsym++;
            const char *s = separator(e, end);
            if (s == NULL && e < end && *e == ';')
                s = skip(e + 1, end);
            if (s == NULL)
                break;
            q = s;
        }
        if (nsym != n)
            continue;
        for (size_t i = 0; i < n; i++) {
            d.date = dates[i];
            memcpy(d.id, ids[i], sizeof d.id);
            memcpy(d.aliases, aliases[i], sizeof d.aliases);
            if (fn(&d, ctx))
                return 1;
        }
        p = q;
    }
    return 0;
}

void cg_find_described(const cg_registry *reg, const cg_text *text, cg_described_fn fn,
                       void *ctx)
{
    const char *begin = text->clean, *end = text->clean + text->clean_len;
    for (size_t w = 0; w < reg->dated_words.n; w++)
        if (described_after(reg, &reg->dated_words.items[w], begin, end, fn, ctx))
            return;
}
