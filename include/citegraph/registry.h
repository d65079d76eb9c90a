/* citegraph registry: what the extractor knows about the UN, loaded at
 * run time from YAML (data/registry/): the series of document symbols,
 * the bodies that adopt resolutions and the words that name them, the
 * phrase lexicon, and the cases of the International Court of Justice. */
#ifndef CITEGRAPH_REGISTRY_H
#define CITEGRAPH_REGISTRY_H

#include <stddef.h>
#include <stdint.h>

#include "citegraph/core.h"

/* The written forms of a resolution or decision number. */
typedef enum cg_res_form {
    CG_FORM_NUMBER_YEAR, /* 853 (1993): the Security Council's */
    CG_FORM_SESSION,     /* 48/114, 49/75 K, S-13/2, ES-10/21 */
    CG_FORM_YEAR,        /* 1998/50: a year, then a number */
    CG_FORM_ROMAN,       /* 2625 (XXV), 3411 A (XXX) */
    CG_FORM_COUNT
} cg_res_form;

/* A body whose resolutions and decisions are cited.  Templates use
 * {n} number, {s} session (or year), {l} " A" letter suffix or "",
 * {y} the year of the number-year form, {r} the roman session. */
typedef struct cg_body {
    char *code;                            /* "security-council" */
    int un;                                /* 0: outside the UN */
    char *resolution[CG_FORM_COUNT];       /* id templates, NULL if none */
    char *decision[CG_FORM_COUNT];
    char *other;                           /* non-UN: "oic:res:{t}" */
} cg_body;

/* A phrase of the lexicon, with the index of what it names. */
typedef struct cg_phrase {
    char *text;
    size_t len;
    int value;
    uint32_t next_first; /* 1 + index of the next phrase with the same first byte, 0 if none */
    uint32_t next_last;  /* the same by last byte */
    uint16_t head;       /* bytes before the first space (at most 65535) */
    uint16_t tail;       /* bytes after the last space (at most 65535) */
    uint64_t head8, head8_mask; /* the head's first eight bytes (fewer: masked), as loaded */
    uint64_t tail8, tail8_mask; /* the tail's last eight bytes, as loaded ending at the tail's end */
} cg_phrase;

/* A growable list of phrases, longest first once sorted.  Sorting chains
 * the phrases of each first (last) byte in list order, so that matching
 * at a point tries only those that may match there; phrases added since
 * (from index chained on) are tried one by one after them. */
typedef struct cg_phrases {
    cg_phrase *items;
    size_t n;
    size_t cap;
    size_t chained;         /* the phrases before this index are chained */
    uint32_t by_first[256]; /* 1 + index of the first phrase starting with the byte, 0 if none */
    uint32_t by_last[256];  /* 1 + index of the first phrase ending with the byte, 0 if none */
} cg_phrases;

/* Kinds of decisions of the International Court of Justice. */
typedef enum cg_icj_type {
    CG_ICJ_ORDER,
    CG_ICJ_JUDGMENT,
    CG_ICJ_OPINION,
    CG_ICJ_TYPE_COUNT
} cg_icj_type;

/* One decision: its type and date (YYYYMMDD). */
typedef struct cg_icj_decision {
    cg_icj_type type;
    long date;
} cg_icj_decision;

/* A case of the Court: General List number, title, decisions. */
typedef struct cg_icj_case {
    long number;
    char *title;
    cg_icj_decision *decisions;
    size_t ndecisions;
} cg_icj_case;

/* Everything loaded from the registry folders. */
typedef struct cg_registry {
    cg_phrases series;         /* "A", "S", "CCPR", ... (value unused) */
    cg_phrases other_series;   /* "MRE", "GOV": series of bodies outside the UN -> index in other_prefixes */
    char **other_prefixes;     /* "oas", "iaea": the prefix of the ids of each such body */
    size_t nother_prefixes;
    cg_phrases components;     /* canonical "Add", "Corr", "PV", ... */
    cg_phrases parts;          /* "Part" -> 0, "Vol" -> 1, ... canonical in part_names */
    cg_body *bodies;
    size_t nbodies;
    cg_phrases body_names;     /* "General Assembly" -> body index */
    int default_body[CG_FORM_COUNT]; /* body assumed when none is named */
    cg_phrases resolution_words;     /* value 1 plural */
    cg_phrases decision_words;       /* value 1 plural */
    cg_phrases months;               /* value 1..12 */
    cg_phrases icj_words;            /* value: cg_icj_type, or 3 generic */
    cg_phrases icj_court;            /* names of the Court */
    cg_phrases other_courts;         /* names of other courts */
    cg_phrases ibid_words;
    cg_phrases connectors;           /* words between a body and "resolution" */
    cg_phrases item_dates;           /* "of", "adopted on": before a list item's date */
    cg_phrases separators;           /* ",", "and": between list items */
    cg_phrases icj_filler;           /* "of the", "on": between "order" and its date */
    cg_icj_case *cases;
    size_t ncases;
    cg_phrases case_names;           /* party pairs, titles -> case index */
    cg_phrases term_words;           /* "hereinafter referred to as": defines a term */
    cg_phrases pinpoint_words;       /* "page", "para.", "annex": value 1 when a number follows */
    cg_phrases instituted_words;     /* "instituted by": the applicant follows */
    cg_phrases against_words;        /* "against": the respondent follows */
    cg_phrases requested_by_words;   /* "requested by": the requesting party follows */
    cg_phrases request_words;        /* "'s request", "requested": after the requesting party */
    cg_phrases abbreviations;        /* "Mr.", "No.": a period that ends no sentence */
    cg_phrases icj_requests;         /* "request for an": an opinion asked for, not given */
    cg_phrases communications;       /* "letter", "note verbale": lower case, before "dated" */
    cg_phrases dated_words;          /* "dated": before a communication's date */
    cg_phrases from_words;           /* "from": before its author */
    cg_phrases addressed_words;      /* "addressed to": before its addressee */
    cg_phrases distribution_words;   /* "Distr.": the masthead's distribution line */
    cg_phrases session_words;        /* "session", "year": after a masthead's session ordinal */
    cg_phrases echr_court;           /* names of the European Court of Human Rights */
    cg_phrases echr_application;     /* "application No.": before its number */
    cg_phrases document_words;       /* "document": before a symbol of one short number */
} cg_registry;

/* Loads and merges every *.yaml file of each folder, in name order.
 * A malformed file fails with CG_ECONFIG and its path:line:column. */
cg_status cg_registry_load(cg_registry *reg, const char *const *dirs,
                           size_t ndirs, cg_error *err);

/* Loads one YAML file into reg (merging with what it holds). */
cg_status cg_registry_load_file(cg_registry *reg, const char *path, cg_error *err);

/* Releases everything the registry owns. */
void cg_registry_free(cg_registry *reg);

/* Finds the registry folder: next to the executable (../data/registry
 * or ../share/citegraph/registry), else the compiled-in data path.
 * Writes it into out; returns 0 when none exists. */
int cg_registry_default_dir(const char *argv0, char *out, size_t outlen);

/* Adds a phrase (copied) to a list. */
cg_status cg_phrases_add(cg_phrases *list, const char *text, size_t len, int value);

/* Sorts a list longest phrase first, so matching takes the longest. */
void cg_phrases_sort(cg_phrases *list);

/* Releases a list. */
void cg_phrases_free(cg_phrases *list);

/* Whether a phrase of list may start with byte c (cg_phrases_match
 * finds none where it may not): a test cheap enough for every byte. */
static inline int cg_phrases_may_start(const cg_phrases *list, unsigned char c)
{
    return list->by_first[c] != 0 || list->chained < list->n;
}

/* Finds the phrase that starts at p (case-sensitive, whole word,
 * inner spaces matching any run of whitespace); returns it or NULL and
 * sets *after to the end of the match. */
const cg_phrase *cg_phrases_match(const cg_phrases *list, const char *p,
                                  const char *end, const char **after);

/* Finds a phrase that ends exactly at end (whole word at its start),
 * looking back no further than begin; sets *start. */
const cg_phrase *cg_phrases_match_before(const cg_phrases *list,
                                         const char *begin, const char *end,
                                         const char **start);

/* Finds the phrase that starts at p ignoring ASCII case (whole word, no
 * whitespace folding); returns it or NULL and sets *after to its end. */
const cg_phrase *cg_phrases_match_ci(const cg_phrases *list, const char *p, const char *end,
                                     const char **after);

/* Finds a phrase in list equal to the n bytes at s ignoring ASCII case. */
const cg_phrase *cg_phrases_find_ci(const cg_phrases *list, const char *s, size_t n);

/* Finds the first phrase in list equal to the n bytes at s. */
const cg_phrase *cg_phrases_find(const cg_phrases *list, const char *s, size_t n);

/* Where a walk of the phrases starting with a byte in either ASCII case
 * is (see cg_phrases_ci_first). */
typedef struct cg_phrases_ci_iter {
    uint32_t a, b;      /* 1 + index next in the two chains, 0 at their ends */
    size_t tail;        /* index next among the phrases not chained */
    unsigned char lower; /* the byte, lower case */
} cg_phrases_ci_iter;

/* The next phrase of a walk started by cg_phrases_ci_first, or NULL. */
static inline const cg_phrase *cg_phrases_ci_next(const cg_phrases *list, cg_phrases_ci_iter *it)
{
    if (it->a || it->b) {
        const cg_phrase *ph;
        if (it->a && (it->b == 0 || it->a < it->b)) {
            ph = &list->items[it->a - 1];
            it->a = ph->next_first;
        } else {
            ph = &list->items[it->b - 1];
            it->b = ph->next_first;
        }
        return ph;
    }
    for (; it->tail < list->n; it->tail++) {
        const cg_phrase *ph = &list->items[it->tail];
        if (cg_ascii_lower(ph->len ? (unsigned char)ph->text[0] : 0) == it->lower) {
            it->tail++;
            return ph;
        }
    }
    return NULL;
}

/* Starts a walk, in list order, of the phrases of list whose first byte
 * is c ignoring ASCII case; returns the first of them or NULL. */
static inline const cg_phrase *cg_phrases_ci_first(const cg_phrases *list, unsigned char c,
                                                   cg_phrases_ci_iter *it)
{
    unsigned char lower = cg_ascii_lower(c);
    unsigned char upper = lower >= 'a' && lower <= 'z' ? (unsigned char)(lower - 'a' + 'A') : lower;
    it->lower = lower;
    it->a = list->by_first[lower];
    it->b = upper != lower ? list->by_first[upper] : 0;
    it->tail = list->chained;
    return cg_phrases_ci_next(list, it);
}

/* The case of the Court with General List number, or NULL. */
const cg_icj_case *cg_registry_case(const cg_registry *reg, long number);

#endif
