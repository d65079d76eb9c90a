/* What a document's masthead says of it.  The head of a UN document is
 * read line by line until its title:  ORGAN... "Distr.:" ... DATE ...
 * (the words are the lexicon's: distribution, session-words,
 * communications, dated, addressed-to)
 * ORGAN SESSION-LINE ("Seventy-eighth session", "Eightieth year") ...
 * TITLE ("Letter dated D from AUTHOR addressed to ADDRESSEE", over one
 * or more lines up to the addressee or a blank line). */
#include <stdio.h>
#include <string.h>

#include "citegraph/identity.h"
#include "internal.h"

#define HEAD_LINES 150  /* lines read for the masthead */
#define TITLE_LINES 6   /* lines a title may span */

typedef struct line {
    const char *p, *end; /* trimmed */
} line;

static line trim(const char *p, const char *end)
{
    while (p < end && (cg_is_space((unsigned char)*p) || *p == '#'))
        p++;
    while (end > p && cg_is_space((unsigned char)end[-1]))
        end--;
    return (line){p, end};
}

/* Appends text[0..n) to out (outlen bytes), after sep when out is not empty. */
static void append(char *out, size_t outlen, const char *sep, const char *text, size_t n)
{
    size_t o = strlen(out);
    if (o && o + strlen(sep) < outlen) {
        memcpy(out + o, sep, strlen(sep) + 1);
        o += strlen(sep);
    }
    for (size_t i = 0; i < n && o + 1 < outlen; i++) {
        char c = cg_is_space((unsigned char)text[i]) ? ' ' : text[i];
        if (c == ' ' && (o == 0 || out[o - 1] == ' '))
            continue;
        out[o++] = c;
    }
    out[o] = '\0';
}

/* Adds an organ once. */
static void add_organ(cg_docdesc *out, const char *p, size_t n)
{
    char one[CG_DESC_MAX] = "";
    append(one, sizeof one, "", p, n);
    const char *s = out->organ;
    size_t k = strlen(one);
    while ((s = strstr(s, one)) != NULL) {
        if ((s == out->organ || s[-1] == ' ') && (s[k] == '\0' || s[k] == ';'))
            return;
        s += k;
    }
    append(out->organ, sizeof out->organ, "; ", one, strlen(one));
}

/* Adds the organs named one after another in l; returns whether l is
 * nothing but organs ("General Assembly Security Council"). */
static int organs(const cg_registry *reg, line l, cg_docdesc *out, int add)
{
    const char *p = l.p;
    int any = 0;
    while (p < l.end) {
        const char *after;
        const cg_phrase *ph = cg_phrases_match(&reg->body_names, p, l.end, &after);
        if (ph == NULL || after - p < 8) /* a full name, not "Assembly" */
            return 0;
        if (add)
            add_organ(out, p, (size_t)(after - p));
        any = 1;
        p = after;
        while (p < l.end && cg_is_space((unsigned char)*p))
            p++;
    }
    return any;
}

/* Whether l is a session line: one capitalised word, then a session
 * word of the lexicon ("session", "year"). */
static int session_line(const cg_registry *reg, line l)
{
    const char *p = l.p;
    if (p >= l.end || !cg_is_upper((unsigned char)*p))
        return 0;
    while (p < l.end && (cg_is_alpha((unsigned char)*p) || *p == '-'))
        p++;
    if (p >= l.end || *p != ' ')
        return 0;
    p++;
    const char *after;
    return cg_phrases_match(&reg->session_words, p, l.end, &after) && after == l.end;
}

/* The first full date in lines [l, l + n). */
static long first_date(const cg_registry *reg, const line *l, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (const char *p = l[i].p; p < l[i].end; p++)
            if (cg_is_digit((unsigned char)*p) && (p == l[i].p || !cg_is_alnum((unsigned char)p[-1]))) {
                long date;
                if (cg_lex_date(reg, p, l[i].end, 0, &date))
                    return date;
            }
    return 0;
}

/* The end of the blank after the phrase of list at p (any case, whole
 * word), or NULL. */
static const char *word_ci(const cg_phrases *list, const char *p, const char *end)
{
    const char *after;
    if (!cg_phrases_match_ci(list, p, end, &after) || after >= end || *after != ' ')
        return NULL;
    return after + 1;
}

/* Whether line l starts a title: a communication, then "dated" ("Letter
 * dated 8 February 2024 ...", "Identical letters dated ..."). */
static int title_start(const cg_registry *reg, line l)
{
    if (l.p >= l.end || !cg_is_upper((unsigned char)*l.p))
        return 0;
    const char *q = word_ci(&reg->communications, l.p, l.end);
    return q != NULL && word_ci(&reg->dated_words, q, l.end) != NULL;
}

/* Whether a title has named its addressee ("addressed to the X"). */
static int has_addressee(const cg_registry *reg, const char *title)
{
    const char *end = title + strlen(title);
    for (const char *p = title; p < end; p++) {
        if (*p != ' ')
            continue;
        const char *a = word_ci(&reg->addressed_words, p + 1, end);
        if (a == NULL)
            continue;
        if (strncmp(a, "the ", 4) == 0)
            a += 4;
        return *a != '\0' && strcmp(a, "the") != 0;
    }
    return 0;
}

/* Reads the title starting at lines[i]; fills title, letter date, author. */
static void read_title(const cg_registry *reg, const line *lines, size_t i, size_t n,
                       cg_docdesc *out)
{
    for (size_t k = i; k < n && k < i + TITLE_LINES; k++) {
        if (lines[k].p == lines[k].end)
            break;
        append(out->title, sizeof out->title, " ", lines[k].p, (size_t)(lines[k].end - lines[k].p));
        if (has_addressee(reg, out->title))
            break;
    }
    const char *d = NULL; /* the word dated, then the dates */
    for (const char *p = out->title; *p && d == NULL; p++)
        if (p == out->title || p[-1] == ' ')
            d = word_ci(&reg->dated_words, p, out->title + strlen(out->title));
    const char *end = out->title + strlen(out->title);
    long dates[1];
    size_t nd = 0;
    if (d && cg_letter_parse(reg, d, end, dates, 1, &nd, out->author, sizeof out->author))
        out->letter_date = dates[0];
    else
        out->author[0] = '\0';
}

void cg_describe(const cg_registry *reg, const cg_text *text, cg_docdesc *out)
{
    memset(out, 0, sizeof *out);
    line lines[HEAD_LINES];
    size_t n = 0;
    const char *p = text->clean, *end = text->clean + text->clean_len;
    while (p < end && n < HEAD_LINES) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        lines[n++] = trim(p, le);
        p = le + 1;
    }
    size_t distr = n;
    for (size_t i = 0; i < n && i < 40 && distr == n; i++) {
        const char *d = NULL;
        for (const char *q = lines[i].p; q < lines[i].end && !d; q++) {
            const char *after;
            if (cg_phrases_may_start(&reg->distribution_words, (unsigned char)*q) &&
                (q == lines[i].p || !cg_is_alnum((unsigned char)q[-1])) &&
                cg_phrases_match(&reg->distribution_words, q, lines[i].end, &after))
                d = q;
        }
        if (d == NULL)
            continue;
        distr = i;
        /* organs before "Distr." on the lines above it and on its own */
        for (size_t k = 0; k <= i; k++) {
            line l = lines[k];
            if (k == i)
                l = trim(l.p, d);
            if (l.p < l.end && strncmp(l.p, "United Nations", 14) == 0)
                l = trim(l.p + 14, l.end);
            /* "General Assembly          A/HRC/14/15": the symbol far right */
            for (const char *q = l.p; q + 3 <= l.end; q++)
                if (q[0] == ' ' && q[1] == ' ' && q[2] == ' ') {
                    l = trim(l.p, q);
                    break;
                }
            organs(reg, l, out, 1);
        }
        line rest[8];
        size_t nr = 0;
        rest[nr++] = trim(d + 6, lines[i].end);
        for (size_t k = i + 1; k < n && nr < 8; k++)
            rest[nr++] = lines[k];
        long date = first_date(reg, rest, nr);
        if (date)
            snprintf(out->date, sizeof out->date, "%04d-%02d-%02d", (int)(date / 10000 % 10000),
                     (int)(date / 100 % 100), (int)(date % 100));
    }
    for (size_t i = 0; i < n; i++) {
        if (session_line(reg, lines[i])) {
            append(out->session, sizeof out->session, "; ", lines[i].p,
                   (size_t)(lines[i].end - lines[i].p));
            size_t k = i;
            while (k > 0 && lines[k - 1].p == lines[k - 1].end)
                k--;
            if (k > 0 && (distr == n || k - 1 > distr))
                organs(reg, lines[k - 1], out, organs(reg, lines[k - 1], out, 0));
            continue;
        }
        if (title_start(reg, lines[i])) {
            read_title(reg, lines, i, n, out);
            return;
        }
    }
}
