/* Shared by the table and graph writers: escaping for CSV, XML, DOT and
 * Markdown, the fixed number format, and the dispatch on formats.  The
 * CSV, XML, DOT and JSON writers emit valid UTF-8 whatever their strings
 * hold (a file name need not be UTF-8): a byte that does not start a
 * valid character is written as U+FFFD. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "citegraph/export.h"
#include "export_impl.h"

int cg_report_format_parse(const char *name)
{
    static const char *const names[] = {"text", "csv", "json", "md", "html"};
    for (int i = 0; i < 5; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    if (strcmp(name, "txt") == 0)
        return CG_REPORT_TEXT;
    if (strcmp(name, "markdown") == 0)
        return CG_REPORT_MD;
    return -1;
}

int cg_graph_format_parse(const char *name)
{
    static const char *const names[] = {"dot", "graphml", "csv", "json"};
    for (int i = 0; i < 4; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    if (strcmp(name, "gv") == 0)
        return CG_GRAPH_DOT;
    return -1;
}

cg_status cg_report_write(cg_buf *out, cg_report_format format, const cg_graph *graph,
                          const cg_metrics *m, const size_t *rows, size_t n)
{
    switch (format) {
    case CG_REPORT_TEXT:
        return cg_export_report_text(out, graph, m, rows, n);
    case CG_REPORT_CSV:
        return cg_export_report_csv(out, graph, m, rows, n);
    case CG_REPORT_JSON:
        return cg_export_report_json(out, graph, m, rows, n);
    case CG_REPORT_MD:
        return cg_export_report_md(out, graph, m, rows, n);
    case CG_REPORT_HTML:
        return cg_report_write_html(out, graph, m, rows, n, 10, NULL,
                                    "No drawing of the graph was made.");
    }
    return CG_EUSAGE;
}

cg_status cg_graph_write_vertices(cg_buf *out, cg_graph_format format, const cg_graph *graph,
                                  const cg_metrics *m, const unsigned char *keep)
{
    switch (format) {
    case CG_GRAPH_DOT:
        return cg_export_dot_vertices(out, graph, m, keep);
    case CG_GRAPH_GRAPHML:
        return cg_export_graphml_vertices(out, graph, m, keep);
    default:
        return CG_EUSAGE;
    }
}

cg_status cg_graph_write_edges(cg_buf *out, cg_graph_format format, const cg_graph *graph,
                               const unsigned char *keep)
{
    switch (format) {
    case CG_GRAPH_DOT:
        return cg_export_dot_edges(out, graph, keep);
    case CG_GRAPH_GRAPHML:
        return cg_export_graphml_edges(out, graph, keep);
    default:
        return CG_EUSAGE;
    }
}

cg_status cg_graph_write(cg_buf *out, cg_graph_format format, const cg_graph *graph,
                         const cg_metrics *m, const unsigned char *keep)
{
    cg_status st;
    switch (format) {
    case CG_GRAPH_DOT:
    case CG_GRAPH_GRAPHML:
        st = cg_graph_write_vertices(out, format, graph, m, keep);
        return st == CG_OK ? cg_graph_write_edges(out, format, graph, keep) : st;
    case CG_GRAPH_CSV:
        return cg_export_graph_csv(out, graph, m, keep);
    case CG_GRAPH_JSON:
        return cg_export_graph_json(out, graph, m, keep);
    }
    return CG_EUSAGE;
}

size_t cg_export_utf8_len(const char *s, size_t n, unsigned long *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n == 0)
        return 0;
    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    size_t len;
    unsigned long c, min;
    if (u[0] >= 0xC2 && u[0] <= 0xDF) { len = 2; c = u[0] & 0x1Fu; min = 0x80; }
    else if (u[0] >= 0xE0 && u[0] <= 0xEF) { len = 3; c = u[0] & 0x0Fu; min = 0x800; }
    else if (u[0] >= 0xF0 && u[0] <= 0xF4) { len = 4; c = u[0] & 0x07u; min = 0x10000; }
    else return 0;
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return 0;
        c = c << 6 | (u[i] & 0x3Fu);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

char *cg_export_utf8_at(char *o, const char *s, size_t n, size_t *used)
{
    unsigned long cp;
    size_t len = cg_export_utf8_len(s, n, &cp);
    /* U+FFFE and U+FFFF are not characters in XML; nowhere useful */
    if (len == 0 || cp == 0xFFFE || cp == 0xFFFF) {
        *used = len ? len : 1;
        memcpy(o, "\xEF\xBF\xBD", 3);
        return o + 3;
    }
    *used = len;
    memcpy(o, s, len);
    return o + len;
}

size_t cg_export_put_utf8(cg_buf *out, const char *s, size_t n)
{
    if (cg_buf_reserve(out, 4) != CG_OK)
        return 0;
    size_t used;
    char *o = cg_export_utf8_at(out->data + out->len, s, n, &used);
    out->len = (size_t)(o - out->data);
    *o = '\0';
    return used;
}

/* A set of ASCII bytes: bit c of set[c >> 6]. */
#define ASCII_BIT(c) ((uint64_t)1 << ((c) & 63))
static const uint64_t csv_specials[2] = {ASCII_BIT('"'), 0};
static const uint64_t xml_specials[2] = {
    ASCII_BIT('&') | ASCII_BIT('<') | ASCII_BIT('>') | ASCII_BIT('"') | ASCII_BIT('\''), 0};
static const uint64_t dot_specials[2] = {ASCII_BIT('"'), ASCII_BIT('\\')};

/* Length of the run at s of printable ASCII bytes outside specials: the
 * bytes a writer passes through unchanged, appended whole. */
static size_t plain_run(const char *s, const uint64_t specials[2])
{
    for (size_t i = 0;; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 || c >= 0x80 || (specials[c >> 6] >> (c & 63) & 1))
            return i;
    }
}

cg_status cg_csv_put_field(cg_buf *out, const char *s)
{
    size_t n = strlen(s);
    int quote = strpbrk(s, ",\"\r\n") != NULL;
    cg_status st = quote ? cg_buf_putc(out, '"') : CG_OK;
    for (size_t i = 0; i < n && st == CG_OK;) {
        size_t k = plain_run(s + i, csv_specials);
        if (k) {
            st = cg_buf_append(out, s + i, k);
            i += k;
            continue;
        }
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            size_t used = cg_export_put_utf8(out, s + i, n - i);
            st = used ? CG_OK : CG_ENOMEM;
            i += used;
            continue;
        }
        st = c == '"' ? cg_buf_puts(out, "\"\"") : cg_buf_putc(out, (char)c);
        i++;
    }
    return st == CG_OK && quote ? cg_buf_putc(out, '"') : st;
}

cg_status cg_xml_put_escaped(cg_buf *out, const char *s)
{
    cg_status st = CG_OK;
    const char *end = s + strlen(s);
    for (; *s && st == CG_OK; s++) {
        size_t k = plain_run(s, xml_specials);
        if (k) {
            st = cg_buf_append(out, s, k);
            s += k - 1;
            continue;
        }
        unsigned char c = (unsigned char)*s;
        if (c >= 0x80) {
            size_t used = cg_export_put_utf8(out, s, (size_t)(end - s));
            st = used ? CG_OK : CG_ENOMEM;
            s += used ? used - 1 : 0;
            continue;
        }
        switch (c) {
        case '&': st = cg_buf_puts(out, "&amp;"); break;
        case '<': st = cg_buf_puts(out, "&lt;"); break;
        case '>': st = cg_buf_puts(out, "&gt;"); break;
        case '"': st = cg_buf_puts(out, "&quot;"); break;
        case '\'': st = cg_buf_puts(out, "&apos;"); break;
        default:
            /* XML 1.0 forbids most control characters, even escaped */
            st = cg_buf_putc(out, c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : (char)c);
        }
    }
    return st;
}

cg_status cg_dot_put_string(cg_buf *out, const char *s)
{
    cg_status st = cg_buf_putc(out, '"');
    const char *end = s + strlen(s);
    for (; *s && st == CG_OK; s++) {
        size_t k = plain_run(s, dot_specials);
        if (k) {
            st = cg_buf_append(out, s, k);
            s += k - 1;
            continue;
        }
        unsigned char c = (unsigned char)*s;
        if (c >= 0x80) {
            size_t used = cg_export_put_utf8(out, s, (size_t)(end - s));
            st = used ? CG_OK : CG_ENOMEM;
            s += used ? used - 1 : 0;
        } else if (c == '"' || c == '\\') {
            st = cg_buf_putc(out, '\\');
            if (st == CG_OK)
                st = cg_buf_putc(out, (char)c);
        } else if (c == '\n') {
            st = cg_buf_puts(out, "\\n");
        } else {
            st = cg_buf_putc(out, c < 0x20 ? ' ' : (char)c);
        }
    }
    return st == CG_OK ? cg_buf_putc(out, '"') : st;
}

cg_status cg_md_put_escaped(cg_buf *out, const char *s)
{
    cg_status st = CG_OK;
    for (; *s && st == CG_OK; s++) {
        unsigned char c = (unsigned char)*s;
        if (strchr("|\\*_`[]<>", c) && c != '\0')
            st = cg_buf_putc(out, '\\');
        if (st == CG_OK)
            st = cg_buf_putc(out, c < 0x20 ? ' ' : (char)c);
    }
    return st;
}

/* The last forms of cg_put_real, by the value's bits (measures repeat:
 * many vertices share a rank, most have no hub or authority score). */
typedef struct real_form {
    uint64_t bits;
    unsigned char len; /* 0: empty */
    char text[23];
} real_form;

cg_status cg_put_real(cg_buf *out, double x)
{
    if (!isfinite(x) || x == 0)
        return cg_buf_putc(out, '0'); /* no "-0", "nan" or "inf" in any output */
    static _Thread_local real_form memo[256];
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    real_form *f = &memo[(bits * UINT64_C(0x9E3779B97F4A7C15)) >> 56];
    if (f->len == 0 || f->bits != bits) {
        char text[32];
        int n = snprintf(text, sizeof text, "%.6g", x);
        if (n <= 0 || (size_t)n > sizeof f->text)
            return cg_buf_printf(out, "%.6g", x);
        f->bits = bits;
        f->len = (unsigned char)n;
        memcpy(f->text, text, (size_t)n);
    }
    return cg_buf_append(out, f->text, f->len);
}

cg_status cg_export_year(cg_buf *out, int year, const char *unknown)
{
    return year > 0 ? cg_buf_put_count(out, year) : cg_buf_puts(out, unknown);
}

int cg_export_kept(const cg_graph *graph, const unsigned char *keep, size_t v)
{
    return v < graph->nv && (keep == NULL || keep[v]);
}

size_t cg_export_kept_count(const cg_graph *graph, const unsigned char *keep)
{
    if (keep == NULL)
        return graph->nv;
    size_t n = 0;
    for (size_t v = 0; v < graph->nv; v++)
        n += keep[v] != 0;
    return n;
}

void cg_export_expect(cg_buf *out, size_t items, size_t bytes_each)
{
    if (out->sink != NULL)
        return; /* handed on in pieces: never held whole */
    if (bytes_each && items <= (SIZE_MAX - out->len - 1) / bytes_each)
        (void)cg_buf_reserve(out, items * bytes_each);
}
