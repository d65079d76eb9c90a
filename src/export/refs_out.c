/* Reference rows: TSV (a header, then one row a mention) and JSON Lines.
 * The text column is the mention as written in the raw bytes, widened to
 * the Markdown link around it, with every run of whitespace as one space.
 * Room for a whole row is reserved at once (a bound from the lengths of
 * its fields); the writers below then put bytes at a pointer into that
 * room and return where they stopped. */
#include <stdint.h>
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

/* Room for n more bytes and the NUL after them in out. */
static inline cg_status room(cg_buf *out, size_t n)
{
    return out->cap - out->len > n ? CG_OK : cg_buf_reserve(out, n);
}

/* Ends a write into out's room at o: the length, and the NUL after it. */
static inline void wrote(cg_buf *out, char *o)
{
    out->len = (size_t)(o - out->data);
    *o = '\0';
}

/* Writes s[0..n) at o. */
static inline char *put_bytes(char *o, const char *s, size_t n)
{
    if (n)
        memcpy(o, s, n);
    return o + n;
}

/* Eight bytes at a time: a byte set in every byte, the high bits. */
#define ONES 0x0101010101010101ULL
#define HIGHS (ONES * 0x80)

/* The eight bytes at s. */
static inline uint64_t word_at(const char *s)
{
    uint64_t w;
    memcpy(&w, s, 8);
    return w;
}

/* The high bit of every byte of w below n (1 to 0x80), exactly: no carry
 * crosses from one byte to the next. */
static inline uint64_t bytes_below(uint64_t w, unsigned n)
{
    return ~(((w & ~HIGHS) + ONES * (0x80 - n)) | w) & HIGHS;
}

/* The high bit of every byte of w equal to c. */
static inline uint64_t bytes_equal(uint64_t w, unsigned char c)
{
    return bytes_below(w ^ (ONES * c), 1);
}

/* Writes s[0..n) as a JSON string literal, quotes included: at most
 * 6n + 2 bytes. */
static char *json_at(char *o, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    *o++ = '"';
    size_t i = 0;
    while (i < n) {
        /* eight bytes at a time while each stands for itself */
        while (n - i >= 8) {
            uint64_t w = word_at(s + i);
            if ((bytes_below(w, 0x20) | (w & HIGHS) | bytes_equal(w, '"') | bytes_equal(w, '\\')) != 0)
                break;
            memcpy(o, s + i, 8);
            o += 8;
            i += 8;
        }
        if (i == n)
            break;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            /* one character, or U+FFFD for bytes that are not UTF-8 */
            size_t used;
            o = cg_export_utf8_at(o, s + i, n - i, &used);
            i += used;
            continue;
        }
        i++;
        if (c == '"' || c == '\\') {
            *o++ = '\\';
            *o++ = (char)c;
        } else if (c == '\n' || c == '\t') {
            *o++ = '\\';
            *o++ = c == '\n' ? 'n' : 't';
        } else if (c < 0x20) {
            memcpy(o, "\\u00", 4);
            o[4] = hex[c >> 4];
            o[5] = hex[c & 15];
            o += 6;
        } else {
            *o++ = (char)c;
        }
    }
    *o++ = '"';
    return o;
}

cg_status cg_json_put_string(cg_buf *out, const char *s, size_t n)
{
    if (n > (SIZE_MAX - 2) / 6)
        return CG_ENOMEM;
    cg_status st = room(out, 6 * n + 2);
    if (st == CG_OK)
        wrote(out, json_at(out->data + out->len, s, n));
    return st;
}

/* Whether folding changes s[0..n): a control byte (tabs and line ends
 * among them), two spaces in a row, or a space at the end. */
static int fold_changes(const char *s, size_t n)
{
    if (n < 9) {
        for (size_t i = 0; i < n; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c < 0x20 || c == 0x7F || (c == ' ' && (i + 1 == n || s[i + 1] == ' ')))
                return 1;
        }
        return 0;
    }
    /* the eight bytes from i and the eight from i + 1 at a time (two
     * spaces in a row seen across words too); the last eight checked
     * again, ending one byte short of the end, and that byte alone */
    for (size_t i = 0;; i += 8) {
        if (n - i < 9)
            i = n - 9;
        uint64_t w = word_at(s + i);
        if ((bytes_below(w, 0x20) | bytes_equal(w, 0x7F) |
             (bytes_equal(w, ' ') & bytes_equal(word_at(s + i + 1), ' '))) != 0)
            return 1;
        if (i == n - 9)
            break;
    }
    unsigned char last = (unsigned char)s[n - 1];
    return last <= ' ' || last == 0x7F;
}

/* Writes s[0..n) at o with whitespace runs folded to one space (none at
 * the end) and any other control byte as a space: no tab or line break
 * (TSV-safe), at most n bytes. */
static char *folded_at(char *o, const char *s, size_t n)
{
    if (!fold_changes(s, n))
        return put_bytes(o, s, n);
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || (c >= '\t' && c <= '\r')) {
            space = 1;
            continue;
        }
        if (space) {
            *o++ = ' ';
            space = 0;
        }
        *o++ = c < 0x20 || c == 0x7F ? ' ' : (char)c;
    }
    return o;
}

/* Room for a number in decimal: a long has at most 19 digits and a sign. */
#define NUMBER_ROOM 20

/* Writes n in decimal at o; returns the end. */
static inline char *decimal_at(char *o, long n)
{
    return o + cg_put_decimal(o, n, 0);
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

/* The flags a row notes, by name (each name shorter than 16 bytes). */
static const struct {
    unsigned flag;
    char name[16];
} note_names[] = {{CG_REF_BODY_INFERRED, "body-inferred"},
                  {CG_REF_YEAR_INFERRED, "year-inferred"},
                  {CG_REF_CASE_INFERRED, "case-by-date"},
                  {CG_REF_CASE_CONTEXT, "case-by-context"},
                  {CG_REF_AMBIGUOUS, "ambiguous"}};
#define NNOTES (sizeof note_names / sizeof note_names[0])

/* Room for the notes of a row: every name and a comma after it. */
#define NOTES_ROOM (NNOTES * sizeof note_names[0].name)

/* Writes the notes of a row at o: the names of its flags, comma-separated. */
static char *notes_at(char *o, unsigned flags)
{
    const char *start = o;
    for (size_t i = 0; i < NNOTES && flags != 0; i++) {
        if (!(flags & note_names[i].flag))
            continue;
        if (o != start)
            *o++ = ',';
        o = put_bytes(o, note_names[i].name, strnlen(note_names[i].name, sizeof note_names[i].name));
    }
    return o;
}

cg_status cg_tsv_put_field(cg_buf *out, const char *s)
{
    size_t n = strlen(s);
    if (n == 0)
        return CG_OK;
    cg_status st = room(out, n);
    if (st == CG_OK)
        wrote(out, folded_at(out->data + out->len, s, n));
    return st;
}

/* A string and its length. */
typedef struct sized {
    const char *s;
    size_t n;
} sized;

/* s with its length. */
static sized sized_of(const char *s)
{
    return (sized){s, strlen(s)};
}

/* What every row of a document repeats, formatted once: the file and the
 * source, TSV-folded or as JSON strings; the names of kinds and ways. */
typedef struct doc_fields {
    cg_buf file, source;
    sized kinds[CG_KIND_COUNT];
    sized vias[CG_VIA_COUNT];
} doc_fields;

/* Fills d for the rows of a document in format; cleared by doc_free. */
static cg_status doc_init(doc_fields *d, cg_refs_format format, const char *file,
                          const char *source)
{
    memset(d, 0, sizeof *d);
    for (int k = 0; k < CG_KIND_COUNT; k++)
        d->kinds[k] = sized_of(cg_kind_name((cg_kind)k));
    for (int v = 0; v < CG_VIA_COUNT; v++)
        d->vias[v] = sized_of(cg_via_name((cg_via)v));
    if (format == CG_REFS_TSV) {
        cg_status st = cg_tsv_put_field(&d->file, file);
        if (st == CG_OK)
            st = cg_tsv_put_field(&d->source, source);
        if (st == CG_OK && d->file.data == NULL)
            st = cg_buf_reserve(&d->file, 0);
        if (st == CG_OK && d->source.data == NULL)
            st = cg_buf_reserve(&d->source, 0);
        return st;
    }
    cg_status st = cg_json_put_string(&d->file, file, strlen(file));
    return st == CG_OK ? cg_json_put_string(&d->source, source, strlen(source)) : st;
}

/* Releases what doc_init allocated. */
static void doc_free(doc_fields *d)
{
    cg_buf_free(&d->file);
    cg_buf_free(&d->source);
}

/* The fields of one row, their lengths known. */
typedef struct row {
    long line, column;
    sized kind, via, target, aliases, pinpoint;
    const char *text; /* as written in the raw bytes, not yet folded */
    size_t text_len;
    unsigned flags;
} row;

/* Appends r as a TSV row. */
static cg_status tsv_row(cg_buf *out, const doc_fields *d, const row *r)
{
    size_t need = d->file.len + d->source.len + r->kind.n + r->target.n + r->text_len +
                  r->aliases.n + NOTES_ROOM + r->via.n + r->pinpoint.n + 2 * NUMBER_ROOM + NCOLUMNS;
    cg_status st = room(out, need);
    if (st != CG_OK)
        return st;
    char *o = out->data + out->len;
    o = put_bytes(o, d->file.data, d->file.len);
    *o++ = '\t';
    o = decimal_at(o, r->line);
    *o++ = '\t';
    o = put_bytes(o, d->source.data, d->source.len);
    *o++ = '\t';
    o = put_bytes(o, r->kind.s, r->kind.n);
    *o++ = '\t';
    o = folded_at(o, r->target.s, r->target.n);
    *o++ = '\t';
    o = folded_at(o, r->text, r->text_len);
    *o++ = '\t';
    o = decimal_at(o, r->column);
    *o++ = '\t';
    o = folded_at(o, r->aliases.s, r->aliases.n);
    *o++ = '\t';
    o = notes_at(o, r->flags);
    *o++ = '\t';
    o = put_bytes(o, r->via.s, r->via.n);
    *o++ = '\t';
    o = folded_at(o, r->pinpoint.s, r->pinpoint.n);
    *o++ = '\n';
    wrote(out, o);
    return CG_OK;
}

/* Room for the names and punctuation of a JSON row (111 bytes). */
#define JSON_ROW_ROOM 128

/* Writes the literal s at o. */
#define PUT_LITERAL(o, s) put_bytes(o, s, sizeof s - 1)

/* Appends r as a JSON Lines row; folded holds its text folded. */
static cg_status json_row(cg_buf *out, const doc_fields *d, const row *r, cg_buf *folded)
{
    /* the text folded first: at most as long as written */
    cg_buf_clear(folded);
    cg_status st = room(folded, r->text_len);
    if (st != CG_OK)
        return st;
    wrote(folded, folded_at(folded->data, r->text, r->text_len));
    /* a JSON string takes at most six bytes a byte and its quotes; the
     * aliases, at most one string and a comma for each byte */
    size_t need = JSON_ROW_ROOM + d->file.len + d->source.len + 2 * NUMBER_ROOM + r->kind.n +
                  NOTES_ROOM + r->via.n + 6 * (r->target.n + folded->len + r->pinpoint.n) + 6 +
                  9 * r->aliases.n;
    st = room(out, need);
    if (st != CG_OK)
        return st;
    char *o = out->data + out->len;
    o = PUT_LITERAL(o, "{\"file\":");
    o = put_bytes(o, d->file.data, d->file.len);
    o = PUT_LITERAL(o, ",\"line\":");
    o = decimal_at(o, r->line);
    o = PUT_LITERAL(o, ",\"column\":");
    o = decimal_at(o, r->column);
    o = PUT_LITERAL(o, ",\"source\":");
    o = put_bytes(o, d->source.data, d->source.len);
    o = PUT_LITERAL(o, ",\"kind\":\"");
    o = put_bytes(o, r->kind.s, r->kind.n);
    o = PUT_LITERAL(o, "\",\"target\":");
    o = json_at(o, r->target.s, r->target.n);
    o = PUT_LITERAL(o, ",\"text\":");
    o = json_at(o, folded->data, folded->len);
    o = PUT_LITERAL(o, ",\"aliases\":[");
    const char *a = r->aliases.s, *end = a + r->aliases.n;
    for (const char *p = a; p < end;) {
        const char *bar = memchr(p, '|', (size_t)(end - p));
        size_t n = bar ? (size_t)(bar - p) : (size_t)(end - p);
        if (p != a)
            *o++ = ',';
        o = json_at(o, p, n);
        p += n + (bar ? 1 : 0);
    }
    o = PUT_LITERAL(o, "],\"notes\":\"");
    o = notes_at(o, r->flags);
    o = PUT_LITERAL(o, "\",\"via\":\"");
    o = put_bytes(o, r->via.s, r->via.n);
    o = PUT_LITERAL(o, "\",\"pinpoint\":");
    o = json_at(o, r->pinpoint.s, r->pinpoint.n);
    o = PUT_LITERAL(o, "}\n");
    wrote(out, o);
    return CG_OK;
}

/* The name of i in names (n of them), or name(i) when out of range. */
#define NAME_IN(names, n, i, name) ((unsigned)(i) < (n) ? (names)[i] : sized_of(name(i)))

/* A first guess at the bytes of a row past the file and the source. */
#define ROW_GUESS_TSV 48
#define ROW_GUESS_JSONL 160

cg_status cg_refs_write(cg_buf *out, cg_refs_format format, const char *file,
                        const char *source, cg_text *text, const cg_refs *refs)
{
    if (refs->n == 0)
        return CG_OK;
    doc_fields d;
    cg_buf folded = {0};
    cg_status st = doc_init(&d, format, file, source);
    /* room for the rows of the document, as guessed, at once */
    size_t guess = d.file.len + d.source.len + (format == CG_REFS_TSV ? ROW_GUESS_TSV : ROW_GUESS_JSONL);
    if (st == CG_OK && refs->n < SIZE_MAX / guess)
        st = cg_buf_reserve(out, refs->n * guess);
    size_t hints[2] = {0, 0};
    for (size_t i = 0; i < refs->n && st == CG_OK; i++) {
        const cg_ref *ref = &refs->items[i];
        size_t a, b;
        raw_span(text, ref, &a, &b, hints);
        row r;
        cg_text_position(text, a, &r.line, &r.column);
        r.kind = NAME_IN(d.kinds, CG_KIND_COUNT, ref->kind, cg_kind_name);
        r.via = NAME_IN(d.vias, CG_VIA_COUNT, ref->via, cg_via_name);
        r.target = sized_of(cg_refs_target(refs, ref));
        r.aliases = sized_of(cg_refs_aliases(refs, ref));
        r.pinpoint = sized_of(cg_refs_pinpoint(refs, ref));
        r.text = text->raw + a;
        r.text_len = b - a;
        r.flags = ref->flags;
        st = format == CG_REFS_TSV ? tsv_row(out, &d, &r) : json_row(out, &d, &r, &folded);
    }
    cg_buf_free(&folded);
    doc_free(&d);
    return st;
}
