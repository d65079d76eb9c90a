/* Decisions of the International Court of Justice cited by date
 * (spec 3).  Accepted:
 *   word [filler | court-name]* date [and date]    "order of 7 December 2021",
 *        "orders of 22 February and 6 July 2023", "advisory opinion of the
 *        International Court of Justice on the legality of ..., issued on 8 July 1996"
 *   date word                                       "its 22 February 2023 order"
 * where word is order(s), judgment(s), advisory opinion(s), decision(s),
 * provisional measures.  The Court must be named in the citation or be
 * the nearest court named around it.  The case is the one named in the
 * same citation, else the only case of the registry with a decision of
 * that type on that date, else left empty (icj::order:DATE). */
#include <string.h>

#include "internal.h"

static const char *const type_names[] = {"order", "judgment", "advisory-opinion"};

/* Case-insensitive phrase match at p (spaces match any whitespace run). */
static const char *match_ci(const cg_phrase *ph, const char *p, const char *end)
{
    const char *t = ph->text, *te = ph->text + ph->len;
    while (t < te) {
        if (*t == ' ') {
            if (p >= end || !cg_is_space((unsigned char)*p))
                return NULL;
            while (p < end && cg_is_space((unsigned char)*p))
                p++;
            t++;
            continue;
        }
        if (p >= end || cg_ascii_lower((unsigned char)*p) != cg_ascii_lower((unsigned char)*t))
            return NULL;
        p++;
        t++;
    }
    return p;
}

/* The case named nearest before e and not before lo; -1 if none. */
static int case_named(const scan *s, const char *lo, const char *e)
{
    const cg_phrases *names = &s->reg->case_names;
    for (const char *q = e; q > lo; ) {
        q--;
        if (q > s->begin && cg_is_alnum((unsigned char)q[-1]))
            continue;
        if (q + 1 < s->end && !case_may_start(s->ex, q))
            continue;
        /* the names starting with the byte at q in either case, in list order */
        cg_phrases_ci_iter it;
        for (const cg_phrase *ph = cg_phrases_ci_first(names, (unsigned char)*q, &it); ph;
             ph = cg_phrases_ci_next(names, &it))
            if (match_ci(ph, q, s->end))
                return ph->value;
    }
    return -1;
}

/* Start of the citation around p: back to a ';', a paragraph break or
 * at most 300 bytes. */
static const char *citation_start(const scan *s, const char *p)
{
    const char *lo = p - s->begin > 300 ? p - 300 : s->begin;
    for (const char *q = p; q > lo; q--) {
        if (q[-1] == ';' || (q[-1] == '\n' && q - 2 >= s->begin && q[-2] == '\n'))
            return q;
    }
    return lo;
}

/* Whether a court phrase at q names another court ("European Court"). */
static int other_court_before(const scan *s, const char *q)
{
    const char *st;
    const char *e = q;
    while (e > s->begin && cg_is_space((unsigned char)e[-1]))
        e--;
    const char *lim = e - s->begin > 60 ? e - 60 : s->begin;
    return cg_phrases_match_before(&s->reg->other_courts, lim, e, &st) != NULL;
}

/* Whether the Court is the nearest court named around [p, e): the
 * nearer of the last court named before and the first named after. */
static int court_around(const scan *s, const char *p, const char *e)
{
    const cg_phrases *court = &s->reg->icj_court;
    const char *lo = p - s->begin > 400 ? p - 400 : s->begin;
    const char *hi = s->end - e > 200 ? e + 200 : s->end;
    const char *after, *before_hit = NULL, *after_hit = NULL;
    for (const char *q = p; q > lo && before_hit == NULL; ) {
        q--;
        if (q > s->begin && cg_is_alnum((unsigned char)q[-1]))
            continue;
        if (cg_phrases_match(court, q, s->end, &after))
            before_hit = q;
    }
    for (const char *q = e; q < hi && after_hit == NULL; q++) {
        if (q > s->begin && cg_is_alnum((unsigned char)q[-1]))
            continue;
        if (cg_phrases_match(court, q, s->end, &after))
            after_hit = q;
    }
    /* a court named after the mention is "of the X Court": look at its
     * words before; the words before "Court" name it */
    const char *hit = before_hit;
    if (after_hit && (before_hit == NULL || after_hit - e < p - before_hit))
        hit = after_hit;
    if (hit == NULL)
        return 0;
    return !other_court_before(s, hit);
}

/* The only case with a decision of type on date; sets *type when the
 * type is generic (-1).  0 when none or several. */
static long case_by_date(const cg_registry *reg, int *type, long date)
{
    long found = 0;
    int found_type = -1, count = 0;
    for (size_t i = 0; i < reg->ncases; i++)
        for (size_t k = 0; k < reg->cases[i].ndecisions; k++) {
            const cg_icj_decision *d = &reg->cases[i].decisions[k];
            if (d->date != date || (*type >= 0 && (int)d->type != *type))
                continue;
            if (found != reg->cases[i].number)
                count++;
            found = reg->cases[i].number;
            found_type = (int)d->type;
        }
    if (*type < 0)
        *type = found_type >= 0 ? found_type : CG_ICJ_ORDER;
    return count == 1 ? found : 0;
}

/* Emits one decision of the Court. */
static void emit_decision(scan *s, const char *start, const char *end, int type, long date,
                          const char *cite_lo)
{
    unsigned flags = 0;
    int generic = type < 0;
    long number = 0;
    int named = case_named(s, cite_lo, end);
    long by_date = case_by_date(s->reg, &type, date);
    if (named >= 0) {
        number = s->reg->cases[named].number;
        if (generic) {
            /* the named case's own decision of that date gives the type */
            const cg_icj_case *c = &s->reg->cases[named];
            for (size_t k = 0; k < c->ndecisions; k++)
                if (c->decisions[k].date == date)
                    type = (int)c->decisions[k].type;
        }
    } else if (by_date) {
        number = by_date;
        flags |= CG_REF_CASE_INFERRED;
    }
    /* icj:NUMBER:TYPE:YYYY-MM-DD, the number empty when unknown */
    char *o = s->id;
    memcpy(o, "icj:", 4);
    o += 4;
    if (number)
        o += cg_put_decimal(o, number, 0);
    *o++ = ':';
    size_t tn = strlen(type_names[type]);
    memcpy(o, type_names[type], tn);
    o += tn;
    *o++ = ':';
    o += cg_put_decimal(o, date / 10000, 4);
    *o++ = '-';
    o += cg_put_decimal(o, date / 100 % 100, 2);
    *o++ = '-';
    o += cg_put_decimal(o, date % 100, 2);
    *o = '\0';
    scan_emit(s, CG_KIND_ICJ, flags, start, end, s->id, NULL);
}

/* Reads the date (or "D Month and D Month YYYY") after a keyword; emits. */
static const char *dates_after(scan *s, const char *kw, const char *q, int type, int court_named)
{
    long d1, d2 = 0;
    const char *e1 = cg_lex_date(s->reg, q, s->end, 1, &d1);
    if (e1 == NULL)
        return NULL;
    const char *e2 = NULL, *second = NULL;
    const char *r = cg_lex_skip_space(e1, s->end);
    if (cg_lex_is_word(r, s->end, "and")) {
        second = cg_lex_skip_space(r + 3, s->end);
        e2 = cg_lex_date(s->reg, second, s->end, 0, &d2);
    }
    if (d1 < 10000) {
        if (e2 == NULL)
            return NULL;
        d1 += d2 / 10000 * 10000;
    }
    if (!court_named && !court_around(s, kw, e2 ? e2 : e1))
        return e2 == NULL ? scan_echr_decision(s, kw, e1, type, d1) : NULL;
    const char *cite_lo = citation_start(s, kw); /* only now: a date follows */
    emit_decision(s, kw, e1, type, d1, cite_lo);
    if (e2) {
        emit_decision(s, second, e2, type, d2, cite_lo);
        return e2;
    }
    return e1;
}

const char *scan_icj_keyword(scan *s, const char *p)
{
    const cg_registry *reg = s->reg;
    const char *after;
    const cg_phrase *kw = cg_phrases_match(&reg->icj_words, p, s->end, &after);
    if (kw == NULL)
        return NULL;
    int type = kw->value <= CG_ICJ_OPINION ? kw->value : -1;
    const char *q = after;
    int court_named = 0, words = 0;
    for (int tokens = 0; tokens < 40; tokens++) {
        const char *next = cg_lex_skip_space_lines(q, s->end, 1);
        if (next == NULL || next >= s->end)
            break; /* a paragraph's end: no date follows */
        q = next;
        if (cg_is_digit((unsigned char)*q)) {
            const char *e = dates_after(s, p, q, type, court_named);
            return e;
        }
        const cg_phrase *ph;
        if ((ph = cg_phrases_match(&reg->icj_court, q, s->end, &after)) != NULL) {
            court_named |= ph->len > 5;
            q = after;
            continue;
        }
        if (cg_phrases_match(&reg->icj_filler, q, s->end, &after)) {
            q = after;
            continue;
        }
        /* after the Court's name, the case's name: "on the legality of ..." */
        if (court_named && cg_is_alpha((unsigned char)*q) && words < 24) {
            q = cg_lex_word(q, s->end);
            words++;
            continue;
        }
        break;
    }
    /* no date: an advisory opinion or judgment named by its case, unless
     * it is only asked for ("Request for an advisory opinion ...") */
    const char *req, *before = p;
    while (before > s->begin && cg_is_space((unsigned char)before[-1]))
        before--;
    if (court_named && words > 0 && type >= 0 &&
        !cg_phrases_match_before(&reg->icj_requests, p - s->begin > 40 ? p - 40 : s->begin, before,
                                 &req)) {
        int named = case_named(s, p, q);
        if (named >= 0) {
            const cg_icj_case *c = &reg->cases[named];
            long date = 0;
            int count = 0;
            for (size_t k = 0; k < c->ndecisions; k++)
                if ((int)c->decisions[k].type == type) {
                    date = c->decisions[k].date;
                    count++;
                }
            if (count == 1) {
                emit_decision(s, p, q, type, date, p);
                return q;
            }
        }
    }
    return NULL;
}

/* The date-first form at p ("7 December 2021 order") whose keyword
 * starts at kw: emits it and returns its end, else NULL. */
static const char *date_first(scan *s, const char *p, const char *kw)
{
    long date;
    const char *e = cg_lex_date(s->reg, p, s->end, 0, &date);
    if (e == NULL)
        return NULL;
    const char *q = cg_lex_skip_space(e, s->end), *after;
    if (q != kw)
        return NULL;
    const cg_phrase *kw_ph = cg_phrases_match(&s->reg->icj_words, q, s->end, &after);
    if (kw_ph == NULL || kw_ph->value > CG_ICJ_OPINION)
        return NULL;
    if (!court_around(s, p, after))
        return NULL;
    emit_decision(s, p, after, kw_ph->value, date, citation_start(s, p));
    return after;
}

const char *scan_icj_date_before(scan *s, const char *kw, const char *from)
{
    /* back over spaces, a year's four digits, spaces, a month and spaces
     * to the day's one or two digits, none before from; then the date
     * read forward from the day as where it starts */
    const char *y = kw;
    while (y > from && cg_is_space((unsigned char)y[-1]))
        y--;
    if (y - from < 8)
        return NULL;
    y -= 4;
    for (int k = 0; k < 4; k++)
        if (!cg_is_digit((unsigned char)y[k]))
            return NULL;
    const char *m = y, *ms;
    while (m > from && cg_is_space((unsigned char)m[-1]))
        m--;
    if (m == y || cg_phrases_match_before(&s->reg->months, from, m, &ms) == NULL)
        return NULL;
    const char *d = ms;
    while (d > from && cg_is_space((unsigned char)d[-1]))
        d--;
    if (d == ms || d == from || !cg_is_digit((unsigned char)d[-1]))
        return NULL;
    d--;
    if (d > from && cg_is_digit((unsigned char)d[-1]))
        d--;
    /* where a reference may start: a word's start, the first digit
     * followed by a digit, a space or a line feed */
    if (d > s->begin && s->ex->joining[(unsigned char)d[-1]])
        return NULL;
    if (!cg_is_digit((unsigned char)d[1]) && d[1] != ' ' && d[1] != '\n')
        return NULL;
    return date_first(s, d, kw);
}
