/* Resolutions and decisions cited by number (spec 2).  Grammar accepted
 * after a resolution word ("resolution", "resolutions"):
 *   list  := item ([item-date date] separator item)*
 *   item  := n '(' yyyy ')'                      number-year (Security Council)
 *          | [S-|ES-] s '/' n [' ' letter]        session, or year when s is yyyy
 *          | n [' ' letter [and letter]] '(' roman ')'   roman session
 *          | n                                     first item only: year from context
 * The body comes from the words before ("Security Council", "the Assembly
 * in its"), else from the form, else the default (marked inferred).  A
 * number with a suffix ("10/49-POL") is not a UN resolution. */
#include <string.h>

#include "internal.h"

typedef struct item {
    cg_res_form form;
    int bare;        /* a number alone: year from context */
    long n;
    long s;          /* session or year */
    long y;          /* year of the number-year form */
    char prefix[4];  /* "S-", "ES-" or "" */
    char letters[4]; /* letter suffixes: "K", "AB" */
    char roman[16];
    int foreign;     /* written as no UN body writes it: "10/49-POL" */
    const char *start;
    const char *end;
} item;

/* The body named just before p, skipping connector words; -1 if none. */
static int body_before(const scan *s, const char *p)
{
    const cg_registry *reg = s->reg;
    const char *q = p;
    for (int skips = 0; skips <= 4; skips++) {
        while (q > s->begin && cg_is_space((unsigned char)q[-1]))
            q--;
        const char *lim = q - s->begin > 120 ? q - 120 : s->begin;
        const char *st;
        const cg_phrase *ph = cg_phrases_match_before(&reg->body_names, lim, q, &st);
        if (ph)
            return ph->value;
        const cg_phrase *c = cg_phrases_match_before(&reg->connectors, lim, q, &st);
        if (c == NULL)
            return -1;
        q = st;
    }
    return -1;
}

/* A non-UN body named in the same paragraph after p; -1 if none. */
static int foreign_body_after(const scan *s, const char *p)
{
    const cg_registry *reg = s->reg;
    const char *lim = s->end - p > 600 ? p + 600 : s->end;
    for (const char *q = p; q < lim; q++) {
        if (*q == '\n' && q + 1 < lim && q[1] == '\n')
            break;
        if (q > s->begin && cg_is_alnum((unsigned char)q[-1]))
            continue;
        const char *after;
        const cg_phrase *ph = cg_phrases_match(&reg->body_names, q, lim, &after);
        if (ph && !reg->bodies[ph->value].un)
            return ph->value;
    }
    return -1;
}

/* A single capital letter suffix at q (" K", " A and B"); returns the end. */
static const char *letters(const char *q, const char *end, char *out, size_t outlen)
{
    size_t n = 0;
    const char *r = q;
    for (;;) {
        if (r + 1 >= end || *r != ' ' || !cg_is_upper((unsigned char)r[1]))
            break;
        const char *after = r + 2;
        if (after < end && cg_is_alnum((unsigned char)*after))
            break;
        char L = r[1];
        if ((L == 'A' || L == 'I') && after + 1 < end && *after == ' ' &&
            cg_is_lower((unsigned char)after[1]) && !cg_lex_is_word(after + 1, end, "of") &&
            !cg_lex_is_word(after + 1, end, "and") && !cg_lex_is_word(after + 1, end, "adopted") &&
            !cg_lex_is_word(after + 1, end, "on") && !cg_lex_is_word(after + 1, end, "entitled"))
            break;
        if (n + 1 < outlen)
            out[n++] = L;
        r = after;
        if (r + 5 < end && memcmp(r, " and ", 5) == 0 && cg_is_upper((unsigned char)r[5]) &&
            (r + 6 >= end || !cg_is_alnum((unsigned char)r[6])))
            r += 4;
        else
            break;
    }
    out[n] = '\0';
    return n ? r : q;
}

/* Parses one item at q. */
static const char *parse_item(const scan *s, const char *q, item *it, int first)
{
    const char *end = s->end;
    memset(it, 0, sizeof *it);
    it->start = q;
    const char *p = q;
    if (end - p > 3 && memcmp(p, "ES-", 3) == 0 && cg_is_digit((unsigned char)p[3])) {
        strcpy(it->prefix, "ES-");
        p += 3;
    } else if (end - p > 2 && memcmp(p, "S-", 2) == 0 && cg_is_digit((unsigned char)p[2])) {
        strcpy(it->prefix, "S-");
        p += 2;
    }
    long n1;
    const char *r = cg_lex_uint(p, end, 4, &n1);
    if (r == NULL)
        return NULL;
    if (r < end && *r == '/') {
        long n2;
        const char *e = cg_lex_uint(r + 1, end, 4, &n2);
        if (e == NULL)
            return NULL;
        it->s = n1;
        it->n = n2;
        it->form = (!it->prefix[0] && n1 >= 1946 && n1 <= 2100) ? CG_FORM_YEAR : CG_FORM_SESSION;
        if (e < end && (*e == '/' || (*e == '.' && e + 1 < end && cg_is_digit((unsigned char)e[1]))))
            return NULL;
        if (e + 1 < end && *e == '-' && cg_is_alnum((unsigned char)e[1])) {
            const char *f = e + 1;
            while (f < end && (cg_is_alnum((unsigned char)*f) || *f == '-'))
                f++;
            it->foreign = 1;
            it->end = f;
            return f;
        }
        if (e < end && cg_is_alpha((unsigned char)*e))
            return NULL;
        e = letters(e, end, it->letters, sizeof it->letters);
        it->end = e;
        return e;
    }
    if (it->prefix[0] || (r < end && (cg_is_alpha((unsigned char)*r) || *r == '.' ||
                                      (*r == ',' && r + 1 < end && cg_is_digit((unsigned char)r[1])))))
        return NULL;
    it->n = n1;
    const char *l = letters(r, end, it->letters, sizeof it->letters);
    const char *t = cg_lex_skip_space_lines(l, end, 1);
    if (t && t < end && *t == '(') {
        long y;
        const char *e = cg_lex_uint(t + 1, end, 4, &y);
        if (e && e < end && *e == ')' && y >= 1946 && y <= 2100 && !it->letters[0]) {
            it->form = CG_FORM_NUMBER_YEAR;
            it->y = y;
            it->end = e + 1;
            return e + 1;
        }
        const char *rs = t + 1;
        size_t pre = 0;
        if (end - rs > 3 && memcmp(rs, "ES-", 3) == 0)
            pre = 3;
        else if (end - rs > 2 && memcmp(rs, "S-", 2) == 0)
            pre = 2;
        long v;
        e = cg_lex_roman(rs + pre, end, &v);
        if (e && e < end && *e == ')' && (size_t)(e - rs) < sizeof it->roman) {
            it->form = CG_FORM_ROMAN;
            memcpy(it->roman, rs, (size_t)(e - rs));
            it->roman[e - rs] = '\0';
            it->end = e + 1;
            return e + 1;
        }
    }
    if (!first || it->letters[0] || n1 == 0)
        return NULL;
    it->bare = 1;
    it->form = CG_FORM_NUMBER_YEAR;
    it->end = r;
    return r;
}

/* Expands an id template for an item and one letter. */
static void expand(const char *tpl, const item *it, char letter, char *out, size_t outlen)
{
    size_t o = 0;
    char tmp[64];
    for (const char *t = tpl; *t && o + 1 < outlen; t++) {
        const char *sub = NULL;
        if (t[0] == '{' && t[1] && t[2] == '}') {
            switch (t[1]) {
            case 'n': tmp[cg_put_decimal(tmp, it->n, 0)] = '\0'; sub = tmp; break;
            case 's': {
                size_t np = strlen(it->prefix);
                memcpy(tmp, it->prefix, np);
                tmp[np + cg_put_decimal(tmp + np, it->s, 0)] = '\0';
                sub = tmp;
                break;
            }
            case 'y': tmp[cg_put_decimal(tmp, it->y, 0)] = '\0'; sub = tmp; break;
            case 'r': sub = it->roman; break;
            case 'l':
                tmp[0] = ' ';
                tmp[1] = letter;
                tmp[2] = '\0';
                sub = letter ? tmp : "";
                break;
            default: break;
            }
        }
        if (sub) {
            for (; *sub && o + 1 < outlen; sub++)
                out[o++] = *sub;
            t += 2;
        } else {
            out[o++] = *t;
        }
    }
    out[o] = '\0';
}

/* The template for an item, given the body named (or -1). */
static const char *template_for(const scan *s, int body, const item *it, int decision,
                                unsigned *flags)
{
    const cg_registry *reg = s->reg;
    if (body >= 0) {
        const cg_body *b = &reg->bodies[body];
        const char *t = decision ? b->decision[it->form] : b->resolution[it->form];
        if (t)
            return t;
    }
    int def = reg->default_body[it->form];
    if (def < 0)
        return NULL;
    if (it->form != CG_FORM_NUMBER_YEAR)
        *flags |= CG_REF_BODY_INFERRED;
    const cg_body *b = &reg->bodies[def];
    return decision ? b->decision[it->form] : b->resolution[it->form];
}

/* Emits the references of one item. */
static void emit_item(scan *s, int body, item *it, const char *start, int decision)
{
    const cg_registry *reg = s->reg;
    unsigned flags = 0;
    if (it->foreign || (body >= 0 && !reg->bodies[body].un)) {
        int fb = body >= 0 && !reg->bodies[body].un ? body : foreign_body_after(s, it->end);
        if (fb < 0 || reg->bodies[fb].other == NULL || decision)
            return;
        char raw[128];
        size_t n = (size_t)(it->end - it->start);
        if (n >= sizeof raw)
            return;
        memcpy(raw, it->start, n);
        raw[n] = '\0';
        const char *tpl = reg->bodies[fb].other;
        size_t o = 0;
        for (const char *t = tpl; *t && o + 1 < sizeof s->id; t++) {
            if (t[0] == '{' && t[1] == 't' && t[2] == '}') {
                for (const char *r = raw; *r && o + 1 < sizeof s->id; r++)
                    s->id[o++] = *r;
                t += 2;
            } else {
                s->id[o++] = *t;
            }
        }
        s->id[o] = '\0';
        scan_emit(s, CG_KIND_OTHER, 0, start, it->end, s->id, NULL);
        return;
    }
    if (it->bare) {
        if (decision || (body >= 0 && reg->bodies[body].resolution[CG_FORM_NUMBER_YEAR] == NULL))
            return;
        long y = scan_sc_year(s, it->n);
        if (y == 0)
            return;
        it->y = y;
        flags |= CG_REF_YEAR_INFERRED;
    }
    if (decision && (it->form == CG_FORM_NUMBER_YEAR))
        return;
    const char *tpl = template_for(s, body, it, decision, &flags);
    if (tpl == NULL)
        return;
    size_t nl = strlen(it->letters);
    for (size_t i = 0; i < (nl ? nl : 1); i++) {
        expand(tpl, it, nl ? it->letters[i] : 0, s->id, sizeof s->id);
        scan_emit(s, CG_KIND_RESOLUTION, flags, start, it->end, s->id, NULL);
    }
    if (it->form == CG_FORM_NUMBER_YEAR && !it->bare && strncmp(s->id, "S/", 2) == 0)
        scan_note_sc_year(s, it->n, it->y);
}

/* Skips an item's date clause (" of 2 August 1990"); returns q if none. */
static const char *skip_item_date(const scan *s, const char *q)
{
    const char *r = cg_lex_skip_space(q, s->end), *after;
    if (r < s->end && *r == ',') {
        const char *t = cg_lex_skip_space(r + 1, s->end);
        if (cg_phrases_match(&s->reg->item_dates, t, s->end, &after) && !cg_lex_is_word(t, s->end, "of"))
            r = t;
    }
    if (!cg_phrases_match(&s->reg->item_dates, r, s->end, &after))
        return q;
    long date;
    const char *d = cg_lex_date(s->reg, cg_lex_skip_space(after, s->end), s->end, 1, &date);
    return d ? d : q;
}

/* A month written across a line break with a hyphen ("Au-\ngust") at p:
 * returns its end, or NULL. */
static const char *broken_month(const scan *s, const char *p)
{
    const char *w1 = cg_lex_word(p, s->end);
    if (w1 == p || w1 + 1 >= s->end || *w1 != '-')
        return NULL;
    const char *q = cg_lex_skip_space_lines(w1 + 1, s->end, 1);
    if (q == NULL || q == w1 + 1)
        return NULL;
    const char *w2 = cg_lex_word(q, s->end);
    char joined[32];
    size_t n1 = (size_t)(w1 - p), n2 = (size_t)(w2 - q);
    if (n2 == 0 || n1 + n2 >= sizeof joined)
        return NULL;
    memcpy(joined, p, n1);
    memcpy(joined + n1, q, n2);
    joined[n1 + n2] = '\0';
    const char *after;
    const cg_phrase *m = cg_phrases_match(&s->reg->months, joined, joined + n1 + n2, &after);
    return m && after == joined + n1 + n2 ? w2 : NULL;
}

/* An item's date clause that the strict reading missed: "of 13, March",
 * "of 10 Au-\ngust", ", of 20 November 1965" -- only item-date words,
 * months, numbers and commas, at most 8 of them.  Returns the end of
 * the last, or q. */
static const char *skip_loose_date(const scan *s, const char *q)
{
    const char *r = q, *last = q, *after;
    for (int tokens = 0; tokens < 8; tokens++) {
        r = cg_lex_skip_space_lines(r, s->end, 1);
        if (r == NULL || r >= s->end)
            break;
        if (*r == ',') {
            r++;
            continue;
        }
        const char *e = NULL;
        if (cg_is_digit((unsigned char)*r)) {
            long n;
            e = cg_lex_uint(r, s->end, 4, &n);
            const char *t = e ? cg_lex_skip_space(e, s->end) : NULL;
            if (t && t < s->end && *t == '(')
                break; /* the next item: "192(1964)" */
        }
        else if (cg_phrases_match(&s->reg->months, r, s->end, &after) ||
                 cg_phrases_match(&s->reg->item_dates, r, s->end, &after))
            e = after;
        else
            e = broken_month(s, r);
        if (e == NULL)
            break;
        last = r = e;
    }
    return last;
}

/* The next item of a list after r: its separator and item; NULL if none. */
static const char *next_item(scan *s, const char *r, item *next, const char **start)
{
    const char *after;
    r = cg_lex_skip_space(r, s->end);
    if (cg_phrases_match(&s->reg->separators, r, s->end, &after) == NULL)
        return NULL;
    r = cg_lex_skip_space(after, s->end);
    /* ", and" */
    if (cg_phrases_match(&s->reg->separators, r, s->end, &after))
        r = cg_lex_skip_space(after, s->end);
    *start = r;
    return parse_item(s, r, next, 0);
}

const char *scan_resolutions(scan *s, const char *p, const char *word_end, int decision)
{
    const char *q = cg_lex_skip_space_lines(word_end, s->end, 2);
    if (q == NULL)
        return NULL;
    /* "resolution No. 12" */
    if (s->end - q > 4 && memcmp(q, "No. ", 4) == 0)
        q += 4;
    item it;
    const char *e = parse_item(s, q, &it, 1);
    if (e == NULL)
        return NULL;
    if (it.bare) {
        /* "resolution 661 of 6 August 1990": the adoption date gives the year */
        const char *after;
        const char *r = cg_lex_skip_space(e, s->end);
        long date;
        if (cg_phrases_match(&s->reg->item_dates, r, s->end, &after) &&
            cg_lex_date(s->reg, cg_lex_skip_space(after, s->end), s->end, 0, &date) &&
            scan_sc_year(s, it.n) == 0)
            scan_note_sc_year(s, it.n, date / 10000);
    }
    int body = body_before(s, p);
    emit_item(s, body, &it, p, decision);
    const char *last = e;
    for (;;) {
        item next;
        const char *start;
        const char *ne = next_item(s, skip_item_date(s, last), &next, &start);
        if (ne == NULL) /* a date clause broken by a comma or a line-end hyphen */
            ne = next_item(s, skip_loose_date(s, last), &next, &start);
        if (ne == NULL)
            break;
        emit_item(s, body, &next, start, decision);
        last = ne;
    }
    return last;
}
