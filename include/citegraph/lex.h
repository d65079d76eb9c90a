/* citegraph lex: character classes and the small scanners the extractor
 * is built from (numbers, dates, roman numerals, words).  Every scanner
 * reads [p, end) and allocates nothing. */
#ifndef CITEGRAPH_LEX_H
#define CITEGRAPH_LEX_H

#include <stddef.h>

#include "citegraph/registry.h"

/* Whether c is an ASCII space, tab or line break. */
static inline int cg_is_space(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}
/* Whether c is an ASCII digit. */
static inline int cg_is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
/* Whether c is an ASCII upper-case letter. */
static inline int cg_is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
/* Whether c is an ASCII lower-case letter. */
static inline int cg_is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
/* Whether c is an ASCII letter. */
static inline int cg_is_alpha(unsigned char c) { return cg_is_upper(c) || cg_is_lower(c); }
/* Whether c is an ASCII letter or digit, or any byte of a non-ASCII
 * character (so that words in other scripts are not split). */
static inline int cg_is_alnum(unsigned char c) { return cg_is_alpha(c) || cg_is_digit(c) || c >= 0x80; }

/* Skips spaces and line breaks. */
const char *cg_lex_skip_space(const char *p, const char *end);

/* Skips spaces, tabs and at most max_breaks line breaks; NULL past that. */
const char *cg_lex_skip_space_lines(const char *p, const char *end, int max_breaks);

/* Reads 1..maxdigits decimal digits not followed by a digit; returns the
 * end or NULL.  *value gets the number. */
const char *cg_lex_uint(const char *p, const char *end, int maxdigits, long *value);

/* Reads a roman numeral (I..CC); returns the end or NULL. */
const char *cg_lex_roman(const char *p, const char *end, long *value);

/* Reads a date "7 December 2021" (year optional when allow_no_year,
 * then *date gets YYYY 0000 + MMDD with year 0).  Returns the end or NULL.
 * *date is YYYYMMDD. */
const char *cg_lex_date(const cg_registry *reg, const char *p, const char *end,
                        int allow_no_year, long *date);

/* Reads a word of ASCII letters; returns its end (p if none). */
const char *cg_lex_word(const char *p, const char *end);

/* Whether the n bytes at p equal the word w exactly and end a word. */
int cg_lex_is_word(const char *p, const char *end, const char *w);

#endif
