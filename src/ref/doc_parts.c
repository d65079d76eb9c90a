/* The parts of a document that the first pass over a corpus reads, so
 * that it need not clean the whole text: the head (masthead and title,
 * the first lines) and a window around each "dated" further on (where a
 * document describes others: "the letters dated 5 December 2023 and 8
 * February 2024 from ... (A/78/636-S/2023/960 and A/78/764)").  Windows
 * start and end at line breaks and are merged where they overlap, so no
 * description is read twice.  Linear in the raw bytes. */
#include <string.h>

#include "citegraph/identity.h"
#include "internal.h"

#define PARTS_BEFORE 400          /* bytes before "dated" in a window */
#define PARTS_AFTER 4000          /* bytes after it */

/* The start of the line holding p (not before lo). */
static const char *line_start(const char *lo, const char *p)
{
    while (p > lo && p[-1] != '\n')
        p--;
    return p;
}

/* The end of the line holding p, after its line break (not after hi). */
static const char *line_end(const char *p, const char *hi)
{
    const char *nl = memchr(p, '\n', (size_t)(hi - p));
    return nl ? nl + 1 : hi;
}

static cg_status add_window(cg_doc_parts *parts, const char *a, const char *b, cg_markup markup,
                            const char *name, cg_error *err)
{
    if (parts->n == parts->cap) {
        size_t cap = parts->cap ? parts->cap * 2 : 4;
        cg_text *w = cg_realloc(parts->windows, cap * sizeof *w);
        if (w == NULL)
            return cg_error_set(err, CG_ENOMEM, name, 0, 0, "out of memory");
        parts->windows = w;
        parts->cap = cap;
    }
    cg_status st = cg_text_from_bytes(&parts->windows[parts->n], a, (size_t)(b - a), markup, name, err);
    if (st == CG_OK)
        parts->n++;
    return st;
}

/* The end of the head of the raw bytes [begin, end). */
static const char *head_end(const char *begin, const char *end)
{
    const char *h = begin;
    for (int lines = 0; h < end && lines < CG_DOC_HEAD_LINES && h - begin < CG_DOC_HEAD_BYTES; lines++)
        h = line_end(h, end);
    return h;
}

cg_status cg_doc_parts_head(const cg_text *raw, cg_markup markup, const char *name,
                            cg_doc_parts *parts, cg_error *err)
{
    memset(parts, 0, sizeof *parts);
    const char *begin = raw->raw ? raw->raw : "", *end = begin + raw->raw_len;
    const char *h = head_end(begin, end);
    cg_status st = cg_text_from_bytes(&parts->head, begin, (size_t)(h - begin), markup, name, err);
    parts->has_head = st == CG_OK;
    return st;
}

cg_status cg_doc_parts_windows(const cg_registry *reg, const cg_text *raw, cg_markup markup,
                               const char *name, cg_doc_parts *parts, cg_error *err)
{
    const char *begin = raw->raw ? raw->raw : "", *end = begin + raw->raw_len;
    const char *h = head_end(begin, end);
    /* a window around each "dated" after the head, merged */
    cg_status st = CG_OK;
    const char *open_a = NULL, *open_b = NULL;
    for (const char *p = h; p < end && st == CG_OK;) {
        const char *d = NULL; /* the nearest word dated of the lexicon */
        for (size_t w = 0; w < reg->dated_words.n; w++) {
            const cg_phrase *ph = &reg->dated_words.items[w];
            const char *x = find_bytes(p, end, ph->text, ph->len);
            if (x && (d == NULL || x < d))
                d = x;
        }
        if (d == NULL)
            break;
        p = d + 5;
        const char *a = line_start(h, d - PARTS_BEFORE > h ? d - PARTS_BEFORE : h);
        const char *b = line_end(end - d > PARTS_AFTER ? d + PARTS_AFTER : end, end);
        if (open_a != NULL && a <= open_b) {
            open_b = b > open_b ? b : open_b;
            continue;
        }
        if (open_a != NULL)
            st = add_window(parts, open_a, open_b, markup, name, err);
        open_a = a;
        open_b = b;
    }
    if (st == CG_OK && open_a != NULL)
        st = add_window(parts, open_a, open_b, markup, name, err);
    return st;
}

cg_status cg_doc_parts_make(const cg_registry *reg, const cg_text *raw, cg_markup markup,
                            const char *name, cg_doc_parts *parts, cg_error *err)
{
    cg_status st = cg_doc_parts_head(raw, markup, name, parts, err);
    if (st == CG_OK)
        st = cg_doc_parts_windows(reg, raw, markup, name, parts, err);
    if (st != CG_OK)
        cg_doc_parts_free(parts);
    return st;
}

void cg_doc_parts_free(cg_doc_parts *parts)
{
    if (parts->has_head)
        cg_text_free(&parts->head);
    for (size_t i = 0; i < parts->n; i++)
        cg_text_free(&parts->windows[i]);
    cg_free(parts->windows);
    memset(parts, 0, sizeof *parts);
}
