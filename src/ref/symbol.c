/* UN document symbols (spec 1).  Grammar accepted:
 *   symbol  := series ('/' component)+ [part] ['-' symbol]   (joint)
 *   series  := a registry series ("A", "S", "CCPR", ...)
 *   component := digits ['-' digits] | Word ['.' ' '? digits ('.' digits)*]
 *                (a known Word's number may be a scan's 'l' or 'I' for 1)
 *   part    := ' '? '(' (Part|Parts|Vol.|Sect.) ' '? roman-or-digits... ')'
 * A line break may follow a '/' that ends a line.  A symbol needs a
 * digit; one with a single component needs a number of 3+ digits, unless
 * the text calls it a document ("document S/24", cg_symbol_parse_short).
 * S/RES/n (yyyy) and A/RES/n (roman) take their year or session. */
#include <stdio.h>
#include <string.h>

#include "citegraph/extract.h"
#include "citegraph/lex.h"

typedef struct sbuf {
    char *s;
    size_t len;
    size_t cap;
    int overflow;
} sbuf;

static void put(sbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->overflow = 1;
        return;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

/* After a '/', the start of the next component, crossing one line
 * break when the '/' ends its line. */
static const char *after_slash(const char *q, const char *end)
{
    if (q < end && !cg_is_space((unsigned char)*q))
        return q;
    const char *r = q;
    while (r < end && (*r == ' ' || *r == '\t'))
        r++;
    if (r >= end || *r != '\n')
        return NULL;
    r++;
    while (r < end && (*r == ' ' || *r == '\t'))
        r++;
    return r;
}

/* Parses one component at q into b; returns its end or NULL.  With
 * bracketed, a word may carry a number in brackets ("MIN(01)"). */
static const char *component(const cg_registry *reg, const char *q, const char *end,
                             sbuf *b, int *digits, int bracketed)
{
    const char *p = q;
    if (p < end && cg_is_digit((unsigned char)*p)) {
        while (p < end && cg_is_digit((unsigned char)*p))
            p++;
        if (p + 1 < end && *p == '-' && cg_is_digit((unsigned char)p[1])) {
            const char *r = p + 1;
            while (r < end && cg_is_digit((unsigned char)*r))
                r++;
            /* "3-4" (combined reports, also "6-7/Add.1") is one component;
             * "521-5/91085" is a joint symbol whose S was read as 5 (OCR):
             * stop before it */
            if (!(r + 1 < end && *r == '/' && cg_is_digit((unsigned char)r[1])))
                p = r;
        }
        /* a letter glued to a number (A/57/1A) is part of it, a word is not */
        if (p < end && cg_is_upper((unsigned char)*p) &&
            (p + 1 >= end || !cg_is_alnum((unsigned char)p[1])))
            p++;
        /* a word glued after the number ("CO/3para. 10") is not part of it */
        if (p < end && (cg_is_upper((unsigned char)*p) || *p == '_'))
            return NULL;
        *digits = 1;
        put(b, q, (size_t)(p - q));
        return p;
    }
    const char *w = cg_lex_word(p, end);
    if (w == p)
        return NULL;
    size_t wlen = (size_t)(w - p);
    /* the canonical spelling matters only for a word in lower case or
     * one followed by '.' */
    const cg_phrase *known = !cg_is_upper((unsigned char)*p) || (w < end && *w == '.')
                                 ? cg_phrases_find_ci(&reg->components, p, wlen)
                                 : NULL;
    if (!cg_is_upper((unsigned char)*p) && known == NULL)
        return NULL;
    /* word followed by '.' and a number: Add.2, L.12, CN.4, "Add. 2" */
    const char *r = w;
    if (r < end && *r == '.') {
        const char *n = r + 1;
        if (n < end && *n == ' ' && known)
            n++;
        /* "Add.l", "Corr.I": a scan's 1, read as one */
        if (known && n < end && (*n == 'l' || *n == 'I') &&
            (n + 1 >= end || !cg_is_alnum((unsigned char)n[1]))) {
            put(b, known->text, known->len);
            put(b, ".1", 2);
            *digits = 1;
            return n + 1;
        }
        if (n < end && cg_is_digit((unsigned char)*n)) {
            if (known)
                put(b, known->text, known->len);
            else
                put(b, p, wlen);
            put(b, ".", 1);
            const char *m = n;
            while (m < end && (cg_is_digit((unsigned char)*m) ||
                               (*m == '.' && m + 1 < end && cg_is_digit((unsigned char)m[1]))))
                m++;
            if (m < end && cg_is_alpha((unsigned char)*m))
                return NULL;
            put(b, n, (size_t)(m - n));
            *digits = 1;
            return m;
        }
    }
    if (w < end && (cg_is_digit((unsigned char)*w) || *w == '_'))
        return NULL;
    if (bracketed && w < end && *w == '(') {
        const char *d = w + 1, *de = d;
        while (de < end && de - d < 4 && cg_is_digit((unsigned char)*de))
            de++;
        if (de > d && de < end && *de == ')') {
            put(b, p, (size_t)(de + 1 - p));
            *digits = 1;
            return de + 1;
        }
    }
    if (known && !cg_is_upper((unsigned char)*p))
        put(b, known->text, known->len);
    else
        put(b, p, wlen);
    return w;
}

/* Parses a volume/section part "(Part I)" at q; returns its end or NULL. */
static const char *part(const cg_registry *reg, const char *q, const char *end, sbuf *b)
{
    const char *p = cg_lex_skip_space_lines(q, end, 1);
    if (p == NULL || p - q > 40 || p >= end || *p != '(')
        return NULL;
    p++;
    const char *w = cg_lex_word(p, end);
    if (w == p)
        return NULL;
    const cg_phrase *word = NULL;
    for (size_t i = 0; i < reg->parts.n; i++) {
        const cg_phrase *ph = &reg->parts.items[i];
        size_t n = ph->len && ph->text[ph->len - 1] == '.' ? ph->len - 1 : ph->len;
        if (n == (size_t)(w - p) && memcmp(ph->text, p, n) == 0)
            word = ph;
    }
    if (word == NULL)
        return NULL;
    const char *r = w;
    if (r < end && *r == '.')
        r++;
    char inner[64];
    size_t ni = 0;
    int any = 0;
    while (r < end && *r != ')' && ni + 2 < sizeof inner) {
        if (*r == ' ' || *r == '\n') {
            if (ni && inner[ni - 1] != ' ')
                inner[ni++] = ' ';
            r++;
            continue;
        }
        if (!(cg_is_alnum((unsigned char)*r) || *r == ',' || *r == '-'))
            return NULL;
        any |= cg_is_digit((unsigned char)*r) || cg_is_upper((unsigned char)*r);
        inner[ni++] = *r++;
    }
    if (r >= end || *r != ')' || !any)
        return NULL;
    while (ni && inner[ni - 1] == ' ')
        ni--;
    put(b, " (", 2);
    put(b, word->text, word->len);
    put(b, " ", 1);
    put(b, inner, ni);
    put(b, ")", 1);
    return r + 1;
}

/* The series of list that the capitals at p name, followed by '/' (at
 * *after); NULL if none. */
static const cg_phrase *series_in(const cg_phrases *list, const char *p, const char *end,
                                  const char **after)
{
    const char *w = p;
    while (w < end && cg_is_upper((unsigned char)*w))
        w++;
    if (w == p || w >= end || *w != '/')
        return NULL;
    *after = w;
    return cg_phrases_find(list, p, (size_t)(w - p));
}

/* Reads the series at p: a registry series followed by '/'. */
static const char *series(const cg_registry *reg, const char *p, const char *end, sbuf *b)
{
    const char *w;
    if (series_in(&reg->series, p, end, &w) == NULL)
        return NULL;
    put(b, p, (size_t)(w - p));
    return w;
}

/* What the components of a symbol read so far are like. */
typedef struct shape {
    int digits;       /* some component has a digit */
    int ncomp;        /* components read */
    int numeric_only; /* every component is a number */
    size_t last_len;  /* the source bytes of the last one */
    int res_comp;     /* 1 + index of the first component "RES" or "DEC", 0 if none */
} shape;

/* The components after the series (or a part), each after a '/'
 * (bracketed: as component). */
static const char *components(const cg_registry *reg, const char *q, const char *end, sbuf *b,
                              shape *sh, int bracketed)
{
    while (q < end && *q == '/') {
        const char *c = after_slash(q + 1, end);
        if (c == NULL)
            break;
        size_t before = b->len;
        put(b, "/", 1);
        int d = 0;
        const char *ce = component(reg, c, end, b, &d, bracketed);
        if (ce == NULL) {
            b->len = before;
            b->s[b->len] = '\0';
            break;
        }
        if (!d || !cg_is_digit((unsigned char)*c))
            sh->numeric_only = 0;
        sh->last_len = (size_t)(ce - c);
        sh->digits |= d;
        sh->ncomp++;
        const char *t = b->s + before + 1;
        if (sh->res_comp == 0 && b->len - before == 4 &&
            (memcmp(t, "RES", 3) == 0 || memcmp(t, "DEC", 3) == 0))
            sh->res_comp = sh->ncomp;
        q = ce;
    }
    return q;
}

/* Whether components of that shape, the last ending at last_end, make a
 * symbol: a digit somewhere; a single component a number of three digits
 * or more (fewer with short_number), or a word with a number ("L.12"). */
static int shape_ok(const shape *sh, const char *last_end, int short_number)
{
    if (sh->ncomp == 0 || !sh->digits)
        return 0;
    if (sh->ncomp == 1 && sh->numeric_only)
        return sh->last_len >= 3 || short_number;
    if (sh->ncomp == 1)
        return memchr(last_end - sh->last_len, '.', sh->last_len) != NULL;
    return 1;
}

/* One symbol without joint parts. */
static const char *single(const cg_registry *reg, const char *p, const char *end, sbuf *b,
                          int *is_res, int short_number)
{
    size_t start_len = b->len;
    const char *q = series(reg, p, end, b);
    if (q == NULL)
        return NULL;
    shape sh = {0, 0, 1, 0, 0};
    const char *last_end = components(reg, q, end, b, &sh, 0);
    if (!shape_ok(&sh, last_end, short_number)) {
        b->len = start_len;
        b->s[b->len] = '\0';
        return NULL;
    }
    /* "/RES/" or "/DEC/" in it: such a component, not the last */
    *is_res = sh.res_comp > 0 && sh.res_comp < sh.ncomp;
    /* S/RES/853 (1993), A/RES/2625 (XXV): the year or session belongs to it */
    if (*is_res) {
        const char *r = last_end;
        if (r < end && *r == ' ')
            r++;
        if (r < end && *r == '(') {
            long v;
            const char *e = cg_lex_uint(r + 1, end, 4, &v);
            if (e == NULL)
                e = cg_lex_roman(r + 1, end, &v);
            if (e && e < end && *e == ')') {
                /* drop leading zeros of the number: S/RES/0822 */
                char *num = strrchr(b->s + start_len, '/') + 1;
                while (num[0] == '0' && cg_is_digit((unsigned char)num[1]))
                    memmove(num, num + 1, strlen(num));
                b->len = strlen(b->s);
                put(b, " ", 1);
                put(b, r, (size_t)(e + 1 - r));
                return e + 1;
            }
        }
        return last_end;
    }
    const char *pe = part(reg, last_end, end, b);
    if (pe == NULL)
        return last_end;
    /* NPT/CONF.1995/32 (Part I)/Corr.2 */
    return components(reg, pe, end, b, &sh, 0);
}

/* cg_symbol_parse, with short_number set for cg_symbol_parse_short. */
static const char *symbol_parse(const cg_registry *reg, const char *p, const char *end,
                                char *id, size_t idlen, char *aliases, size_t aliaslen,
                                int *is_resolution, int short_number)
{
    sbuf b = {id, 0, idlen, 0};
    if (idlen == 0 || aliaslen == 0)
        return NULL;
    id[0] = '\0';
    aliases[0] = '\0';
    int is_res = 0;
    const char *q = single(reg, p, end, &b, &is_res, short_number);
    if (q == NULL || b.overflow)
        return NULL;
    *is_resolution = is_res;
    sbuf a = {aliases, 0, aliaslen, 0};
    while (q + 1 < end && *q == '-') {
        /* the second symbol may follow a line break: "A/77/774-\nS/2023/145" */
        const char *n = q + 1;
        if (*n == '\n' || *n == ' ') {
            n = cg_lex_skip_space_lines(n, end, 1);
            if (n == NULL || q[1] == ' ')
                break;
        }
        if (n >= end || !cg_is_upper((unsigned char)*n))
            break;
        char one[512];
        sbuf o = {one, 0, sizeof one, 0};
        one[0] = '\0';
        int r2 = 0;
        const char *q2 = single(reg, n, end, &o, &r2, 0);
        if (q2 == NULL || o.overflow)
            break;
        if (a.len)
            put(&a, "|", 1);
        put(&a, one, o.len);
        q = q2;
    }
    if (a.overflow)
        aliases[0] = '\0';
    return q;
}

const char *cg_symbol_parse(const cg_registry *reg, const char *p, const char *end,
                            char *id, size_t idlen, char *aliases, size_t aliaslen,
                            int *is_resolution)
{
    return symbol_parse(reg, p, end, id, idlen, aliases, aliaslen, is_resolution, 0);
}

const char *cg_symbol_parse_short(const cg_registry *reg, const char *p, const char *end,
                                  char *id, size_t idlen, char *aliases, size_t aliaslen,
                                  int *is_resolution)
{
    return symbol_parse(reg, p, end, id, idlen, aliases, aliaslen, is_resolution, 1);
}

const char *cg_other_symbol_parse(const cg_registry *reg, const char *p, const char *end,
                                  char *id, size_t idlen)
{
    if (idlen == 0)
        return NULL;
    id[0] = '\0';
    const char *w;
    const cg_phrase *series = series_in(&reg->other_series, p, end, &w);
    if (series == NULL)
        return NULL;
    const char *prefix = reg->other_prefixes[series->value];
    sbuf b = {id, 0, idlen, 0};
    put(&b, prefix, strlen(prefix));
    put(&b, ":", 1);
    size_t symbol = b.len;
    put(&b, p, (size_t)(w - p));
    shape sh = {0, 0, 1, 0, 0};
    const char *e = components(reg, w, end, &b, &sh, 1);
    if (!shape_ok(&sh, e, 0) || b.overflow) {
        id[0] = '\0';
        return NULL;
    }
    /* the body's own symbol, in capitals: "CP/Dec.8" is CP/DEC.8 */
    for (char *c = id + symbol; *c; c++)
        if (*c >= 'a' && *c <= 'z')
            *c = (char)(*c - 'a' + 'A');
    return e;
}
