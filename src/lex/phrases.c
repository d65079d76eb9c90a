/* Phrase lists: the lexicon's words matched against text at a point,
 * forward or backward.  A space in a phrase matches any run of spaces
 * and line breaks; a match must be a whole word.  Sorting a list chains
 * its phrases by first and by last byte, so that a match tries only the
 * phrases that start (end) with the byte at the point; phrases added
 * after sorting are tried one by one after those. */
#include "citegraph/registry.h"

#include <stdlib.h>
#include <string.h>

#include "citegraph/lex.h"

/* The bytes a phrase is chained by (an empty phrase: by NUL, which no
 * text holds). */
static unsigned char first_byte(const cg_phrase *ph)
{
    return ph->len ? (unsigned char)ph->text[0] : 0;
}

static unsigned char last_byte(const cg_phrase *ph)
{
    return ph->len ? (unsigned char)ph->text[ph->len - 1] : 0;
}

cg_status cg_phrases_add(cg_phrases *list, const char *text, size_t len, int value)
{
    if (list->n >= UINT32_MAX - 1)
        return CG_ENOMEM;
    if (list->n == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 8;
        cg_phrase *items = cg_realloc(list->items, cap * sizeof *items);
        if (items == NULL)
            return CG_ENOMEM;
        list->items = items;
        list->cap = cap;
    }
    char *copy = cg_strndup(text, len);
    if (copy == NULL)
        return CG_ENOMEM;
    list->items[list->n].text = copy;
    list->items[list->n].len = len;
    list->items[list->n].value = value;
    list->items[list->n].next_first = 0; /* chained when sorted */
    list->items[list->n].next_last = 0;
    list->n++;
    return CG_OK;
}

static int by_length_desc(const void *a, const void *b)
{
    const cg_phrase *x = a, *y = b;
    if (x->len != y->len)
        return x->len < y->len ? 1 : -1;
    return strcmp(x->text, y->text);
}

void cg_phrases_sort(cg_phrases *list)
{
    if (list->n > 1)
        qsort(list->items, list->n, sizeof *list->items, by_length_desc);
    /* the chains again, in the new order: each phrase put in front */
    memset(list->by_first, 0, sizeof list->by_first);
    memset(list->by_last, 0, sizeof list->by_last);
    for (size_t i = list->n; i-- > 0;) {
        cg_phrase *ph = &list->items[i];
        ph->next_first = list->by_first[first_byte(ph)];
        list->by_first[first_byte(ph)] = (uint32_t)(i + 1);
        ph->next_last = list->by_last[last_byte(ph)];
        list->by_last[last_byte(ph)] = (uint32_t)(i + 1);
    }
    list->chained = list->n;
}

void cg_phrases_free(cg_phrases *list)
{
    for (size_t i = 0; i < list->n; i++)
        cg_free(list->items[i].text);
    cg_free(list->items);
    memset(list, 0, sizeof *list);
}

/* Matches phrase ph at p; returns the end or NULL. */
static const char *match_at(const cg_phrase *ph, const char *p, const char *end)
{
    const char *s = ph->text, *se = ph->text + ph->len;
    while (s < se) {
        if (*s == ' ') {
            if (p >= end || !cg_is_space((unsigned char)*p))
                return NULL;
            while (p < end && cg_is_space((unsigned char)*p))
                p++;
            s++;
            continue;
        }
        if (p >= end || *p != *s)
            return NULL;
        p++;
        s++;
    }
    return p;
}

/* Phrase ph as a whole word at p: its end, or NULL. */
static const char *word_at(const cg_phrase *ph, const char *p, const char *end)
{
    if ((size_t)(end - p) < ph->len)
        return NULL; /* a match is at least as long as its phrase */
    const char *q = match_at(ph, p, end);
    if (q == NULL || (q < end && cg_is_alnum((unsigned char)*q) && cg_is_alnum((unsigned char)q[-1])))
        return NULL;
    return q;
}

const cg_phrase *cg_phrases_match(const cg_phrases *list, const char *p,
                                  const char *end, const char **after)
{
    if (p >= end)
        return NULL;
    const char *q;
    for (uint32_t k = list->by_first[(unsigned char)*p]; k; k = list->items[k - 1].next_first)
        if ((q = word_at(&list->items[k - 1], p, end)) != NULL) {
            *after = q;
            return &list->items[k - 1];
        }
    for (size_t i = list->chained; i < list->n; i++)
        if (first_byte(&list->items[i]) == (unsigned char)*p &&
            (q = word_at(&list->items[i], p, end)) != NULL) {
            *after = q;
            return &list->items[i];
        }
    return NULL;
}

/* Matches phrase ph backward so that it ends at end; returns its start. */
static const char *match_back(const cg_phrase *ph, const char *begin, const char *end)
{
    const char *s = ph->text + ph->len;
    const char *p = end;
    while (s > ph->text) {
        if (s[-1] == ' ') {
            if (p <= begin || !cg_is_space((unsigned char)p[-1]))
                return NULL;
            while (p > begin && cg_is_space((unsigned char)p[-1]))
                p--;
            s--;
            continue;
        }
        if (p <= begin || p[-1] != s[-1])
            return NULL;
        p--;
        s--;
    }
    return p;
}

/* Phrase ph as a whole word ending at end, not before begin: its start,
 * or NULL. */
static const char *word_before(const cg_phrase *ph, const char *begin, const char *end)
{
    if ((size_t)(end - begin) < ph->len)
        return NULL;
    const char *q = match_back(ph, begin, end);
    if (q == NULL || (q > begin && cg_is_alnum((unsigned char)q[-1]) && cg_is_alnum((unsigned char)*q)))
        return NULL;
    return q;
}

const cg_phrase *cg_phrases_match_before(const cg_phrases *list, const char *begin,
                                         const char *end, const char **start)
{
    if (end <= begin)
        return NULL;
    const char *q;
    for (uint32_t k = list->by_last[(unsigned char)end[-1]]; k; k = list->items[k - 1].next_last)
        if ((q = word_before(&list->items[k - 1], begin, end)) != NULL) {
            *start = q;
            return &list->items[k - 1];
        }
    for (size_t i = list->chained; i < list->n; i++)
        if (last_byte(&list->items[i]) == (unsigned char)end[-1] &&
            (q = word_before(&list->items[i], begin, end)) != NULL) {
            *start = q;
            return &list->items[i];
        }
    return NULL;
}

const cg_phrase *cg_phrases_find_ci(const cg_phrases *list, const char *s, size_t n)
{
    for (size_t i = 0; i < list->n; i++)
        if (list->items[i].len == n && cg_ascii_caseeq(list->items[i].text, s, n))
            return &list->items[i];
    return NULL;
}

const cg_phrase *cg_phrases_match_ci(const cg_phrases *list, const char *p, const char *end,
                                     const char **after)
{
    for (size_t i = 0; i < list->n; i++) {
        const cg_phrase *ph = &list->items[i];
        if ((size_t)(end - p) < ph->len || !cg_ascii_caseeq(p, ph->text, ph->len))
            continue;
        const char *q = p + ph->len;
        if (q < end && cg_is_alnum((unsigned char)*q))
            continue;
        *after = q;
        return ph;
    }
    return NULL;
}
