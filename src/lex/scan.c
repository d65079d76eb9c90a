/* Small scanners over a cursor [p, end): numbers, roman numerals, dates
 * ("7 December 2021"), words.  No allocation; each returns the new
 * cursor or NULL when the text does not match. */
#include "citegraph/lex.h"

#include <string.h>

const char *cg_lex_skip_space(const char *p, const char *end)
{
    while (p < end && cg_is_space((unsigned char)*p))
        p++;
    return p;
}

const char *cg_lex_skip_space_lines(const char *p, const char *end, int max_breaks)
{
    int breaks = 0;
    while (p < end && cg_is_space((unsigned char)*p)) {
        if (*p == '\n' && ++breaks > max_breaks)
            return NULL;
        p++;
    }
    return p;
}

const char *cg_lex_uint(const char *p, const char *end, int maxdigits, long *value)
{
    long v = 0;
    int n = 0;
    while (p < end && cg_is_digit((unsigned char)*p)) {
        if (++n > maxdigits)
            return NULL;
        v = v * 10 + (*p - '0');
        p++;
    }
    if (n == 0)
        return NULL;
    *value = v;
    return p;
}

const char *cg_lex_roman(const char *p, const char *end, long *value)
{
    static const struct { char c; int v; } digits[] = {
        {'I', 1}, {'V', 5}, {'X', 10}, {'L', 50}, {'C', 100}};
    long total = 0;
    int prev = 1000, n = 0;
    const char *start = p;
    while (p < end) {
        int v = 0;
        for (size_t i = 0; i < 5; i++)
            if (*p == digits[i].c)
                v = digits[i].v;
        if (v == 0)
            break;
        total += v;
        if (v > prev)
            total -= 2 * prev;
        prev = v;
        p++;
        if (++n > 8)
            return NULL;
    }
    if (p == start || (p < end && cg_is_alnum((unsigned char)*p)))
        return NULL;
    *value = total;
    return p;
}

const char *cg_lex_word(const char *p, const char *end)
{
    while (p < end && cg_is_alpha((unsigned char)*p))
        p++;
    return p;
}

int cg_lex_is_word(const char *p, const char *end, const char *w)
{
    size_t n = strlen(w);
    if ((size_t)(end - p) < n || memcmp(p, w, n) != 0)
        return 0;
    return p + n == end || !cg_is_alnum((unsigned char)p[n]);
}

const char *cg_lex_date(const cg_registry *reg, const char *p, const char *end,
                        int allow_no_year, long *date)
{
    long day, year = 0;
    const char *q = cg_lex_uint(p, end, 2, &day);
    if (q == NULL || day < 1 || day > 31)
        return NULL;
    const char *m = cg_lex_skip_space_lines(q, end, 1);
    if (m == NULL || m == q) /* "7December": no space after the day */
        return NULL;
    q = m;
    const char *after;
    const cg_phrase *month = cg_phrases_match(&reg->months, q, end, &after);
    if (month == NULL)
        return NULL;
    const char *r = cg_lex_skip_space_lines(after, end, 1);
    const char *y = r ? cg_lex_uint(r, end, 4, &year) : NULL;
    if (y && year >= 1900 && year <= 2999 && r - after >= 1) {
        *date = year * 10000 + month->value * 100 + day;
        return y;
    }
    if (!allow_no_year)
        return NULL;
    *date = month->value * 100 + day;
    return after;
}
