/* Judgments and decisions of the European Court of Human Rights (an
 * optional kind, spec 5): "European Court of Human Rights, *Chiragov and
 * Others v. Armenia*, application No. 13216/05, Judgment of 16 June 2015"
 * is echr:13216/05:judgment:2015-06-16.  Found where the scanner of the
 * Court's decisions sees a judgment of another court: the application
 * number must stand before it in the same citation (back to a ';' or a
 * blank line, at most 300 bytes) and the Court be named at most 400
 * bytes before.  A list of applications is cited by its first. */
#include <stdio.h>

#include "internal.h"

#define CITATION_LIMIT 300
#define COURT_LIMIT 400

/* The first phrase of list starting at a word start in [lo, hi); sets
 * *after.  NULL if none. */
static const char *first_phrase(const cg_phrases *list, const char *begin, const char *lo,
                                const char *hi, const char **after)
{
    for (const char *q = lo; q < hi; q++) {
        if (q > begin && cg_is_alnum((unsigned char)q[-1]))
            continue;
        if (cg_phrases_match(list, q, hi, after))
            return q;
    }
    return NULL;
}

const char *scan_echr_decision(scan *s, const char *kw, const char *date_end, int type, long date)
{
    const char *kind = type == CG_ICJ_JUDGMENT ? "judgment" : type < 0 ? "decision" : NULL;
    if (kind == NULL)
        return NULL;
    const char *lo = kw - s->begin > CITATION_LIMIT ? kw - CITATION_LIMIT : s->begin;
    for (const char *q = kw; q > lo; q--)
        if (q[-1] == ';' || (q[-1] == '\n' && q - 2 >= s->begin && q[-2] == '\n')) {
            lo = q;
            break;
        }
    const char *after;
    const char *app = first_phrase(&s->reg->echr_application, s->begin, lo, kw, &after);
    if (app == NULL)
        return NULL;
    const char *n = cg_lex_skip_space(after, kw);
    long number, year;
    const char *slash = cg_lex_uint(n, kw, 6, &number);
    if (slash == NULL || slash >= kw || *slash != '/' || cg_lex_uint(slash + 1, kw, 2, &year) != slash + 3)
        return NULL;
    const char *court_lo = app - s->begin > COURT_LIMIT ? app - COURT_LIMIT : s->begin;
    if (first_phrase(&s->reg->echr_court, s->begin, court_lo, kw, &after) == NULL)
        return NULL;
    snprintf(s->id, sizeof s->id, "echr:%.*s:%s:%04ld-%02ld-%02ld", (int)(slash + 3 - n), n, kind,
             date / 10000, date / 100 % 100, date % 100);
    scan_emit(s, CG_KIND_OTHER, 0, app, date_end, s->id, NULL);
    return date_end;
}
