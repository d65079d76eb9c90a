/* Reference rows: TSV (a header, then one row a mention) and JSON Lines.
 * The text column is the mention as written in the raw bytes, widened to
 * the Markdown link around it, with every run of whitespace as one space. */
#include <stdio.h>
#include <string.h>

#include "citegraph/export.h"
#include "export_impl.h"

static const char *const columns[] = {"file", "line", "source", "kind", "target", "text",
                                      "column", "aliases", "notes", "via", "pinpoint"};
#define NCOLUMNS (sizeof columns / sizeof columns[0])

cg_status cg_tsv_put_header(cg_buf *out, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        cg_status st = cg_buf_puts(out, names[i]);
        if (st == CG_OK)
            st = cg_buf_putc(out, i + 1 < n ? '\t' : '\n');
        if (st != CG_OK)
            return st;
    }
    return CG_OK;
}

cg_status cg_refs_write_header(cg_buf *out, cg_refs_format format)
{
    return format == CG_REFS_TSV ? cg_tsv_put_header(out, columns, NCOLUMNS) : CG_OK;
}

cg_status cg_json_put_string(cg_buf *out, const char *s, size_t n)
{
    cg_status st = cg_buf_putc(out, '"');
    size_t i = 0;
    while (i < n && st == CG_OK) {
        /* a run of ASCII bytes that stand for themselves, in one append */
        size_t j = i;
        while (j < n && (unsigned char)s[j] >= 0x20 && (unsigned char)s[j] < 0x80 && s[j] != '"' &&
               s[j] != '\\')
            j++;
        if (j > i) {
            st = cg_buf_append(out, s + i, j - i);
            i = j;
            continue;
        }
        if ((unsigned char)s[i] >= 0x80) {
            /* one character, or U+FFFD for bytes that are not UTF-8 */
            size_t used = cg_export_put_utf8(out, s + i, n - i);
            st = used ? CG_OK : CG_ENOMEM;
            i += used ? used : 1;
            continue;
        }
        unsigned char c = (unsigned char)s[i++];
        if (c == '"' || c == '\\') {
            st = cg_buf_putc(out, '\\');
            if (st == CG_OK)
                st = cg_buf_putc(out, (char)c);
        } else {
            st = c == '\n' ? cg_buf_puts(out, "\\n") : c == '\t' ? cg_buf_puts(out, "\\t")
                                                                  : cg_buf_printf(out, "\\u%04x", c);
        }
    }
    return st == CG_OK ? cg_buf_putc(out, '"') : st;
}

/* Appends raw[a..b) with whitespace runs folded to one space and no
 * tab or line break (TSV-safe). */
static cg_status put_folded(cg_buf *out, const char *raw, size_t a, size_t b)
{
    int space = 0;
    cg_status st = CG_OK;
    size_t i = a;
    while (i < b && st == CG_OK) {
        unsigned char c = (unsigned char)raw[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            space = 1;
            i++;
            continue;
        }
        if (space) {
            st = cg_buf_putc(out, ' ');
            space = 0;
            if (st != CG_OK)
                break;
        }
        if (c < 0x20 || c == 0x7F) {
            st = cg_buf_putc(out, ' ');
            i++;
            continue;
        }
        /* a run of printable bytes, in one append */
        size_t j = i + 1;
        while (j < b && (unsigned char)raw[j] > 0x20 && raw[j] != 0x7F)
            j++;
        st = cg_buf_append(out, raw + i, j - i);
        i = j;
    }
    return st;
}

/* Appends n in decimal. */
static cg_status put_long(cg_buf *out, long n)
{
    char digits[24];
    size_t k = sizeof digits;
    unsigned long u = n < 0 ? 0UL - (unsigned long)n : (unsigned long)n;
    do {
        digits[--k] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (n < 0)
        digits[--k] = '-';
    return cg_buf_append(out, digits + k, sizeof digits - k);
}

/* The raw span of a reference, widened to a Markdown link around it;
 * hints[2] keep the offset map's place between references in order. */
static void raw_span(const cg_text *text, const cg_ref *r, size_t *a, size_t *b, size_t hints[2])
{
    size_t ra = cg_text_raw_offset_at(text, r->start, &hints[0]);
    size_t rb = r->end > r->start ? cg_text_raw_offset_at(text, r->end - 1, &hints[1]) + 1 : ra;
    const char *raw = text->raw;
    if (rb > text->raw_len)
        rb = text->raw_len;
    /* a Markdown link around the end of the span: "[853 \(1993\)](#)" */
    if (rb + 1 < text->raw_len && raw[rb] == ']' && raw[rb + 1] == '(') {
        size_t open = rb;
        while (open > ra && raw[open - 1] != '[')
            open--;
        size_t q = rb;
        if (open > ra || (ra > 0 && raw[ra - 1] == '[')) {
            const char *close = memchr(raw + q, ')', text->raw_len - q);
            if (close && (size_t)(close - raw) - q < 2100) {
                if (open == ra)
                    ra--;
                rb = (size_t)(close - raw) + 1;
            }
        }
    }
    if (ra > 0 && raw[ra - 1] == '<' && rb < text->raw_len && raw[rb] == '>') {
        ra--;
        rb++;
    }
    *a = ra;
    *b = rb;
}

/* The notes of a row: the names of its flags, comma-separated. */
static cg_status notes(cg_buf *out, unsigned flags)
{
    static const struct {
        unsigned flag;
        const char *name;
    } names[] = {{CG_REF_BODY_INFERRED, "body-inferred"},
                 {CG_REF_YEAR_INFERRED, "year-inferred"},
                 {CG_REF_CASE_INFERRED, "case-by-date"},
                 {CG_REF_CASE_CONTEXT, "case-by-context"},
                 {CG_REF_AMBIGUOUS, "ambiguous"}};
    cg_status st = CG_OK;
    int first = 1;
    for (size_t i = 0; i < sizeof names / sizeof names[0] && st == CG_OK; i++) {
        if (!(flags & names[i].flag))
            continue;
        if (!first)
            st = cg_buf_putc(out, ',');
        if (st == CG_OK)
            st = cg_buf_puts(out, names[i].name);
        first = 0;
    }
    return st;
}

cg_status cg_tsv_put_field(cg_buf *out, const char *s)
{
    return put_folded(out, s, 0, strlen(s));
}

/* What every row of a document repeats, formatted once: the file and
 * the source, TSV-folded or as JSON strings. */
static cg_status doc_fields(cg_refs_format format, const char *file, const char *source,
                            cg_buf *f, cg_buf *src)
{
    if (format == CG_REFS_TSV) {
        cg_status st = cg_tsv_put_field(f, file);
        if (st == CG_OK)
            st = cg_tsv_put_field(src, source);
        if (st == CG_OK && f->data == NULL)
            st = cg_buf_reserve(f, 0);
        if (st == CG_OK && src->data == NULL)
            st = cg_buf_reserve(src, 0);
        return st;
    }
    cg_status st = cg_json_put_string(f, file, strlen(file));
    return st == CG_OK ? cg_json_put_string(src, source, strlen(source)) : st;
}

cg_status cg_refs_write(cg_buf *out, cg_refs_format format, const char *file,
                        const char *source, cg_text *text, const cg_refs *refs)
{
    cg_buf field = {0}, f = {0}, src = {0};
    cg_status st = refs->n ? doc_fields(format, file, source, &f, &src) : CG_OK;
    size_t hints[2] = {0, 0};
    for (size_t i = 0; i < refs->n && st == CG_OK; i++) {
        const cg_ref *r = &refs->items[i];
        size_t a, b;
        raw_span(text, r, &a, &b, hints);
        long line, col;
        cg_text_position(text, a, &line, &col);
        const char *target = cg_refs_target(refs, r);
        const char *aliases = cg_refs_aliases(refs, r);
        if (format == CG_REFS_TSV) {
            st = cg_buf_append(out, f.data, f.len);
            if (st == CG_OK)
                st = cg_buf_putc(out, '\t');
            if (st == CG_OK)
                st = put_long(out, line);
            if (st == CG_OK)
                st = cg_buf_putc(out, '\t');
            if (st == CG_OK)
                st = cg_buf_append(out, src.data, src.len);
            if (st == CG_OK)
                st = cg_buf_putc(out, '\t');
            if (st == CG_OK)
                st = cg_buf_puts(out, cg_kind_name(r->kind));
            if (st == CG_OK)
                st = cg_buf_putc(out, '\t');
            if (st == CG_OK)
                st = cg_tsv_put_field(out, target);
            if (st == CG_OK)
                st = cg_buf_putc(out, '\t');
            if (st == CG_OK)
                st = put_folded(out, text->raw, a, b);
            if (st == CG_OK)
                st = cg_buf_putc(out, '\t');
            if (st == CG_OK)
                st = put_long(out, col);
            if (st == CG_OK)
                st = cg_buf_putc(out, '\t');
            if (st == CG_OK)
                st = cg_tsv_put_field(out, aliases);
            if (st == CG_OK)
                st = cg_buf_putc(out, '\t');
            if (st == CG_OK)
                st = notes(out, r->flags);
            if (st == CG_OK)
                st = cg_buf_putc(out, '\t');
            if (st == CG_OK)
                st = cg_buf_puts(out, cg_via_name(r->via));
            if (st == CG_OK)
                st = cg_buf_putc(out, '\t');
            if (st == CG_OK)
                st = cg_tsv_put_field(out, cg_refs_pinpoint(refs, r));
            if (st == CG_OK)
                st = cg_buf_putc(out, '\n');
            continue;
        }
        cg_buf_clear(&field);
        st = put_folded(&field, text->raw, a, b);
        if (st == CG_OK)
            st = cg_buf_puts(out, "{\"file\":");
        if (st == CG_OK)
            st = cg_buf_append(out, f.data, f.len);
        if (st == CG_OK)
            st = cg_buf_puts(out, ",\"line\":");
        if (st == CG_OK)
            st = put_long(out, line);
        if (st == CG_OK)
            st = cg_buf_puts(out, ",\"column\":");
        if (st == CG_OK)
            st = put_long(out, col);
        if (st == CG_OK)
            st = cg_buf_puts(out, ",\"source\":");
        if (st == CG_OK)
            st = cg_buf_append(out, src.data, src.len);
        if (st == CG_OK)
            st = cg_buf_puts(out, ",\"kind\":\"");
        if (st == CG_OK)
            st = cg_buf_puts(out, cg_kind_name(r->kind));
        if (st == CG_OK)
            st = cg_buf_puts(out, "\",\"target\":");
        if (st == CG_OK)
            st = cg_json_put_string(out, target, strlen(target));
        if (st == CG_OK)
            st = cg_buf_puts(out, ",\"text\":");
        if (st == CG_OK)
            st = cg_json_put_string(out, field.data ? field.data : "", field.len);
        if (st == CG_OK)
            st = cg_buf_puts(out, ",\"aliases\":[");
        for (const char *p = aliases; *p && st == CG_OK;) {
            const char *bar = strchr(p, '|');
            size_t n = bar ? (size_t)(bar - p) : strlen(p);
            if (p != aliases)
                st = cg_buf_putc(out, ',');
            if (st == CG_OK)
                st = cg_json_put_string(out, p, n);
            p += n + (bar ? 1 : 0);
        }
        if (st == CG_OK)
            st = cg_buf_puts(out, "],\"notes\":\"");
        if (st == CG_OK)
            st = notes(out, r->flags);
        if (st == CG_OK)
            st = cg_buf_puts(out, "\",\"via\":\"");
        if (st == CG_OK)
            st = cg_buf_puts(out, cg_via_name(r->via));
        if (st == CG_OK)
            st = cg_buf_puts(out, "\",\"pinpoint\":");
        if (st == CG_OK) {
            const char *pin = cg_refs_pinpoint(refs, r);
            st = cg_json_put_string(out, pin, strlen(pin));
        }
        if (st == CG_OK)
            st = cg_buf_puts(out, "}\n");
    }
    cg_buf_free(&field);
    cg_buf_free(&f);
    cg_buf_free(&src);
    return st;
}
