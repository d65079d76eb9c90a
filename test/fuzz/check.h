/* Strict checkers of the formats citegraph writes, so that fuzzing and
 * tests can tell that an output parses back: JSON (RFC 8259), XML 1.0
 * well-formedness (the subset GraphML uses), Graphviz DOT, CSV (RFC 4180)
 * and the extract command's TSV.  Each returns 1 if the text is well
 * formed; otherwise 0, with a reason and the offending offset in *why. */
#ifndef CITEGRAPH_TEST_CHECK_H
#define CITEGRAPH_TEST_CHECK_H

#include <stddef.h>

/* Where and why a text failed its check. */
typedef struct check_why {
    size_t offset;
    const char *reason;
} check_why;

/* Length of the valid UTF-8 character at s[0..n) (1 to 4), 0 if invalid. */
size_t check_utf8_char(const unsigned char *s, size_t n);

/* One JSON value (whitespace around it allowed). */
int check_json(const char *s, size_t n, check_why *why);

/* JSON Lines: one JSON value on every line, each line ended by '\n'. */
int check_jsonl(const char *s, size_t n, check_why *why);

/* An XML document: optional declaration, one root element, balanced tags,
 * quoted attributes, known entities, only XML 1.0 characters. */
int check_xml(const char *s, size_t n, check_why *why);

/* A Graphviz graph: [strict] graph|digraph [ID] { statements }. */
int check_dot(const char *s, size_t n, check_why *why);

/* RFC 4180 CSV with CRLF line ends, every record as many fields as the
 * first; *rows (if not NULL) receives the number of records. */
int check_csv(const char *s, size_t n, size_t *rows, check_why *why);

/* Tab-separated rows, each ended by '\n', each with columns fields, no
 * carriage return or other control character inside a field. */
int check_tsv(const char *s, size_t n, size_t columns, check_why *why);

#endif
