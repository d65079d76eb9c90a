/* Phrase lists: the lexicon's words matched against text at a point,
 * forward or backward.  A space in a phrase matches any run of spaces
 * and line breaks; a match must be a whole word.  Sorting a list chains
 * its phrases by first and by last byte, so that a match tries only the
 * phrases that start (end) with the byte at the point; phrases added
 * after sorting are tried one by one after those.  The bytes of a phrase
 * before its first space (after its last) are compared as a block, eight
 * at a time, before any space is folded. */
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

/* The n (at most eight) bytes at s as an eight-byte load would see them
 * at offset at of the load, the other bytes zero; *mask selects them. */
static uint64_t load_bytes(const char *s, size_t n, size_t at, uint64_t *mask)
{
    unsigned char bytes[8] = {0}, ones[8] = {0};
    memcpy(bytes + at, s, n);
    memset(ones + at, 0xFF, n);
    uint64_t v;
    memcpy(&v, bytes, sizeof v);
    memcpy(mask, ones, sizeof *mask);
    return v;
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
    const char *first_space = memchr(copy, ' ', len);
    size_t head = first_space ? (size_t)(first_space - copy) : len, tail = 0;
    while (tail < len && copy[len - 1 - tail] != ' ')
        tail++;
    cg_phrase *ph = &list->items[list->n];
    ph->head = (uint16_t)(head < UINT16_MAX ? head : UINT16_MAX);
    ph->tail = (uint16_t)(tail < UINT16_MAX ? tail : UINT16_MAX);
    size_t h = ph->head < 8 ? ph->head : 8, t = ph->tail < 8 ? ph->tail : 8;
    ph->head8 = load_bytes(copy, h, 0, &ph->head8_mask);
    ph->tail8 = load_bytes(copy + len - t, t, 8 - t, &ph->tail8_mask);
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

/* Whether the n bytes at a and b are equal. */
static int same_bytes(const char *a, const char *b, size_t n)
{
    for (; n >= 8; a += 8, b += 8, n -= 8) {
        uint64_t x, y;
        memcpy(&x, a, 8);
        memcpy(&y, b, 8);
        if (x != y)
            return 0;
    }
    for (; n; a++, b++, n--)
        if (*a != *b)
            return 0;
    return 1;
}

/* Matches phrase ph at p, from its byte at offset from on; returns the
 * end or NULL. */
static const char *match_at(const cg_phrase *ph, size_t from, const char *p, const char *end)
{
    const char *s = ph->text + from, *se = ph->text + ph->len;
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
    if (end - p >= 8) {
        /* most phrases tried differ in their first eight bytes: one
         * comparison, without reading the phrase's text */
        uint64_t x;
        memcpy(&x, p, sizeof x);
        if ((x & ph->head8_mask) != ph->head8 ||
            (ph->head > 8 && !same_bytes(p + 8, ph->text + 8, ph->head - 8u)))
            return NULL;
    } else if (!same_bytes(p, ph->text, ph->head)) {
        return NULL;
    }
    const char *q = ph->head == ph->len ? p + ph->len : match_at(ph, ph->head, p + ph->head, end);
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
    uint64_t x = 0;
    int wide = end - p >= 8; /* else the phrases' heads are compared by word_at alone */
    if (wide)
        memcpy(&x, p, sizeof x);
    for (uint32_t k = list->by_first[(unsigned char)*p]; k; k = list->items[k - 1].next_first) {
        const cg_phrase *ph = &list->items[k - 1];
        if (wide && (x & ph->head8_mask) != ph->head8)
            continue; /* the common case, without a call */
        if ((q = word_at(ph, p, end)) != NULL) {
            *after = q;
            return ph;
        }
    }
    for (size_t i = list->chained; i < list->n; i++)
        if (first_byte(&list->items[i]) == (unsigned char)*p &&
            (q = word_at(&list->items[i], p, end)) != NULL) {
            *after = q;
            return &list->items[i];
        }
    return NULL;
}

/* Matches phrase ph backward so that it ends at end, from its byte
 * before offset upto on; returns its start. */
static const char *match_back(const cg_phrase *ph, size_t upto, const char *begin,
                              const char *end)
{
    const char *s = ph->text + upto;
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
    if (end - begin >= 8) {
        uint64_t x;
        memcpy(&x, end - 8, sizeof x);
        if ((x & ph->tail8_mask) != ph->tail8 ||
            (ph->tail > 8 && !same_bytes(end - ph->tail, ph->text + ph->len - ph->tail,
                                         ph->tail - 8u)))
            return NULL;
    } else if (!same_bytes(end - ph->tail, ph->text + ph->len - ph->tail, ph->tail)) {
        return NULL;
    }
    const char *q = ph->tail == ph->len ? end - ph->len
                                        : match_back(ph, ph->len - ph->tail, begin, end - ph->tail);
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
    uint64_t x = 0;
    int wide = end - begin >= 8;
    if (wide)
        memcpy(&x, end - 8, sizeof x);
    for (uint32_t k = list->by_last[(unsigned char)end[-1]]; k; k = list->items[k - 1].next_last) {
        const cg_phrase *ph = &list->items[k - 1];
        if (wide && (x & ph->tail8_mask) != ph->tail8)
            continue;
        if ((q = word_before(ph, begin, end)) != NULL) {
            *start = q;
            return ph;
        }
    }
    for (size_t i = list->chained; i < list->n; i++)
        if (last_byte(&list->items[i]) == (unsigned char)end[-1] &&
            (q = word_before(&list->items[i], begin, end)) != NULL) {
            *start = q;
            return &list->items[i];
        }
    return NULL;
}

/* The first empty phrase of list, or NULL (chained by no byte of text). */
static const cg_phrase *find_empty(const cg_phrases *list)
{
    for (size_t i = 0; i < list->n; i++)
        if (list->items[i].len == 0)
            return &list->items[i];
    return NULL;
}

const cg_phrase *cg_phrases_find_ci(const cg_phrases *list, const char *s, size_t n)
{
    if (n == 0)
        return find_empty(list);
    cg_phrases_ci_iter it;
    for (const cg_phrase *ph = cg_phrases_ci_first(list, (unsigned char)*s, &it); ph;
         ph = cg_phrases_ci_next(list, &it))
        if (ph->len == n && cg_ascii_caseeq(ph->text, s, n))
            return ph;
    return NULL;
}

const cg_phrase *cg_phrases_find(const cg_phrases *list, const char *s, size_t n)
{
    if (n == 0)
        return find_empty(list);
    for (uint32_t k = list->by_first[(unsigned char)*s]; k; k = list->items[k - 1].next_first)
        if (list->items[k - 1].len == n && memcmp(list->items[k - 1].text, s, n) == 0)
            return &list->items[k - 1];
    for (size_t i = list->chained; i < list->n; i++)
        if (list->items[i].len == n && memcmp(list->items[i].text, s, n) == 0)
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
