/* Short forms (spec 7): "Ibid." and defined terms, resolved the way a
 * careful reader does, after the written-out references of a document
 * are known.  Also the pinpoint after every reference.
 *
 *  - "Ibid." refers to the last reference before it in its own footnote;
 *    at the start of a footnote, to the last reference of the footnote
 *    just before (marked ambiguous when that footnote cited several
 *    targets); outside footnotes, to the last reference before it in the
 *    same paragraph.  No antecedent: no reference, never a guess.  An
 *    "Ibid." followed in the same citation by a written-out decision of
 *    the Court gives that decision the preceding case.
 *  - "X (hereinafter referred to as “Report”)", "(the “Agreement”)": a
 *    later "Report" followed by a pinpoint, or standing alone as a
 *    footnote's citation, refers to X.  Never before its definition.
 *
 * Costs: one pass per Ibid. spelling and per defined term; then each
 * short form resolved in text order from the references around it and
 * the footnotes found near it (see notes.c), not from a walk of every
 * reference and footnote of the document. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Distinct defined terms looked for in one document. */
#define MAX_TERMS 64

typedef struct term_def {
    const char *term; /* in the clean text */
    size_t len;
    size_t ref;       /* index in out of the defining reference */
    size_t after;     /* clean offset where uses may start */
} term_def;

typedef struct short_form {
    size_t start, end; /* clean offsets of the short form itself */
    cg_via via;
    size_t def;        /* for a term: index in defs */
    int pin_known;     /* whether the pinpoint after it was parsed */
    const char *pin, *pin_end; /* that pinpoint, pin_end NULL if none */
    long out;          /* index in out of the reference it made, or -1 */
} short_form;

typedef struct resolver {
    scan *s;
    notes nb;
    term_def *defs;
    size_t ndefs, defs_cap;
    short_form *forms;
    size_t nforms, forms_cap;
} resolver;

/* The last reference seen in a footnote (or paragraph), and whether the
 * footnote cited more than one target. */
typedef struct antecedent {
    long ref;      /* index in out, or -1 */
    int ambiguous;
} antecedent;

static int grow(void **items, size_t *cap, size_t n, size_t size)
{
    if (n < *cap)
        return 1;
    size_t c = *cap ? *cap * 2 : 16;
    void *p = cg_realloc(*items, c * size);
    if (p == NULL)
        return 0;
    *items = p;
    *cap = c;
    return 1;
}

static cg_status add_form(resolver *rv, size_t start, size_t end, cg_via via, size_t def)
{
    if (!grow((void **)&rv->forms, &rv->forms_cap, rv->nforms, sizeof *rv->forms))
        return CG_ENOMEM;
    short_form *f = &rv->forms[rv->nforms++];
    f->start = start;
    f->end = end;
    f->via = via;
    f->def = def;
    f->pin_known = 0;
    f->pin = f->pin_end = NULL;
    f->out = -1;
    return CG_OK;
}

/* The pinpoint after a short form (its end, or NULL; *start set), parsed
 * once whoever asks first. */
static const char *form_pinpoint(const scan *s, short_form *f, const char **start)
{
    if (!f->pin_known) {
        f->pin_end = pinpoint_parse(s->ex, s->begin + f->end, s->end, &f->pin);
        f->pin_known = 1;
    }
    *start = f->pin;
    return f->pin_end;
}

/* An opening or closing quotation mark at p: its length, or 0. */
static size_t quote_at(const char *p, const char *end, int closing)
{
    if (p < end && *p == '"')
        return 1;
    if (end - p >= 3 && (unsigned char)p[0] == 0xE2 && (unsigned char)p[1] == 0x80 &&
        (unsigned char)p[2] == (closing ? 0x9D : 0x9C))
        return 3;
    return 0;
}

static const char *skip_the(const char *p, const char *end)
{
    if (cg_lex_is_word(p, end, "the") || cg_lex_is_word(p, end, "The"))
        return cg_lex_skip_space(p + 3, end);
    return p;
}

/* A definition after the reference ending at p (and after its pinpoint,
 * which ends at pin_end, NULL if none): "(hereinafter referred to as
 * “Report”)", "(the “Agreement”)"; records the term. */
static cg_status find_definition(resolver *rv, size_t ref, const char *p, const char *pin_end)
{
    scan *s = rv->s;
    const char *end = s->end;
    const char *q = cg_lex_skip_space_lines(pin_end ? pin_end : p, end, 1);
    if (q && q < end && *q == ',')
        q = cg_lex_skip_space_lines(q + 1, end, 1);
    if (q == NULL || q >= end || *q != '(')
        return CG_OK;
    q = cg_lex_skip_space(q + 1, end);
    const char *after;
    int worded = cg_phrases_match(&s->reg->term_words, q, end, &after) != NULL;
    if (worded) {
        q = cg_lex_skip_space(after, end);
        if (q < end && *q == ':')
            q = cg_lex_skip_space(q + 1, end);
    }
    q = skip_the(q, end);
    size_t open = quote_at(q, end, 0);
    if (open == 0)
        return CG_OK;
    const char *t = q + open, *te = t;
    while (te < end && te - t < 80 && *te != '\n' && quote_at(te, end, 1) == 0 && *te != '"')
        te++;
    if (te >= end || te - t >= 80 || *te == '\n')
        return CG_OK;
    size_t close = quote_at(te, end, 1);
    const char *r = cg_lex_skip_space(te + close, end);
    if (r >= end || *r != ')')
        return CG_OK;
    t = skip_the(t, te);
    if (t >= te || !(cg_is_upper((unsigned char)*t) || (unsigned char)*t >= 0x80))
        return CG_OK;
    if (!grow((void **)&rv->defs, &rv->defs_cap, rv->ndefs, sizeof *rv->defs))
        return CG_ENOMEM;
    term_def *d = &rv->defs[rv->ndefs++];
    d->term = t;
    d->len = (size_t)(te - t);
    d->ref = ref;
    d->after = (size_t)(r + 1 - s->begin);
    return CG_OK;
}

/* Whether the use of a term at [u, ue) stands as a citation: followed by
 * a pinpoint (then f, the form it would make, keeps it), or alone as
 * its footnote's citation ("¹³ Report."). */
static int term_cites(resolver *rv, const char *u, const char *ue, short_form *f)
{
    scan *s = rv->s;
    const char *pin;
    if (ue < s->end && (*ue == ',' || *ue == ' ') && form_pinpoint(s, f, &pin))
        return 1;
    note k;
    if (!notes_at(&rv->nb, (size_t)(u - s->begin), &k))
        return 0;
    const char *fs = s->begin + k.start;
    const char *lead = cg_lex_skip_space(fs, u);
    if (cg_lex_is_word(lead, u, "See") || cg_lex_is_word(lead, u, "see"))
        lead = cg_lex_skip_space(lead + 3, u);
    lead = skip_the(lead, u);
    return lead == u && ue < s->end && (*ue == '.' || *ue == ';');
}

/* Whether two definitions define the same term. */
static int same_term(const term_def *a, const term_def *b)
{
    return a->len == b->len && memcmp(a->term, b->term, a->len) == 0;
}

/* The uses of the term that definition first defines, in one search from
 * its definition to the end: each use refers to the latest definition of
 * the term before it (a document may define it again). */
static cg_status find_term_uses(resolver *rv, size_t first)
{
    scan *s = rv->s;
    const term_def *d = &rv->defs[first];
    size_t def = first;      /* the definition in force */
    size_t next = first + 1; /* the next definition to pass */
    const char *p = s->begin + d->after;
    while (p < s->end) {
        const char *u = find_bytes(p, s->end, d->term, d->len);
        if (u == NULL)
            break;
        const char *ue = u + d->len;
        p = ue;
        for (; next < rv->ndefs && s->begin + rv->defs[next].after <= u; next++)
            if (same_term(&rv->defs[next], d))
                def = next;
        if ((u > s->begin && cg_is_alnum((unsigned char)u[-1])) ||
            (ue < s->end && cg_is_alnum((unsigned char)*ue)))
            continue;
        if (u > s->begin && (u[-1] == '"' || (u - s->begin >= 3 && quote_at(u - 3, u, 0))))
            continue; /* the term quoted again, not used */
        short_form f = {(size_t)(u - s->begin), (size_t)(ue - s->begin), CG_VIA_TERM, def, 0, NULL, NULL, -1};
        if (!term_cites(rv, u, ue, &f))
            continue;
        if (add_form(rv, f.start, f.end, CG_VIA_TERM, def) != CG_OK)
            return CG_ENOMEM;
        rv->forms[rv->nforms - 1] = f;
    }
    return CG_OK;
}

/* Searches the uses of every distinct term once (at most MAX_TERMS terms
 * a document: the searches are linear each, so the whole is linear). */
static cg_status find_all_term_uses(resolver *rv)
{
    size_t firsts[MAX_TERMS], terms = 0;
    for (size_t i = 0; i < rv->ndefs && terms < MAX_TERMS; i++) {
        int seen = 0;
        for (size_t k = 0; k < terms && !seen; k++)
            seen = same_term(&rv->defs[firsts[k]], &rv->defs[i]);
        if (seen)
            continue;
        firsts[terms++] = i;
        cg_status st = find_term_uses(rv, i);
        if (st != CG_OK)
            return st;
    }
    return CG_OK;
}

/* The spellings of Ibid. searched at once: each spelling without its
 * final '.' and without its first letter ("bid"), whose case varies; the
 * byte before a hit must be the first letter of a spelling of that tail. */
static cg_status find_ibids(resolver *rv)
{
    scan *s = rv->s;
    const cg_phrases *words = &s->reg->ibid_words;
    for (size_t i = 0; i < words->n; i++) {
        const cg_phrase *w = &words->items[i];
        size_t n = w->len;
        while (n > 0 && w->text[n - 1] == '.')
            n--;
        if (n < 2)
            continue;
        /* one search a tail: skip a spelling whose tail an earlier one had */
        int seen = 0;
        for (size_t k = 0; k < i && !seen; k++) {
            const cg_phrase *v = &words->items[k];
            size_t m = v->len;
            while (m > 0 && v->text[m - 1] == '.')
                m--;
            seen = m == n && memcmp(v->text + 1, w->text + 1, n - 1) == 0;
        }
        if (seen)
            continue;
        for (const char *p = s->begin + 1; p < s->end;) {
            const char *t = find_bytes(p, s->end, w->text + 1, n - 1);
            if (t == NULL)
                break;
            const char *u = t - 1, *ue = t + n - 1;
            p = t + 1;
            int first = 0; /* the letter before the tail starts a spelling */
            for (size_t k = 0; k < words->n && !first; k++) {
                const cg_phrase *v = &words->items[k];
                size_t m = v->len;
                while (m > 0 && v->text[m - 1] == '.')
                    m--;
                first = m == n && v->text[0] == *u && memcmp(v->text + 1, w->text + 1, n - 1) == 0;
            }
            if (!first || (u > s->begin && cg_is_alnum((unsigned char)u[-1])) ||
                (ue < s->end && cg_is_alnum((unsigned char)*ue)))
                continue;
            if (ue < s->end && *ue == '.')
                ue++;
            if (add_form(rv, (size_t)(u - s->begin), (size_t)(ue - s->begin), CG_VIA_IBID, 0) != CG_OK)
                return CG_ENOMEM;
        }
    }
    return CG_OK;
}

static int by_start(const void *a, const void *b)
{
    const short_form *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* Records on reference i the pinpoint [start, e) (none when e is NULL). */
static cg_status set_pinpoint(scan *s, size_t i, const char *start, const char *e)
{
    if (e == NULL)
        return CG_OK;
    /* the pinpoint as one line: line breaks become spaces */
    char buf[256];
    size_t n = 0;
    for (const char *p = start; p < e && n + 1 < sizeof buf; p++)
        buf[n++] = cg_is_space((unsigned char)*p) ? ' ' : *p;
    return cg_refs_set_pinpoint(s->out, i, buf, n);
}

/* The written-out reference that follows a short form in the same
 * citation (same footnote; no sentence end, ';' or blank line between),
 * or -1. */
static long same_citation_next(resolver *rv, const note *k, size_t next, size_t n0, size_t from)
{
    const scan *s = rv->s;
    if (next >= n0)
        return -1;
    const cg_ref *r = &s->out->items[next];
    if (r->start < from || r->start - from > 300)
        return -1;
    const char *e = s->begin + r->start;
    for (const char *p = s->begin + from; p < e; p++) {
        if (*p == ';')
            return -1;
        if (*p == '\n') { /* a blank line after it */
            const char *q = p + 1;
            while (q < e && (*q == ' ' || *q == '\t'))
                q++;
            if (q < e && *q == '\n')
                return -1;
        }
        if (*p == '.' && p + 2 < s->end && cg_is_space((unsigned char)p[1]) &&
            cg_is_upper((unsigned char)*cg_lex_skip_space(p + 1, s->end)) &&
            sentence_end(s->reg, s->begin, p))
            return -1;
    }
    note m;
    int in = notes_at(&rv->nb, r->start, &m);
    if (in != (k != NULL) || (in && m.line != k->line))
        return -1;
    return (long)next;
}

/* The case number of an ICJ id "icj:180:order:..." (0 if none). */
long icj_id_case(const char *id)
{
    if (strncmp(id, "icj:", 4) != 0)
        return 0;
    return strtol(id + 4, NULL, 10);
}

/* Gives the decision at index i the case number. */
cg_status icj_set_case(scan *s, size_t i, long number, unsigned flag)
{
    cg_ref *r = &s->out->items[i];
    const char *id = cg_refs_target(s->out, r);
    const char *rest = strchr(id + 4, ':');
    if (strncmp(id, "icj:", 4) != 0 || rest == NULL)
        return CG_OK;
    char buf[CG_ID_MAX];
    int n = snprintf(buf, sizeof buf, "icj:%ld%s", number, rest);
    if (n < 0 || (size_t)n >= sizeof buf)
        return CG_OK;
    size_t off = s->out->pool.len;
    if (cg_buf_append(&s->out->pool, buf, (size_t)n + 1) != CG_OK)
        return CG_ENOMEM;
    r = &s->out->items[i];
    r->target = off;
    r->flags = (r->flags & ~CG_REF_CASE_INFERRED) | flag;
    return CG_OK;
}

/* Whether an "Ibid." stands for its antecedent itself: alone, or with
 * a pinpoint only ("Ibid., para. 79.").  "Ibid., Fourth Year, Special
 * Supplement No. 1" names another part of the publication the antecedent
 * was in: no reference. */
static int ibid_alone(const scan *s, short_form *sf)
{
    const char *p = s->begin + sf->end, *pin;
    const char *e = form_pinpoint(s, sf, &pin);
    int dotted = sf->end > sf->start && s->begin[sf->end - 1] == '.';
    if (e != NULL) {
        p = e;
        dotted = 0;
    }
    while (p < s->end && (*p == ' ' || *p == '\t'))
        p++;
    if (p >= s->end || *p == '\n' || *p == '.' || *p == ';' || *p == ')' || *p == ']')
        return 1;
    return dotted && p > s->begin + sf->end && cg_is_upper((unsigned char)*p);
}

/* Copies the string src into dst of size bytes, cut to fit. */
static void copy_cut(char *dst, size_t size, const char *src)
{
    size_t n = strnlen(src, size - 1);
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* Emits the reference a short form makes, copying antecedent a. */
static cg_status emit_form(scan *s, short_form *f, size_t a, cg_via via, unsigned flags)
{
    const cg_ref *r = &s->out->items[a];
    /* copied: adding may move the pool they are in */
    copy_cut(s->id, sizeof s->id, cg_refs_target(s->out, r));
    copy_cut(s->aliases, sizeof s->aliases, cg_refs_aliases(s->out, r));
    cg_kind kind = r->kind;
    cg_status st = cg_refs_add(s->out, kind, flags, f->start, f->end, s->id, s->aliases);
    if (st != CG_OK)
        return st;
    size_t i = s->out->n - 1;
    s->out->items[i].via = via;
    const char *pin;
    const char *e = form_pinpoint(s, f, &pin);
    return set_pinpoint(s, i, pin, e);
}

/* The references of out[first..next) and the forms of forms[..f) that
 * made one, each in turn in text order (a reference before a form that
 * starts where it does): the index in out of the latest that starts in
 * [lo, hi), or -1; *several set if they have several targets. */
static long latest_in(const resolver *rv, size_t first, size_t next, size_t f, size_t lo,
                      size_t hi, int *several)
{
    const cg_refs *out = rv->s->out;
    /* the references: out[first..next) are in text order */
    size_t a = cg_refs_starting_from(out, first, next, lo);
    size_t g = 0, h = f; /* the forms: in text order */
    while (g < h) {
        size_t mid = g + (h - g) / 2;
        if (rv->forms[mid].start < lo)
            g = mid + 1;
        else
            h = mid;
    }
    long last = -1;
    size_t last_start = 0;
    const char *target = NULL;
    *several = 0;
    for (int forms = 0; forms < 2; forms++) {
        for (size_t i = forms ? g : a; forms ? i < f : i < next; i++) {
            long o = forms ? rv->forms[i].out : (long)i;
            size_t start = forms ? rv->forms[i].start : out->items[i].start;
            if (start >= hi)
                break;
            if (o < 0)
                continue;
            const char *t = cg_refs_target(out, &out->items[o]);
            if (target != NULL && strcmp(target, t) != 0)
                *several = 1;
            target = t;
            if (last < 0 || start >= last_start) {
                last = o;
                last_start = start;
            }
        }
    }
    return last;
}

/* What the "Ibid." forms[f] refers to, at the point where the references
 * out[first..next) precede it (k: its footnote, NULL if none): the last
 * reference before it in its footnote; at the start of a footnote, the
 * last of the footnote just before (ambiguous if it had several targets);
 * outside footnotes, the last before it since the last one in a
 * footnote, in the same paragraph.  emitted: the latest form before it
 * that made a reference, or -1. */
static antecedent ibid_antecedent(resolver *rv, size_t first, size_t next, size_t f,
                                  long emitted, const note *k)
{
    scan *s = rv->s;
    const short_form *sf = &rv->forms[f];
    antecedent none = {-1, 0};
    int several;
    if (k != NULL) {
        long x = latest_in(rv, first, next, f, k->start, sf->start + 1, &several);
        if (x >= 0)
            return (antecedent){x, 0};
        note q;
        if (!notes_before(&rv->nb, k, &q))
            return none;
        x = latest_in(rv, first, next, f, q.start, q.end, &several);
        return (antecedent){x, x >= 0 && several};
    }
    /* the latest reference, written out or made by a form */
    long x = next > first ? (long)next - 1 : -1;
    if (emitted >= 0 && (x < 0 || s->out->items[x].start <= rv->forms[emitted].start))
        x = rv->forms[emitted].out;
    if (x < 0 || has_blank_line(s->begin + s->out->items[x].end, s->begin + sf->start))
        return none;
    /* it and the forms after it outside footnotes */
    size_t from = s->out->items[x].start;
    note m;
    if (notes_at(&rv->nb, from, &m))
        return none;
    for (size_t g = f; g > 0 && rv->forms[g - 1].start >= from && rv->forms[g - 1].out != x; g--)
        if (notes_at(&rv->nb, rv->forms[g - 1].start, &m))
            return none;
    return (antecedent){x, 0};
}

/* Resolves each short form, in text order, from what precedes it. */
static cg_status resolve(resolver *rv, size_t first, size_t n0)
{
    scan *s = rv->s;
    size_t ref_end = 0; /* end of the latest written-out reference */
    size_t next = first;
    long emitted = -1; /* the latest form that made a reference */
    for (size_t f = 0; f < rv->nforms; f++) {
        short_form *sf = &rv->forms[f];
        for (; next < n0 && s->out->items[next].start <= sf->start; next++)
            if (s->out->items[next].end > ref_end)
                ref_end = s->out->items[next].end;
        if ((next < n0 && s->out->items[next].start < sf->end) || sf->start < ref_end)
            continue; /* inside a written-out reference */
        cg_status st = CG_OK;
        if (sf->via == CG_VIA_TERM) {
            st = emit_form(s, sf, rv->defs[sf->def].ref, CG_VIA_TERM, 0);
        } else {
            note k;
            const note *in = notes_at(&rv->nb, sf->start, &k) ? &k : NULL;
            antecedent a = ibid_antecedent(rv, first, next, f, emitted, in);
            long follow = same_citation_next(rv, in, next, n0, sf->end);
            if (follow >= 0) {
                /* "Ibid., document S/13802": the short form names the
                 * publication, the written-out reference is the target.
                 * "Ibid., Provisional Measures, Order of ... 17 November
                 * 2023": the new decision keeps the preceding case. */
                cg_ref *r = &s->out->items[follow];
                long c = a.ref >= 0 ? icj_id_case(cg_refs_target(s->out, &s->out->items[a.ref])) : 0;
                if (r->kind == CG_KIND_ICJ && c > 0 && (icj_id_case(cg_refs_target(s->out, r)) == 0 || (r->flags & CG_REF_CASE_INFERRED))) {
                    st = icj_set_case(s, (size_t)follow, c, CG_REF_CASE_CONTEXT);
                    s->out->items[follow].via = CG_VIA_IBID;
                }
                if (st != CG_OK)
                    return st;
                continue;
            }
            if (a.ref < 0 || !ibid_alone(s, sf))
                continue; /* nothing before it: no reference, never a guess */
            st = emit_form(s, sf, (size_t)a.ref, CG_VIA_IBID, a.ambiguous ? CG_REF_AMBIGUOUS : 0);
        }
        if (st != CG_OK)
            return st;
        sf->out = (long)(s->out->n - 1);
        emitted = (long)f;
    }
    return CG_OK;
}

cg_status scan_short_forms(scan *s, size_t first)
{
    resolver rv;
    memset(&rv, 0, sizeof rv);
    rv.s = s;
    notes_init(&rv.nb, s->text);
    size_t n0 = s->out->n;
    cg_status st = CG_OK;
    /* the pinpoint after each reference, parsed once: recorded, then
     * passed over to look for a definition */
    for (size_t i = first; i < n0 && st == CG_OK; i++) {
        const char *at = s->begin + s->out->items[i].end, *pin;
        const char *e = pinpoint_parse(s->ex, at, s->end, &pin);
        st = set_pinpoint(s, i, pin, e);
        if (st == CG_OK)
            st = find_definition(&rv, i, at, e);
    }
    if (st == CG_OK)
        st = find_ibids(&rv);
    int caseless = st == CG_OK && icj_caseless(s, first);
    if (st == CG_OK)
        st = find_all_term_uses(&rv);
    if (st == CG_OK && rv.nforms > 0) {
        qsort(rv.forms, rv.nforms, sizeof *rv.forms, by_start);
        st = resolve(&rv, first, n0);
    }
    if (st == CG_OK && caseless && (st = cg_refs_sort_from(s->out, first)) == CG_OK)
        st = scan_icj_context(s, &rv.nb, first);
    notes_free(&rv.nb);
    cg_free(rv.defs);
    cg_free(rv.forms);
    if (st == CG_OK)
        st = cg_refs_sort_from(s->out, first);
    return st;
}
