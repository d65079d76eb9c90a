/* The extraction driver: one pass over a document's clean text.  A
 * 256-entry table says which bytes may start a reference; only there, at
 * the start of a word, are the scanners of each kind tried.  A decision
 * of the Court cited date first is found at its keyword, looking back
 * for the date.  Mentions of the document itself are dropped. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static void mark(cg_extractor *ex, unsigned char a, unsigned char b, unsigned bit)
{
    ex->trigger[a] |= (unsigned char)bit;
    ex->trigger2[a << 8 | b] |= (unsigned char)bit;
}



/* Adds the first four bytes at text to the prefix table with bit; when
 * half its slots are used, the table stops covering bit instead. */
static void prefix_add(cg_extractor *ex, const char *text, unsigned bit)
{
    uint32_t x;
    memcpy(&x, text, 4);
    unsigned k = prefix_home(x);
    while (ex->prefix_bits[k] != 0 && ex->prefix_key[k] != x)
        k = (k + 1) & (PREFIX_SLOTS - 1);
    if (ex->prefix_bits[k] == 0) {
        if (2 * (ex->prefix_used + 1) > PREFIX_SLOTS) {
            ex->prefix_all |= bit;
            return;
        }
        ex->prefix_used++;
        ex->prefix_key[k] = x;
    }
    ex->prefix_bits[k] |= (unsigned char)bit;
}

static void mark_first_bytes(cg_extractor *ex, const cg_phrases *list, unsigned bit)
{
    for (size_t i = 0; i < list->n; i++) {
        const cg_phrase *ph = &list->items[i];
        if (ph->len < 4 || memchr(ph->text, ' ', 4) != NULL)
            ex->prefix_all |= bit;
        else
            prefix_add(ex, ph->text, bit);
        mark(ex, (unsigned char)ph->text[0], ph->len > 1 ? (unsigned char)ph->text[1] : 0, bit);
        /* a space of a phrase matches any run of white space */
        for (unsigned b = 0; ph->len > 1 && ph->text[1] == ' ' && b < 256; b++)
            if (cg_is_space((unsigned char)b))
                mark(ex, (unsigned char)ph->text[0], (unsigned char)b, bit);
        if (ph->len == 1)
            for (unsigned b = 0; b < 256; b++)
                mark(ex, (unsigned char)ph->text[0], (unsigned char)b, bit);
    }
}

/* Marks in case_pairs the first two bytes, in lower case, of the texts
 * where a case name may match: a space of a name matches any white space,
 * a name of one byte any second byte. */
static void mark_case_pairs(cg_extractor *ex, const cg_phrases *names)
{
    for (size_t i = 0; i < names->n; i++) {
        const cg_phrase *ph = &names->items[i];
        if (ph->len == 0)
            continue; /* matched by no text */
        unsigned a = (unsigned)cg_ascii_lower((unsigned char)ph->text[0]);
        for (unsigned b = 0; b < 256; b++) {
            int second = ph->len == 1 ||
                         (ph->text[1] == ' ' ? cg_is_space((unsigned char)b)
                                             : cg_ascii_lower((unsigned char)ph->text[1]) == b);
            if (second)
                ex->case_pairs[(a << 8 | b) >> 6] |= UINT64_C(1) << ((a << 8 | b) & 63);
        }
    }
}

cg_extractor *cg_extractor_new(const cg_registry *reg)
{
    cg_extractor *ex = cg_calloc(1, sizeof *ex);
    if (ex == NULL)
        return NULL;
    ex->reg = reg;
    for (size_t i = 0; i < reg->pinpoint_words.n; i++)
        ex->pinpoint_first[(unsigned char)reg->pinpoint_words.items[i].text[0]] = 1;
    /* a symbol: capitals then '/' */
    for (unsigned c = 'A'; c <= 'Z'; c++) {
        mark(ex, (unsigned char)c, '/', TRIG_SYMBOL);
        for (unsigned d = 'A'; d <= 'Z'; d++)
            mark(ex, (unsigned char)c, (unsigned char)d, TRIG_SYMBOL);
    }
    /* bytes that belong to a word: a reference starts only after none */
    for (unsigned b = 0; b < 256; b++)
        ex->joining[b] = (unsigned char)(cg_is_alnum((unsigned char)b) || strchr("/.-_@\\=%#&?", (int)b));
    ex->joining[0] = 0;
    /* a URL: "http://", "https://" or "www." */
    mark(ex, 'h', 't', TRIG_URL);
    mark(ex, 'w', 'w', TRIG_URL);
    prefix_add(ex, "http", TRIG_URL);
    prefix_add(ex, "www.", TRIG_URL);
    mark_first_bytes(ex, &reg->resolution_words, TRIG_RESOLUTION);
    mark_first_bytes(ex, &reg->decision_words, TRIG_DECISION);
    mark_first_bytes(ex, &reg->icj_words, TRIG_ICJ);
    mark_case_pairs(ex, &reg->case_names);
    starts_init(ex);
    return ex;
}

void cg_extractor_free(cg_extractor *ex) { cg_free(ex); }

static int is_self(const cg_docid *self, const char *id)
{
    if (self == NULL || self->id[0] == '\0')
        return 0;
    if (strcmp(self->id, id) == 0)
        return 1;
    size_t n = strlen(id);
    for (const char *a = self->aliases; *a; ) {
        const char *bar = strchr(a, '|');
        size_t len = bar ? (size_t)(bar - a) : strlen(a);
        if (len == n && memcmp(a, id, n) == 0)
            return 1;
        a += len + (bar ? 1 : 0);
    }
    return 0;
}

void scan_emit(scan *s, cg_kind kind, unsigned flags, const char *start, const char *end,
               const char *id, const char *aliases)
{
    if (s->status != CG_OK || is_self(s->self, id))
        return;
    s->status = cg_refs_add(s->out, kind, flags, (size_t)(start - s->begin),
                            (size_t)(end - s->begin), id, aliases);
}

void scan_note_sc_year(scan *s, long number, long year)
{
    for (size_t i = 0; i < s->nyears; i++)
        if (s->years[i].number == number)
            return;
    if (s->nyears == s->years_cap) {
        size_t cap = s->years_cap ? s->years_cap * 2 : 16;
        sc_year *y = cg_realloc(s->years, cap * sizeof *y);
        if (y == NULL) {
            s->status = CG_ENOMEM;
            return;
        }
        s->years = y;
        s->years_cap = cap;
    }
    s->years[s->nyears].number = number;
    s->years[s->nyears].year = year;
    s->nyears++;
}

long scan_sc_year(const scan *s, long number)
{
    for (size_t i = 0; i < s->nyears; i++)
        if (s->years[i].number == number)
            return s->years[i].year;
    return 0;
}

/* Whether the text calls the symbol at p a document: a word of the
 * lexicon's document-words right before it, then spaces and at most one
 * '(' ("(document S/24)"). */
static int called_document(const scan *s, const char *p)
{
    const char *q = p, *start;
    if (q > s->begin && q[-1] == '(')
        q--;
    const char *w = q;
    while (w > s->begin && cg_is_space((unsigned char)w[-1]))
        w--;
    if (w == q)
        return 0;
    const char *lim = w - s->begin > 16 ? w - 16 : s->begin;
    return cg_phrases_match_before(&s->reg->document_words, lim, w, &start) != NULL;
}

const char *scan_symbol(scan *s, const char *p)
{
    int is_res = 0;
    const char *e = cg_symbol_parse(s->reg, p, s->end, s->id, sizeof s->id, s->aliases,
                                    sizeof s->aliases, &is_res);
    /* "document S/24": a number of one or two digits alone, the Council's
     * first documents */
    if (e == NULL && called_document(s, p))
        e = cg_symbol_parse_short(s->reg, p, s->end, s->id, sizeof s->id, s->aliases,
                                  sizeof s->aliases, &is_res);
    if (e == NULL && s->reg->other_series.n > 0 &&
        (e = cg_other_symbol_parse(s->reg, p, s->end, s->id, sizeof s->id)) != NULL) {
        scan_emit(s, CG_KIND_OTHER, 0, p, e, s->id, NULL);
        return e;
    }
    if (e == NULL)
        return NULL;
    /* a joint symbol whose alias is the document itself is the document */
    if (s->aliases[0]) {
        char *a = s->aliases;
        while (*a) {
            char *bar = strchr(a, '|');
            size_t len = bar ? (size_t)(bar - a) : strlen(a);
            char one[CG_ID_MAX];
            memcpy(one, a, len);
            one[len] = '\0';
            if (is_self(s->self, one))
                return e;
            a += len + (bar ? 1 : 0);
        }
    }
    scan_emit(s, is_res ? CG_KIND_RESOLUTION : CG_KIND_SYMBOL, 0, p, e, s->id, s->aliases);
    return e;
}


/* Tries the scanners that the trigger bits t allow at p, in order (the
 * bits already checked by starts_next); returns the end of the first
 * reference found, or NULL.  The scan has come to p from from: a date
 * before a keyword at p, starting at or after from, would have been
 * found at its day, before anything at p. */
static const char *scan_at(scan *s, const char *p, const char *from, unsigned t)
{
    const char *e, *after;
    if (t & TRIG_AFTER_YEAR)
        return scan_icj_date_before(s, p, from);
    if ((t & TRIG_ICJ) && (e = scan_icj_date_before(s, p, from)) != NULL)
        return e;
    if ((t & TRIG_URL) && (e = scan_url(s, p)) != NULL)
        return e;
    if ((t & TRIG_RESOLUTION) && cg_phrases_match(&s->reg->resolution_words, p, s->end, &after) &&
        (e = scan_resolutions(s, p, after, 0)) != NULL)
        return e;
    if ((t & TRIG_DECISION) && cg_phrases_match(&s->reg->decision_words, p, s->end, &after) &&
        (e = scan_resolutions(s, p, after, 1)) != NULL)
        return e;
    if ((t & TRIG_ICJ) && (e = scan_icj_keyword(s, p)) != NULL)
        return e;
    if ((t & TRIG_SYMBOL) && (e = scan_symbol(s, p)) != NULL)
        return e;
    return NULL;
}

cg_status cg_extract(const cg_extractor *ex, const cg_text *text, const cg_docid *self,
                     cg_refs *out)
{
    scan s;
    memset(&s, 0, sizeof s);
    s.ex = ex;
    s.reg = ex->reg;
    s.text = text;
    s.self = self;
    s.begin = text->clean ? text->clean : "";
    s.end = s.begin + text->clean_len;
    s.out = out;
    size_t first = out->n;
    const char *p = s.begin;
    unsigned t;
    starts_iter it = {NULL, NULL, 0, 0};
    for (const char *from = p; (p = starts_next(ex, &it, from, s.begin, s.end, &t)) < s.end;) {
        const char *e = scan_at(&s, p, from, t);
        if (s.status != CG_OK)
            break;
        /* past what was read, or on to the next word */
        from = e ? e : p + 1;
    }
    cg_free(s.years);
    if (s.status != CG_OK)
        return s.status;
    /* keep text order: a date-first ICJ mention may start before the
     * end of the reference scanned just before it */
    cg_status st = cg_refs_sort_from(out, first);
    /* what only the whole document tells: short forms, pinpoints, cases */
    return st == CG_OK ? scan_short_forms(&s, first) : st;
}
