/* The case of a decision of the Court cited by date alone, taken from
 * the text around it when neither the citation nor the date names it
 * (the registry has several cases with a decision of that type on that
 * date).  In order:
 *  1. the footnotes called from the same paragraph: one of them cites a
 *     decision of that type and date with its case;
 *  2. the parties named in the same sentence: "the proceedings instituted
 *     by Azerbaijan against Armenia", "the measures requested by
 *     Armenia", "Armenia's request", "Armenia subsequently requested";
 *     a requesting party is taken as the applicant.
 * A rule applies only when it points to exactly one of the cases that
 * have such a decision; otherwise the date-level id stays, never a
 * guess.  Each mention looks at a bounded window: linear in the text. */
#include <string.h>

#include "internal.h"

#define MAX_CANDIDATES 8
#define SENTENCE_LIMIT 600
#define PARAGRAPH_LIMIT 6000

static const char *const type_names[] = {"order", "judgment", "advisory-opinion"};

/* A case that may be meant, with its parties as the title names them
 * ("... (Armenia v. Azerbaijan)"). */
typedef struct candidate {
    long number;
    const char *applicant, *respondent;
    size_t applicant_len, respondent_len;
} candidate;

/* The parties of a case from the last "(X v. Y)" of its title. */
static void parties_of(const cg_icj_case *c, candidate *out)
{
    out->number = c->number;
    out->applicant = out->respondent = NULL;
    out->applicant_len = out->respondent_len = 0;
    const char *t = c->title ? c->title : "";
    const char *open = strrchr(t, '(');
    if (open == NULL)
        return;
    const char *v = strstr(open, " v. ");
    const char *close = strchr(open, ')');
    if (v == NULL || close == NULL || v > close)
        return;
    out->applicant = open + 1;
    out->applicant_len = (size_t)(v - open - 1);
    out->respondent = v + 4;
    out->respondent_len = (size_t)(close - v - 4);
    if (out->applicant_len > 4 && strncmp(out->applicant, "The ", 4) == 0) {
        out->applicant += 4;
        out->applicant_len -= 4;
    }
}

/* Type and date of an ICJ id; 0 if it is not one. */
static int parse_decision(const char *id, int *type, long *date)
{
    const char *rest = strncmp(id, "icj:", 4) == 0 ? strchr(id + 4, ':') : NULL;
    if (rest == NULL)
        return 0;
    rest++;
    for (int t = 0; t < CG_ICJ_TYPE_COUNT; t++) {
        size_t n = strlen(type_names[t]);
        if (strncmp(rest, type_names[t], n) == 0 && rest[n] == ':') {
            long y, m, d;
            const char *p = rest + n + 1, *e = p + strlen(p);
            const char *q = cg_lex_uint(p, e, 4, &y);
            if (q == NULL || *q != '-' || (q = cg_lex_uint(q + 1, e, 2, &m)) == NULL ||
                *q != '-' || cg_lex_uint(q + 1, e, 2, &d) == NULL)
                return 0;
            *type = t;
            *date = y * 10000 + m * 100 + d;
            return 1;
        }
    }
    return 0;
}

static size_t candidates_of(const cg_registry *reg, int type, long date, candidate *out)
{
    size_t n = 0;
    for (size_t i = 0; i < reg->ncases && n < MAX_CANDIDATES; i++)
        for (size_t k = 0; k < reg->cases[i].ndecisions; k++)
            if ((int)reg->cases[i].decisions[k].type == type &&
                reg->cases[i].decisions[k].date == date) {
                parties_of(&reg->cases[i], &out[n++]);
                break;
            }
    return n;
}

int icj_caseless(const scan *s, size_t first)
{
    for (size_t i = first; i < s->out->n; i++)
        if (s->out->items[i].kind == CG_KIND_ICJ &&
            icj_id_case(cg_refs_target(s->out, &s->out->items[i])) == 0)
            return 1;
    return 0;
}

/* Adds case number to the set (at most 2 kept: one is all that counts). */
static void vote(long *found, int *count, long number)
{
    if (*count > 0 && *found == number)
        return;
    *found = number;
    (*count)++;
}

/* Rule 1: the footnotes called from the paragraph around the mention. */
static long case_from_notes(scan *s, notes *nb, size_t first, size_t i,
                            const char *suffix, const candidate *c, size_t nc)
{
    const cg_ref *r = &s->out->items[i];
    note n;
    if (notes_at(nb, r->start, &n))
        return 0;
    const char *lo, *hi;
    paragraph_bounds(s->begin, s->end, s->begin + r->start, PARAGRAPH_LIMIT, &lo, &hi);
    size_t ra = cg_text_raw_offset(s->text, (size_t)(lo - s->begin));
    /* up to the raw byte of the paragraph's end: marks after its last
     * clean byte ("clear.<sup>5</sup>\n") are in */
    size_t rb = hi < s->end ? cg_text_raw_offset(s->text, (size_t)(hi - s->begin)) : s->text->raw_len;
    const char *raw = s->text->raw;
    long found = 0;
    int count = 0;
    for (size_t p = ra; p < rb && p < s->text->raw_len; p++) {
        unsigned char b = (unsigned char)raw[p];
        if (b != 0xC2 && b != 0xE2 && b != '<' && b != '[')
            continue;
        long number;
        size_t m = note_mark(raw + p, raw + rb, &number);
        if (m == 0)
            continue;
        p += m - 1;
        if (!notes_numbered(nb, number, (size_t)(lo - s->begin), &n))
            continue;
        /* the references of the footnote: refs are in text order */
        size_t lo = cg_refs_starting_from(s->out, first, s->out->n, n.start);
        for (size_t j = lo; j < s->out->n && s->out->items[j].start < n.end; j++) {
            const cg_ref *o = &s->out->items[j];
            if (o->kind != CG_KIND_ICJ)
                continue;
            const char *id = cg_refs_target(s->out, o);
            long num = icj_id_case(id);
            const char *rest = strchr(id + 4, ':');
            if (num == 0 || rest == NULL || strcmp(rest, suffix) != 0)
                continue;
            for (size_t q = 0; q < nc; q++)
                if (c[q].number == num)
                    vote(&found, &count, num);
        }
    }
    return count == 1 ? found : 0;
}

/* A party of a candidate named at p (whole word): sets its name and
 * returns the end, or NULL. */
static const char *party_named(const candidate *c, size_t nc, const char *p, const char *end,
                               const char **name, size_t *len)
{
    for (size_t k = 0; k < 2 * nc; k++) {
        const char *n = k % 2 ? c[k / 2].respondent : c[k / 2].applicant;
        size_t l = k % 2 ? c[k / 2].respondent_len : c[k / 2].applicant_len;
        if (n == NULL || l == 0 || (size_t)(end - p) < l || memcmp(p, n, l) != 0)
            continue;
        if (p + l < end && cg_is_alnum((unsigned char)p[l]) &&
            !(end - p - l >= 3 && memcmp(p + l, "\xE2\x80\x99", 3) == 0))
            continue; /* a longer word; "Armenia’s" is the party */
        *name = n;
        *len = l;
        return p + l;
    }
    return NULL;
}

static int same_name(const char *a, size_t alen, const char *b, size_t blen)
{
    return a != NULL && b != NULL && alen == blen && memcmp(a, b, alen) == 0;
}

/* Votes for every candidate whose applicant is the party named (and
 * whose respondent is the other party, when one is named). */
static void vote_parties(const candidate *c, size_t nc, const char *applicant, size_t alen,
                         const char *respondent, size_t rlen, long *found, int *count)
{
    for (size_t k = 0; k < nc; k++)
        if (same_name(c[k].applicant, c[k].applicant_len, applicant, alen) &&
            (respondent == NULL || same_name(c[k].respondent, c[k].respondent_len, respondent, rlen)))
            vote(found, count, c[k].number);
}

/* Rule 2: the parties named in the sentence around the mention. */
static long case_from_parties(scan *s, size_t i, const candidate *c, size_t nc)
{
    const cg_registry *reg = s->reg;
    const cg_ref *r = &s->out->items[i];
    const char *lo = s->begin + r->start, *hi = s->begin + r->end;
    const char *stop = r->start > SENTENCE_LIMIT ? lo - SENTENCE_LIMIT : s->begin;
    while (lo > stop && !(lo - stop >= 2 && lo[-1] == ' ' && sentence_end(s->reg, s->begin, lo - 2)) &&
           !(lo[-1] == '\n' && lo - 1 > s->begin && lo[-2] == '\n'))
        lo--;
    const char *hstop = (size_t)(s->end - hi) > SENTENCE_LIMIT ? hi + SENTENCE_LIMIT : s->end;
    while (hi < hstop && !(hi + 1 < hstop && cg_is_space((unsigned char)hi[1]) && sentence_end(s->reg, s->begin, hi)) &&
           !(*hi == '\n' && hi + 1 < hstop && hi[1] == '\n'))
        hi++;
    long found = 0;
    int count = 0;
    for (const char *p = lo; p < hi; p++) {
        if (p > lo && cg_is_alnum((unsigned char)p[-1]))
            continue;
        const char *after, *q, *name, *other;
        size_t len, olen;
        if (cg_phrases_match(&reg->instituted_words, p, hi, &after)) {
            /* "instituted by X against Y" */
            q = cg_lex_skip_space(after, hi);
            if ((q = party_named(c, nc, q, hi, &name, &len)) == NULL)
                continue;
            const char *a = cg_lex_skip_space(q, hi);
            if (cg_phrases_match(&reg->against_words, a, hi, &after) &&
                party_named(c, nc, cg_lex_skip_space(after, hi), hi, &other, &olen))
                vote_parties(c, nc, name, len, other, olen, &found, &count);
            else
                vote_parties(c, nc, name, len, NULL, 0, &found, &count);
            p = q - 1;
            continue;
        }
        if (cg_phrases_match(&reg->requested_by_words, p, hi, &after)) {
            /* "requested by X": X asked the Court, as applicant */
            q = cg_lex_skip_space(after, hi);
            if (cg_lex_is_word(q, hi, "the"))
                q = cg_lex_skip_space(q + 3, hi);
            if ((q = party_named(c, nc, q, hi, &name, &len)) != NULL) {
                vote_parties(c, nc, name, len, NULL, 0, &found, &count);
                p = q - 1;
            }
            continue;
        }
        if ((q = party_named(c, nc, p, hi, &name, &len)) != NULL) {
            /* "X's request", "X subsequently requested" */
            if (cg_phrases_match(&reg->request_words, q, hi, &after) ||
                cg_phrases_match(&reg->request_words, cg_lex_skip_space(q, hi), hi, &after))
                vote_parties(c, nc, name, len, NULL, 0, &found, &count);
            p = q - 1;
        }
    }
    return count == 1 ? found : 0;
}

cg_status scan_icj_context(scan *s, notes *nb, size_t first)
{
    for (size_t i = first; i < s->out->n; i++) {
        const cg_ref *r = &s->out->items[i];
        if (r->kind != CG_KIND_ICJ)
            continue;
        const char *id = cg_refs_target(s->out, r);
        int type;
        long date;
        if (icj_id_case(id) != 0 || !parse_decision(id, &type, &date))
            continue;
        candidate c[MAX_CANDIDATES];
        size_t nc = candidates_of(s->reg, type, date, c);
        if (nc < 2)
            continue;
        char suffix[64];
        snprintf(suffix, sizeof suffix, "%s", strchr(id + 4, ':'));
        long number = case_from_notes(s, nb, first, i, suffix, c, nc);
        if (number == 0)
            number = case_from_parties(s, i, c, nc);
        if (number != 0) {
            cg_status st = icj_set_case(s, i, number, CG_REF_CASE_CONTEXT);
            if (st != CG_OK)
                return st;
        }
    }
    return CG_OK;
}
