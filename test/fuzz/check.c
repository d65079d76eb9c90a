/* Strict checkers of the output formats; see check.h.  Each is one pass
 * over the text (linear), recursion bounded by a depth limit. */
#include "check.h"

#include <string.h>

enum { MAX_DEPTH = 512 };

typedef struct cur {
    const unsigned char *s;
    size_t n, i;
    check_why *why;
} cur;

static int fail(cur *c, const char *reason)
{
    if (c->why) {
        c->why->offset = c->i;
        c->why->reason = reason;
    }
    return 0;
}

size_t check_utf8_char(const unsigned char *s, size_t n)
{
    if (n == 0)
        return 0;
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    size_t len;
    unsigned long cp, min;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; min = 0x10000; }
    else return 0;
    if (n < len)
        return 0;
    for (size_t k = 1; k < len; k++) {
        if ((s[k] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (s[k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

/* Code point of the valid character at c->i (its length in *len). */
static long next_cp(cur *c, size_t *len)
{
    *len = check_utf8_char(c->s + c->i, c->n - c->i);
    if (*len == 0)
        return -1;
    const unsigned char *p = c->s + c->i;
    if (*len == 1) return p[0];
    if (*len == 2) return (p[0] & 0x1F) << 6 | (p[1] & 0x3F);
    if (*len == 3) return (p[0] & 0x0F) << 12 | (p[1] & 0x3F) << 6 | (p[2] & 0x3F);
    return (long)(p[0] & 0x07) << 18 | (p[1] & 0x3F) << 12 | (p[2] & 0x3F) << 6 | (p[3] & 0x3F);
}

/* ---- JSON ---- */

static void json_ws(cur *c)
{
    while (c->i < c->n && strchr(" \t\n\r", c->s[c->i]) && c->s[c->i])
        c->i++;
}

static int json_value(cur *c, int depth);

static int json_string(cur *c)
{
    c->i++; /* the opening quote */
    while (c->i < c->n) {
        unsigned char ch = c->s[c->i];
        if (ch == '"') {
            c->i++;
            return 1;
        }
        if (ch < 0x20)
            return fail(c, "control character in a JSON string");
        if (ch == '\\') {
            if (++c->i >= c->n)
                break;
            ch = c->s[c->i];
            if (ch == 'u') {
                for (int k = 1; k <= 4; k++)
                    if (c->i + k >= c->n || !strchr("0123456789abcdefABCDEF", c->s[c->i + k]) ||
                        !c->s[c->i + k])
                        return fail(c, "bad \\u escape in a JSON string");
                c->i += 5;
            } else if (strchr("\"\\/bfnrt", ch) && ch) {
                c->i++;
            } else {
                return fail(c, "bad escape in a JSON string");
            }
            continue;
        }
        size_t len = check_utf8_char(c->s + c->i, c->n - c->i);
        if (len == 0)
            return fail(c, "invalid UTF-8 in a JSON string");
        c->i += len;
    }
    return fail(c, "unterminated JSON string");
}

static int digits(cur *c)
{
    size_t start = c->i;
    while (c->i < c->n && c->s[c->i] >= '0' && c->s[c->i] <= '9')
        c->i++;
    return c->i > start;
}

static int json_number(cur *c)
{
    if (c->s[c->i] == '-')
        c->i++;
    if (c->i < c->n && c->s[c->i] == '0')
        c->i++;
    else if (!digits(c))
        return fail(c, "bad JSON number");
    if (c->i < c->n && c->s[c->i] == '.') {
        c->i++;
        if (!digits(c))
            return fail(c, "bad JSON fraction");
    }
    if (c->i < c->n && (c->s[c->i] == 'e' || c->s[c->i] == 'E')) {
        c->i++;
        if (c->i < c->n && (c->s[c->i] == '+' || c->s[c->i] == '-'))
            c->i++;
        if (!digits(c))
            return fail(c, "bad JSON exponent");
    }
    return 1;
}

static int json_literal(cur *c, const char *word)
{
    size_t len = strlen(word);
    if (c->n - c->i < len || memcmp(c->s + c->i, word, len) != 0)
        return fail(c, "unexpected character in JSON");
    c->i += len;
    return 1;
}

static int json_items(cur *c, int depth, char close, int members)
{
    c->i++;
    json_ws(c);
    if (c->i < c->n && c->s[c->i] == (unsigned char)close) {
        c->i++;
        return 1;
    }
    for (;;) {
        json_ws(c);
        if (members) {
            if (c->i >= c->n || c->s[c->i] != '"')
                return fail(c, "JSON object key is not a string");
            if (!json_string(c))
                return 0;
            json_ws(c);
            if (c->i >= c->n || c->s[c->i] != ':')
                return fail(c, "missing ':' in a JSON object");
            c->i++;
        }
        if (!json_value(c, depth + 1))
            return 0;
        json_ws(c);
        if (c->i < c->n && c->s[c->i] == ',') {
            c->i++;
            continue;
        }
        if (c->i < c->n && c->s[c->i] == (unsigned char)close) {
            c->i++;
            return 1;
        }
        return fail(c, "missing ',' or closing bracket in JSON");
    }
}

static int json_value(cur *c, int depth)
{
    if (depth > MAX_DEPTH)
        return fail(c, "JSON nested too deeply");
    json_ws(c);
    if (c->i >= c->n)
        return fail(c, "missing JSON value");
    switch (c->s[c->i]) {
    case '{': return json_items(c, depth, '}', 1);
    case '[': return json_items(c, depth, ']', 0);
    case '"': return json_string(c);
    case 't': return json_literal(c, "true");
    case 'f': return json_literal(c, "false");
    case 'n': return json_literal(c, "null");
    default:
        if (c->s[c->i] == '-' || (c->s[c->i] >= '0' && c->s[c->i] <= '9'))
            return json_number(c);
        return fail(c, "unexpected character in JSON");
    }
}

int check_json(const char *s, size_t n, check_why *why)
{
    cur c = {(const unsigned char *)s, n, 0, why};
    if (!json_value(&c, 0))
        return 0;
    json_ws(&c);
    return c.i == n ? 1 : fail(&c, "text after the JSON value");
}

int check_jsonl(const char *s, size_t n, check_why *why)
{
    size_t at = 0;
    while (at < n) {
        const char *nl = memchr(s + at, '\n', n - at);
        if (nl == NULL) {
            cur c = {(const unsigned char *)s, n, n, why};
            return fail(&c, "last JSON line not ended by a line feed");
        }
        size_t len = (size_t)(nl - (s + at));
        cur c = {(const unsigned char *)s + at, len, 0, why};
        if (!json_value(&c, 0))
            return why ? (why->offset += at, 0) : 0;
        json_ws(&c);
        if (c.i != len) {
            fail(&c, "text after the JSON value of a line");
            return why ? (why->offset += at, 0) : 0;
        }
        at += len + 1;
    }
    return 1;
}

/* ---- XML ---- */

static int xml_char_ok(long cp)
{
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

static int xml_name_char(unsigned char ch, int first)
{
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' || ch == ':' ||
        ch >= 0x80)
        return 1;
    return !first && ((ch >= '0' && ch <= '9') || ch == '-' || ch == '.');
}

static int xml_name(cur *c, size_t *start, size_t *len)
{
    *start = c->i;
    if (c->i >= c->n || !xml_name_char(c->s[c->i], 1))
        return fail(c, "expected an XML name");
    while (c->i < c->n && xml_name_char(c->s[c->i], 0))
        c->i++;
    *len = c->i - *start;
    return 1;
}

static void xml_ws(cur *c)
{
    while (c->i < c->n && (c->s[c->i] == ' ' || c->s[c->i] == '\t' || c->s[c->i] == '\n' ||
                           c->s[c->i] == '\r'))
        c->i++;
}

/* An entity or character reference at '&'. */
static int xml_reference(cur *c)
{
    static const char *const known[] = {"amp;", "lt;", "gt;", "quot;", "apos;"};
    c->i++;
    for (size_t k = 0; k < 5; k++) {
        size_t len = strlen(known[k]);
        if (c->n - c->i >= len && memcmp(c->s + c->i, known[k], len) == 0) {
            c->i += len;
            return 1;
        }
    }
    if (c->i < c->n && c->s[c->i] == '#') {
        c->i++;
        int hex = c->i < c->n && c->s[c->i] == 'x';
        c->i += (size_t)hex;
        long cp = 0;
        size_t nd = 0;
        while (c->i < c->n && strchr(hex ? "0123456789abcdefABCDEF" : "0123456789", c->s[c->i]) &&
               c->s[c->i] && nd < 8) {
            unsigned char d = c->s[c->i++];
            cp = cp * (hex ? 16 : 10) + (d <= '9' ? d - '0' : (d | 0x20) - 'a' + 10);
            nd++;
        }
        if (nd == 0 || c->i >= c->n || c->s[c->i] != ';' || !xml_char_ok(cp))
            return fail(c, "bad XML character reference");
        c->i++;
        return 1;
    }
    return fail(c, "unknown XML entity");
}

/* Characters up to stop (text or an attribute value). */
static int xml_chars(cur *c, unsigned char stop)
{
    while (c->i < c->n && c->s[c->i] != stop) {
        unsigned char ch = c->s[c->i];
        if (ch == '&') {
            if (!xml_reference(c))
                return 0;
            continue;
        }
        if (ch == '<')
            return fail(c, "'<' in an XML attribute value");
        if (ch == ']' && c->n - c->i >= 3 && memcmp(c->s + c->i, "]]>", 3) == 0)
            return fail(c, "']]>' in XML text");
        size_t len;
        long cp = next_cp(c, &len);
        if (cp < 0)
            return fail(c, "invalid UTF-8 in XML");
        if (!xml_char_ok(cp))
            return fail(c, "character not allowed in XML");
        c->i += len;
    }
    return 1;
}

/* Attributes then '>' or '/>'; *empty set for '/>'. */
static int xml_attributes(cur *c, int *empty)
{
    size_t names[64][2];
    size_t nnames = 0;
    for (;;) {
        size_t before = c->i;
        xml_ws(c);
        if (c->i >= c->n)
            return fail(c, "unterminated XML tag");
        if (c->s[c->i] == '>') {
            c->i++;
            *empty = 0;
            return 1;
        }
        if (c->s[c->i] == '/') {
            if (c->i + 1 >= c->n || c->s[c->i + 1] != '>')
                return fail(c, "bad XML empty-element tag");
            c->i += 2;
            *empty = 1;
            return 1;
        }
        if (c->i == before)
            return fail(c, "no space before an XML attribute");
        size_t start, len;
        if (!xml_name(c, &start, &len))
            return 0;
        for (size_t k = 0; k < nnames; k++)
            if (names[k][1] == len && memcmp(c->s + names[k][0], c->s + start, len) == 0)
                return fail(c, "repeated XML attribute");
        if (nnames < 64) {
            names[nnames][0] = start;
            names[nnames++][1] = len;
        }
        xml_ws(c);
        if (c->i >= c->n || c->s[c->i] != '=')
            return fail(c, "missing '=' after an XML attribute");
        c->i++;
        xml_ws(c);
        if (c->i >= c->n || (c->s[c->i] != '"' && c->s[c->i] != '\''))
            return fail(c, "XML attribute value not quoted");
        unsigned char q = c->s[c->i++];
        if (!xml_chars(c, q))
            return 0;
        if (c->i >= c->n)
            return fail(c, "unterminated XML attribute value");
        c->i++;
    }
}

int check_xml(const char *s, size_t n, check_why *why)
{
    cur c = {(const unsigned char *)s, n, 0, why};
    static const char decl[] = "<?xml ";
    if (n >= sizeof decl - 1 && memcmp(s, decl, sizeof decl - 1) == 0) {
        const char *end = NULL;
        for (size_t k = 0; k + 1 < n; k++)
            if (s[k] == '?' && s[k + 1] == '>') {
                end = s + k;
                break;
            }
        if (end == NULL)
            return fail(&c, "unterminated XML declaration");
        c.i = (size_t)(end - s) + 2;
    }
    size_t stack[MAX_DEPTH][2];
    int depth = 0, seen_root = 0;
    for (;;) {
        if (depth == 0) {
            xml_ws(&c);
            if (c.i >= n)
                return seen_root ? 1 : fail(&c, "no XML root element");
            if (c.s[c.i] != '<' || seen_root)
                return fail(&c, "text outside the XML root element");
        } else {
            size_t start = c.i;
            while (c.i < n && c.s[c.i] != '<')
                c.i++;
            size_t end = c.i;
            c.i = start;
            cur t = {c.s, end, start, why};
            if (!xml_chars(&t, '<'))
                return 0;
            c.i = end;
            if (c.i >= n)
                return fail(&c, "unclosed XML element");
        }
        c.i++; /* '<' */
        if (c.i < n && c.s[c.i] == '!') {
            if (n - c.i < 3 || memcmp(c.s + c.i, "!--", 3) != 0)
                return fail(&c, "unexpected XML markup declaration");
            const char *end = NULL;
            for (size_t k = c.i + 3; k + 2 < n; k++)
                if (memcmp(s + k, "-->", 3) == 0) {
                    end = s + k;
                    break;
                }
            if (end == NULL)
                return fail(&c, "unterminated XML comment");
            c.i = (size_t)(end - s) + 3;
            continue;
        }
        if (c.i < n && c.s[c.i] == '/') {
            c.i++;
            size_t start, len;
            if (!xml_name(&c, &start, &len))
                return 0;
            if (depth == 0 || stack[depth - 1][1] != len ||
                memcmp(c.s + stack[depth - 1][0], c.s + start, len) != 0)
                return fail(&c, "XML end tag does not match its start tag");
            xml_ws(&c);
            if (c.i >= n || c.s[c.i] != '>')
                return fail(&c, "bad XML end tag");
            c.i++;
            depth--;
            continue;
        }
        size_t start, len;
        if (!xml_name(&c, &start, &len))
            return 0;
        int empty;
        if (!xml_attributes(&c, &empty))
            return 0;
        if (depth == 0)
            seen_root = 1;
        if (!empty) {
            if (depth == MAX_DEPTH)
                return fail(&c, "XML nested too deeply");
            stack[depth][0] = start;
            stack[depth][1] = len;
            depth++;
        }
    }
}

/* ---- DOT ---- */

enum { T_END, T_ID, T_PUNCT, T_EDGEOP, T_BAD };

typedef struct tok {
    int type;
    size_t start, len;
    int keyword; /* for T_ID: 0, or 1 graph 2 digraph 3 node 4 edge 5 subgraph 6 strict */
} tok;

static int dot_keyword(const unsigned char *s, size_t len)
{
    static const char *const words[] = {"graph", "digraph", "node", "edge", "subgraph", "strict"};
    for (int k = 0; k < 6; k++) {
        if (strlen(words[k]) != len)
            continue;
        size_t j = 0;
        while (j < len && (s[j] | 0x20) == words[k][j])
            j++;
        if (j == len)
            return k + 1;
    }
    return 0;
}

static tok dot_next(cur *c)
{
    tok t = {T_END, 0, 0, 0};
    for (;;) {
        while (c->i < c->n && strchr(" \t\r\n", c->s[c->i]) && c->s[c->i])
            c->i++;
        if (c->i + 1 < c->n && c->s[c->i] == '/' && c->s[c->i + 1] == '/') {
            while (c->i < c->n && c->s[c->i] != '\n')
                c->i++;
            continue;
        }
        break;
    }
    t.start = c->i;
    if (c->i >= c->n)
        return t;
    unsigned char ch = c->s[c->i];
    if (ch == '"') {
        c->i++;
        while (c->i < c->n && c->s[c->i] != '"') {
            if (c->s[c->i] == '\\' && c->i + 1 < c->n) {
                c->i += 2;
                continue;
            }
            size_t len = check_utf8_char(c->s + c->i, c->n - c->i);
            if (len == 0 || c->s[c->i] < 0x20) {
                t.type = T_BAD;
                return t;
            }
            c->i += len;
        }
        if (c->i >= c->n) {
            t.type = T_BAD;
            return t;
        }
        c->i++;
        t.type = T_ID;
    } else if (ch == '-' && c->i + 1 < c->n && (c->s[c->i + 1] == '>' || c->s[c->i + 1] == '-')) {
        c->i += 2;
        t.type = T_EDGEOP;
    } else if (ch == '-' || ch == '.' || (ch >= '0' && ch <= '9')) {
        size_t start = c->i;
        if (ch == '-')
            c->i++;
        int digits_seen = 0, dot_seen = 0;
        while (c->i < c->n && ((c->s[c->i] >= '0' && c->s[c->i] <= '9') ||
                               (c->s[c->i] == '.' && !dot_seen))) {
            dot_seen |= c->s[c->i] == '.';
            digits_seen |= c->s[c->i] != '.';
            c->i++;
        }
        /* a numeral must end where an identifier cannot go on */
        if (!digits_seen || (c->i < c->n && xml_name_char(c->s[c->i], 1) && c->s[c->i] != ':')) {
            c->i = start;
            t.type = T_BAD;
            return t;
        }
        t.type = T_ID;
    } else if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' || ch >= 0x80) {
        while (c->i < c->n && (((c->s[c->i] | 0x20) >= 'a' && (c->s[c->i] | 0x20) <= 'z') ||
                               c->s[c->i] == '_' || c->s[c->i] >= 0x80 ||
                               (c->s[c->i] >= '0' && c->s[c->i] <= '9')))
            c->i++;
        t.type = T_ID;
        t.keyword = dot_keyword(c->s + t.start, c->i - t.start);
    } else if (strchr("{}[]=;,:", ch)) {
        c->i++;
        t.type = T_PUNCT;
    } else {
        t.type = T_BAD;
        return t;
    }
    t.len = c->i - t.start;
    return t;
}

typedef struct dot_parser {
    cur c;
    tok t;
    int directed;
} dot_parser;

static void dot_advance(dot_parser *p) { p->t = dot_next(&p->c); }

static int dot_is(const dot_parser *p, char ch)
{
    return p->t.type == T_PUNCT && p->c.s[p->t.start] == (unsigned char)ch;
}

static int dot_fail(dot_parser *p, const char *reason)
{
    p->c.i = p->t.start;
    return fail(&p->c, reason);
}

/* An identifier that is not a keyword. */
static int dot_id(dot_parser *p)
{
    if (p->t.type != T_ID || p->t.keyword)
        return dot_fail(p, "expected a DOT identifier");
    dot_advance(p);
    return 1;
}

/* Zero or more [ a = b, ... ] lists. */
static int dot_attr_lists(dot_parser *p)
{
    while (dot_is(p, '[')) {
        dot_advance(p);
        while (!dot_is(p, ']')) {
            if (!dot_id(p))
                return 0;
            if (!dot_is(p, '='))
                return dot_fail(p, "expected '=' in a DOT attribute list");
            dot_advance(p);
            if (!dot_id(p))
                return 0;
            if (dot_is(p, ',') || dot_is(p, ';'))
                dot_advance(p);
        }
        dot_advance(p);
    }
    return 1;
}

static int dot_stmt_list(dot_parser *p, int depth);

/* A node id (with an optional port) or a subgraph. */
static int dot_operand(dot_parser *p, int depth)
{
    if (p->t.type == T_ID && p->t.keyword == 5) {
        dot_advance(p);
        if (p->t.type == T_ID && !p->t.keyword)
            dot_advance(p);
    }
    if (dot_is(p, '{')) {
        dot_advance(p);
        if (!dot_stmt_list(p, depth + 1))
            return 0;
        if (!dot_is(p, '}'))
            return dot_fail(p, "expected '}' in DOT");
        dot_advance(p);
        return 1;
    }
    if (!dot_id(p))
        return 0;
    for (int k = 0; k < 2 && dot_is(p, ':'); k++) {
        dot_advance(p);
        if (!dot_id(p))
            return 0;
    }
    return 1;
}

static int dot_stmt_list(dot_parser *p, int depth)
{
    if (depth > MAX_DEPTH)
        return dot_fail(p, "DOT nested too deeply");
    while (p->t.type != T_END && !dot_is(p, '}')) {
        if (p->t.type == T_BAD)
            return dot_fail(p, "bad DOT token");
        if (p->t.type == T_ID && (p->t.keyword == 2 || p->t.keyword == 6))
            return dot_fail(p, "'digraph' or 'strict' inside a DOT graph");
        if (p->t.type == T_ID && (p->t.keyword == 1 || p->t.keyword == 3 || p->t.keyword == 4)) {
            dot_advance(p);
            if (!dot_is(p, '['))
                return dot_fail(p, "expected '[' after graph, node or edge");
            if (!dot_attr_lists(p))
                return 0;
        } else {
            if (!dot_operand(p, depth))
                return 0;
            if (dot_is(p, '=')) {
                dot_advance(p);
                if (!dot_id(p))
                    return 0;
            } else {
                while (p->t.type == T_EDGEOP) {
                    const unsigned char *op = p->c.s + p->t.start;
                    if ((op[1] == '>') != p->directed)
                        return dot_fail(p, "edge operator does not match the graph type");
                    dot_advance(p);
                    if (!dot_operand(p, depth))
                        return 0;
                }
                if (!dot_attr_lists(p))
                    return 0;
            }
        }
        if (dot_is(p, ';'))
            dot_advance(p);
    }
    return 1;
}

int check_dot(const char *s, size_t n, check_why *why)
{
    dot_parser p = {{(const unsigned char *)s, n, 0, why}, {0, 0, 0, 0}, 0};
    dot_advance(&p);
    if (p.t.type == T_ID && p.t.keyword == 6)
        dot_advance(&p);
    if (p.t.type != T_ID || (p.t.keyword != 1 && p.t.keyword != 2))
        return dot_fail(&p, "a DOT file starts with graph or digraph");
    p.directed = p.t.keyword == 2;
    dot_advance(&p);
    if (p.t.type == T_ID && !p.t.keyword)
        dot_advance(&p);
    if (!dot_is(&p, '{'))
        return dot_fail(&p, "expected '{' in DOT");
    dot_advance(&p);
    if (!dot_stmt_list(&p, 0))
        return 0;
    if (!dot_is(&p, '}'))
        return dot_fail(&p, "expected '}' at the end of the DOT graph");
    dot_advance(&p);
    if (p.t.type != T_END)
        return dot_fail(&p, "text after the DOT graph");
    return 1;
}

/* ---- CSV and TSV ---- */

int check_csv(const char *s, size_t n, size_t *rows, check_why *why)
{
    cur c = {(const unsigned char *)s, n, 0, why};
    size_t want = 0, nrows = 0;
    while (c.i < n) {
        size_t fields = 1;
        for (;;) {
            if (c.i < n && c.s[c.i] == '"') {
                c.i++;
                for (;;) {
                    if (c.i >= n)
                        return fail(&c, "unterminated quoted CSV field");
                    if (c.s[c.i] == '"') {
                        if (c.i + 1 < n && c.s[c.i + 1] == '"') {
                            c.i += 2;
                            continue;
                        }
                        c.i++;
                        break;
                    }
                    size_t len = check_utf8_char(c.s + c.i, n - c.i);
                    if (len == 0)
                        return fail(&c, "invalid UTF-8 in CSV");
                    c.i += len;
                }
            } else {
                while (c.i < n && c.s[c.i] != ',' && c.s[c.i] != '\r' && c.s[c.i] != '\n') {
                    if (c.s[c.i] == '"')
                        return fail(&c, "quote inside an unquoted CSV field");
                    size_t len = check_utf8_char(c.s + c.i, n - c.i);
                    if (len == 0)
                        return fail(&c, "invalid UTF-8 in CSV");
                    c.i += len;
                }
            }
            if (c.i < n && c.s[c.i] == ',') {
                c.i++;
                fields++;
                continue;
            }
            break;
        }
        if (n - c.i < 2 || c.s[c.i] != '\r' || c.s[c.i + 1] != '\n')
            return fail(&c, "CSV record not ended by CRLF");
        c.i += 2;
        if (nrows == 0)
            want = fields;
        else if (fields != want)
            return fail(&c, "CSV record with a different number of fields");
        nrows++;
    }
    if (rows)
        *rows = nrows;
    return 1;
}

int check_tsv(const char *s, size_t n, size_t columns, check_why *why)
{
    cur c = {(const unsigned char *)s, n, 0, why};
    size_t fields = 1;
    while (c.i < n) {
        unsigned char ch = c.s[c.i];
        if (ch == '\t') {
            fields++;
            c.i++;
        } else if (ch == '\n') {
            if (fields != columns)
                return fail(&c, "TSV row with a different number of columns");
            fields = 1;
            c.i++;
        } else if (ch < 0x20 || ch == 0x7F) {
            return fail(&c, "control character in a TSV field");
        } else {
            size_t len = check_utf8_char(c.s + c.i, n - c.i);
            if (len == 0)
                return fail(&c, "invalid UTF-8 in TSV");
            c.i += len;
        }
    }
    if (n > 0 && s[n - 1] != '\n')
        return fail(&c, "last TSV row not ended by a line feed");
    return 1;
}
