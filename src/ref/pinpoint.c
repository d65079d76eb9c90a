/* Pinpoints: the part of a document a reference cites, written after it
 * ("A/71/880-S/2017/316, annex, para. 76", "Ibid., pages 2 and 5, paras.
 * 2 and 3").  Items are lexicon words ('pinpoint' take numbers,
 * 'pinpoint-alone' may stand alone), each followed by numbers: digits
 * with letters or bracketed parts ("70(e)", "3-4"), roman numerals,
 * ranges and lists joined by "-", "–", "," and "and". */
#include "internal.h"

/* One number of a pinpoint at p: "12", "70(e)", "8(a)(ii)", "3-4",
 * "IV", "(b)"; returns its end or NULL. */
static const char *pin_number(const char *p, const char *end)
{
    const char *q = p;
    if (q < end && cg_is_digit((unsigned char)*q)) {
        while (q < end && cg_is_digit((unsigned char)*q))
            q++;
        if (q < end && cg_is_lower((unsigned char)*q) &&
            (q + 1 >= end || !cg_is_alnum((unsigned char)q[1])))
            q++; /* "12a" */
    } else if (q < end && cg_is_upper((unsigned char)*q)) {
        long v;
        const char *r = cg_lex_roman(q, end, &v);
        if (r == NULL || (r < end && cg_is_alnum((unsigned char)*r)))
            return NULL;
        q = r;
    } else if (!(q < end && *q == '(')) {
        return NULL;
    }
    /* bracketed parts: "(e)", "(ii)", also after a space: "58 (h)" */
    for (;;) {
        const char *b = q < end && *q == ' ' && q != p ? q + 1 : q;
        if (!(b + 2 < end && *b == '('))
            break;
        const char *r = b + 1;
        int n = 0;
        while (r < end && cg_is_alnum((unsigned char)*r) && n < 6) {
            r++;
            n++;
        }
        if (n == 0 || r >= end || *r != ')')
            break;
        q = r + 1;
    }
    return q == p ? NULL : q;
}

/* A dash between two numbers of a range: '-' or an en dash. */
static const char *range_dash(const char *p, const char *end)
{
    if (p < end && *p == '-')
        return p + 1;
    if (end - p >= 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
        (unsigned char)p[2] == 0x93)
        return p + 3;
    return NULL;
}

/* Numbers joined by dashes, commas and "and"; returns the end of the
 * last, or NULL.  A comma or "and" followed by a pinpoint word ends the
 * list: that word starts the next item. */
static const char *pin_numbers(const cg_registry *reg, const char *p, const char *end)
{
    const char *q = pin_number(p, end);
    if (q == NULL)
        return NULL;
    for (;;) {
        const char *r = range_dash(q, end), *n, *after;
        if (r && (n = pin_number(r, end)) != NULL) {
            q = n;
            continue;
        }
        r = q;
        if (r < end && *r == ',')
            r++;
        r = cg_lex_skip_space(r, end);
        if (cg_lex_is_word(r, end, "and"))
            r = cg_lex_skip_space(r + 3, end);
        if (r == q || cg_phrases_match(&reg->pinpoint_words, r, end, &after))
            return q;
        if ((n = pin_number(r, end)) == NULL || !(cg_is_digit((unsigned char)*r) || *r == '('))
            return q;
        q = n;
    }
}

const char *pinpoint_parse(const cg_extractor *ex, const char *p, const char *end,
                           const char **start)
{
    const cg_registry *reg = ex->reg;
    const char *q = p;
    if (q < end && *q == ',')
        q++;
    q = cg_lex_skip_space_lines(q, end, 1);
    if (q == NULL || q >= end)
        return NULL;
    if (!ex->pinpoint_first[(unsigned char)*q])
        return NULL; /* most references: no pinpoint word follows */
    const char *first = q, *last = NULL;
    for (;;) {
        const char *after;
        const cg_phrase *w = cg_phrases_match(&reg->pinpoint_words, q, end, &after);
        if (w == NULL)
            break;
        const char *r = cg_lex_skip_space_lines(after, end, 1);
        const char *n = r ? pin_numbers(reg, r, end) : NULL;
        if (n == NULL && w->value == 1)
            break;
        last = n ? n : after;
        /* the next item: ", para. 3", " and paras. 2" */
        r = last;
        if (r < end && *r == ',')
            r++;
        r = cg_lex_skip_space_lines(r, end, 1);
        if (r && cg_lex_is_word(r, end, "and"))
            r = cg_lex_skip_space_lines(r + 3, end, 1);
        if (r == NULL || r == last)
            break;
        q = r;
    }
    if (last == NULL)
        return NULL;
    *start = first;
    return last;
}
