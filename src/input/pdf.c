/* PDF input through poppler's C API (poppler-glib).  poppler gives each
 * page's text in reading order, one line of the page a line, and the box
 * of every character; from the boxes this module
 *  - joins the pieces of one printed line that poppler splits (a
 *    paragraph number and its text, the cells of a table row), with a
 *    space where the gap between characters is wider than a space;
 *  - puts a blank line where the vertical gap is wider than the line
 *    spacing (paragraphs, headings) and between pages;
 *  - writes digits raised above the line in a smaller size as Unicode
 *    superscripts, the footnote marks the extractor knows;
 *  - drops the running header at the top of the pages after the first
 *    (the document's symbol, "English", "Page N") and the footer at the
 *    bottom of every page (page numbers, the job number "24-01234 (E)",
 *    its date stamp and bar code, "/...").
 * Linear in the number of characters.  poppler-glib is loaded when the
 * first PDF is read (pdf_lib.h). */
#include "pdf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pdf_lib.h"
#include "text_impl.h"

/* The text being written, and whether memory ran out on the way. */
typedef struct text_out {
    cg_buf buf;
    int nomem;
} text_out;

static void out_append(text_out *out, const char *s, size_t n)
{
    if (cg_buf_append(&out->buf, s, n) != CG_OK)
        out->nomem = 1;
}

static void out_puts(text_out *out, const char *s)
{
    out_append(out, s, strlen(s));
}

static void out_putc(text_out *out, char c)
{
    out_append(out, &c, 1);
}

/* Whether the text ends with a space. */
static int out_ends_in_space(const text_out *out)
{
    return out->buf.len > 0 && out->buf.data[out->buf.len - 1] == ' ';
}

/* Drops the last byte of the text (there is one). */
static void out_drop_last(text_out *out)
{
    out->buf.data[--out->buf.len] = '\0';
}

/* Drops the spaces at the end of the text. */
static void out_trim_spaces(text_out *out)
{
    while (out_ends_in_space(out))
        out_drop_last(out);
}

static int is_ascii_alnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* One printed line: a run of characters and its box. */
typedef struct line {
    size_t from, to;              /* characters [from, to) */
    double top, bottom, left, right, height;
    char before[4], after[4];     /* footnote marks set apart by poppler */
    int mark;                     /* 1: this line is a mark moved into another */
} line;

/* A page's characters: pointers into poppler's text and their boxes. */
typedef struct page {
    const char **ch;    /* start of each character in the text */
    size_t *len;        /* its length in bytes */
    PopplerRectangle *box;
    size_t n;
    line *lines;
    size_t nlines;
    double height;
} page;

static int is_space_char(const char *s, size_t n)
{
    return n == 1 && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n');
}

/* Splits the page's characters into lines at '\n' and measures them. */
static int page_lines(page *pg)
{
    pg->lines = cg_calloc(pg->n + 1, sizeof *pg->lines);
    pg->nlines = 0;
    if (pg->lines == NULL)
        return 0;
    size_t start = 0;
    for (size_t i = 0; i <= pg->n; i++) {
        if (i < pg->n && !(pg->len[i] == 1 && pg->ch[i][0] == '\n'))
            continue;
        line l = {start, i, 1e300, -1e300, 1e300, -1e300, 0, "", "", 0};
        for (size_t k = start; k < i; k++) {
            if (is_space_char(pg->ch[k], pg->len[k]))
                continue;
            const PopplerRectangle *b = &pg->box[k];
            if (b->y1 < l.top) l.top = b->y1;
            if (b->y2 > l.bottom) l.bottom = b->y2;
            if (b->x1 < l.left) l.left = b->x1;
            if (b->x2 > l.right) l.right = b->x2;
            if (b->y2 - b->y1 > l.height) l.height = b->y2 - b->y1;
        }
        if (l.height > 0)
            pg->lines[pg->nlines++] = l;
        start = i + 1;
    }
    return 1;
}

/* Whether line b continues line a on the same printed line. */
static int same_row(const line *a, const line *b)
{
    double h = a->height > b->height ? a->height : b->height;
    double d = a->bottom - b->bottom;
    return (d < 0 ? -d : d) < 0.35 * h && b->left >= a->right - 1.0;
}

/* The text of a line with spaces collapsed, for the header patterns. */
static void line_text(const page *pg, const line *l, char *out, size_t outlen)
{
    size_t n = 0;
    for (size_t k = l->from; k < l->to && n + 5 < outlen; k++) {
        if (is_space_char(pg->ch[k], pg->len[k])) {
            if (n > 0 && out[n - 1] != ' ')
                out[n++] = ' ';
            continue;
        }
        memcpy(out + n, pg->ch[k], pg->len[k]);
        n += pg->len[k];
    }
    while (n > 0 && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
}

static int all_digits(const char *s, size_t min, size_t max)
{
    size_t n = strspn(s, "0123456789");
    return s[n] == '\0' && n >= min && n <= max;
}

/* A document symbol alone: "S/2004/908", "A/78/738", "A/HRC/55/L.1/Rev.1". */
static int symbol_alone(const char *s)
{
    if (!(s[0] >= 'A' && s[0] <= 'Z') || strchr(s, '/') == NULL)
        return 0;
    for (const char *p = s; *p; p++)
        if (!is_ascii_alnum(*p) && strchr("/.-()", *p) == NULL)
            return 0;
    return 1;
}

/* "Page 12", "English Page 12", "English", "12/31", "12". */
static int page_label(const char *s)
{
    if (strncmp(s, "English", 7) == 0) {
        s += 7;
        if (*s == '\0')
            return 1;
        if (*s++ != ' ')
            return 0;
    }
    if (strncmp(s, "Page ", 5) == 0)
        return all_digits(s + 5, 1, 4);
    const char *slash = strchr(s, '/');
    if (slash && slash != s) {
        char a[16];
        size_t n = (size_t)(slash - s);
        if (n >= sizeof a)
            return 0;
        memcpy(a, s, n);
        a[n] = '\0';
        return all_digits(a, 1, 4) && all_digits(slash + 1, 1, 4);
    }
    return all_digits(s, 1, 4);
}

/* The job number "04-60432 (E)", optionally with its date stamp; the
 * date stamp "191104" alone; the bar code "*0460432*"; "/..."; "Please recycle". */
static int job_line(const char *s)
{
    if (strcmp(s, "/...") == 0 || strncmp(s, "Please recycle", 14) == 0)
        return 1;
    size_t n = strlen(s);
    if (n >= 3 && s[0] == '*' && s[n - 1] == '*') {
        for (size_t i = 1; i + 1 < n; i++)
            if (!is_ascii_alnum(s[i]))
                return 0;
        return 1;
    }
    if (all_digits(s, 6, 6))
        return 1;
    size_t d = strspn(s, "0123456789");
    if (d != 2 || s[2] != '-')
        return 0;
    const char *p = s + 3;
    size_t e = strspn(p, "0123456789");
    if (e < 4 || e > 6)
        return 0;
    p += e;
    if (*p == '\0')
        return 1;
    if (strncmp(p, " (E)", 4) != 0)
        return 0;
    p += 4;
    if (*p == ' ')
        p++;
    return *p == '\0' || all_digits(p, 6, 6);
}

/* Whether a line is a running header or footer of page number index. */
static int running_line(const page *pg, const line *l, int index)
{
    char s[256];
    line_text(pg, l, s, sizeof s);
    if (l->bottom <= 0.12 * pg->height && index > 0)
        return symbol_alone(s) || page_label(s);
    if (l->top >= 0.88 * pg->height)
        return job_line(s) || page_label(s) || (index > 0 && symbol_alone(s));
    return 0;
}

static int is_digit_char(const char *s, size_t n)
{
    return n == 1 && *s >= '0' && *s <= '9';
}

/* Appends a digit as a superscript. */
static void put_superscript(text_out *out, char d)
{
    static const char *const sup[] = {"\u2070", "\u00B9", "\u00B2", "\u00B3", "\u2074",
                                      "\u2075", "\u2076", "\u2077", "\u2078", "\u2079"};
    out_puts(out, sup[d - '0']);
}

/* Whether character k is a digit raised above the line in a smaller size. */
static int raised_digit(const page *pg, const line *l, size_t k)
{
    const PopplerRectangle *b = &pg->box[k];
    return is_digit_char(pg->ch[k], pg->len[k]) && b->y2 - b->y1 < 0.8 * l->height &&
           b->y2 < l->bottom - 0.2 * l->height;
}

/* Length of the footnote mark at k: one to three raised digits not
 * followed by another digit; 0 if there is none. */
static size_t raised_run(const page *pg, const line *l, size_t k, size_t to)
{
    size_t r = k;
    while (r < to && r - k < 4 && raised_digit(pg, l, r))
        r++;
    if (r == k || r - k > 3 || (r < to && is_digit_char(pg->ch[r], pg->len[r])) ||
        (k > 0 && is_digit_char(pg->ch[k - 1], pg->len[k - 1])))
        return 0;
    return r - k;
}

/* Appends the characters [from, to) of a printed line whose baseline
 * and size are those of l, with spaces where gaps are wide; *prev_right
 * is the right edge of the last character that is not a space. */
static void put_chars(text_out *out, const page *pg, const line *l, size_t from, size_t to,
                      double *prev_right, int *prev_space)
{
    for (size_t k = from; k < to; k++) {
        const char *c = pg->ch[k];
        size_t n = pg->len[k];
        const PopplerRectangle *b = &pg->box[k];
        if (is_space_char(c, n)) {
            if (!*prev_space)
                out_putc(out, ' ');
            *prev_space = 1; /* *prev_right stays the end of the last ink */
            continue;
        }
        if (!*prev_space && *prev_right > -1e299 && b->x1 - *prev_right > 0.25 * l->height) {
            out_putc(out, ' ');
        }
        size_t run = raised_run(pg, l, k, to);
        if (run > 0) {
            /* a mark set close to its word: no space between them */
            if (*prev_space && out_ends_in_space(out) && b->x1 - *prev_right < 0.25 * l->height)
                out_drop_last(out);
            for (size_t r = k; r < k + run; r++)
                put_superscript(out, *pg->ch[r]);
            k += run - 1;
            b = &pg->box[k];
        } else {
            out_append(out, c, n);
        }
        *prev_space = 0;
        *prev_right = b->x2;
    }
}

/* The digits of a line made of one to three digits only, or 0. */
static size_t digits_only(const page *pg, const line *l, char *out)
{
    size_t n = 0;
    for (size_t k = l->from; k < l->to; k++) {
        if (is_space_char(pg->ch[k], pg->len[k]))
            continue;
        if (!is_digit_char(pg->ch[k], pg->len[k]) || n == 3)
            return 0;
        out[n++] = *pg->ch[k];
    }
    out[n] = '\0';
    return n;
}

/* poppler gives a footnote mark raised in a smaller size as a line of
 * its own: moves it into the line it is raised above, at its end (a
 * call in the text) or its start (the footnote itself). */
static void attach_marks(page *pg)
{
    for (size_t i = 0; i < pg->nlines; i++) {
        line *m = &pg->lines[i];
        char d[4];
        if (!digits_only(pg, m, d))
            continue;
        for (size_t j = 0; j < pg->nlines; j++) {
            line *r = &pg->lines[j];
            char rd[4];
            if (j == i || r->mark || digits_only(pg, r, rd) || m->height >= 0.85 * r->height ||
                m->bottom >= r->bottom - 0.15 * r->height || m->bottom <= r->top)
                continue;
            if (m->left >= r->right - 1 && m->left - r->right < 0.6 * r->height && !r->after[0]) {
                memcpy(r->after, d, sizeof d);
            } else if (r->left >= m->right - 1 && r->left - m->right < 0.6 * r->height &&
                       !r->before[0]) {
                memcpy(r->before, d, sizeof d);
            } else {
                continue;
            }
            m->mark = 1;
            break;
        }
    }
}

/* Appends the text of one page; 0 if out of memory. */
static int page_text(text_out *out, page *pg, int index)
{
    if (!page_lines(pg))
        return 0;
    attach_marks(pg);
    const line *prev = NULL;
    for (size_t i = 0; i < pg->nlines; i++) {
        line row = pg->lines[i];
        if (row.mark || running_line(pg, &row, index))
            continue;
        /* the pieces of the same printed line */
        size_t j = i + 1;
        line last = row;
        while (j < pg->nlines && !pg->lines[j].mark && same_row(&last, &pg->lines[j])) {
            last = pg->lines[j];
            if (last.top < row.top) row.top = last.top;
            if (last.bottom > row.bottom) row.bottom = last.bottom;
            if (last.height > row.height) row.height = last.height;
            row.right = last.right;
            j++;
        }
        if (prev != NULL) {
            double h = prev->height > row.height ? prev->height : row.height;
            if (row.top - prev->bottom > 0.8 * h || row.bottom < prev->top)
                out_putc(out, '\n');
        }
        double right = -1e300;
        int space = 1;
        for (size_t k = i; k < j; k++) {
            const line *piece = &pg->lines[k];
            if (k > i && !space && piece->left - right <= 0.25 * row.height) {
                out_putc(out, ' ');
                space = 1;
            }
            for (const char *d = piece->before; *d; d++)
                put_superscript(out, *d);
            if (piece->before[0]) {
                out_putc(out, ' ');
                space = 1;
            }
            put_chars(out, pg, &row, piece->from, piece->to, &right, &space);
            if (piece->after[0])
                out_trim_spaces(out);
            for (const char *d = piece->after; *d; d++)
                put_superscript(out, *d);
        }
        out_trim_spaces(out);
        out_putc(out, '\n');
        pg->lines[i] = row;
        prev = &pg->lines[i];
        i = j - 1;
    }
    out_putc(out, '\n');
    return !out->nomem;
}

/* The byte after the UTF-8 character at p (poppler's text is UTF-8). */
static const char *next_char(const char *p)
{
    p++;
    while ((*p & 0xC0) == 0x80)
        p++;
    return p;
}

/* Splits text into characters matched with the n boxes; 0 if the counts
 * differ, -1 if out of memory. */
static int page_chars(page *pg, const char *text, PopplerRectangle *box, guint nbox)
{
    size_t n = 0;
    for (const char *p = text; *p; p = next_char(p))
        n++;
    if (n != nbox)
        return 0;
    pg->ch = cg_malloc((n + 1) * sizeof *pg->ch);
    pg->len = cg_malloc((n + 1) * sizeof *pg->len);
    if (pg->ch == NULL || pg->len == NULL)
        return -1;
    pg->box = box;
    pg->n = n;
    size_t k = 0;
    for (const char *p = text; *p; p = next_char(p), k++) {
        pg->ch[k] = p;
        pg->len[k] = (size_t)(next_char(p) - p);
    }
    return 1;
}

/* Frees the bytes of a file given to GLib. */
static void free_bytes(gpointer bytes)
{
    cg_free(bytes);
}

/* The bytes of the file at path into out; CG_EIO or CG_ELIMIT. */
static cg_status read_file(const char *path, cg_buf *out, cg_error *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return cg_error_set(err, CG_EIO, path, 0, 0, "cannot read: %s", strerror(errno));
    struct stat sb;
    size_t size = fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) &&
                          (uintmax_t)sb.st_size <= CG_TEXT_MAX_BYTES
                      ? (size_t)sb.st_size : 0;
    cg_status st = text_read_all(fd, path, size, out, err);
    close(fd);
    return st;
}

cg_status cg_pdf_read_text(const char *path, cg_buf *out, cg_error *err)
{
    cg_buf file = {0};
    cg_status st = read_file(path, &file, err);
    if (st != CG_OK)
        return st;
    if (file.len < 5 || memcmp(file.data, "%PDF-", 5) != 0) {
        cg_buf_free(&file);
        return cg_error_set(err, CG_EINPUT, path, 0, 0, "not a PDF file; skipped");
    }
    const char *why = NULL;
    const cg_pdf_lib *lib = cg_pdf_lib_get(&why);
    if (lib == NULL) {
        cg_buf_free(&file);
        return cg_error_set(err, CG_EINPUT, path, 0, 0, "cannot read the PDF: %s; skipped", why);
    }
    /* the document keeps the bytes while it lives, then frees them */
    GError *gerr = NULL;
    PopplerDocument *doc = NULL;
    GBytes *gb = lib->bytes_new_with_free_func(file.data, file.len, free_bytes, file.data);
    if (gb == NULL)
        cg_buf_free(&file);
    if (gb != NULL) {
        doc = lib->document_new_from_bytes(gb, NULL, &gerr);
        lib->bytes_unref(gb);
    }
    if (doc == NULL) {
        st = cg_error_set(err, CG_EINPUT, path, 0, 0, "cannot read the PDF: %s; skipped",
                          gerr ? gerr->message : "unknown error");
        if (gerr)
            lib->error_free(gerr);
        return st;
    }
    text_out text = {{0}, 0};
    int pages = lib->document_get_n_pages(doc);
    size_t letters = 0;
    for (int i = 0; i < pages && !text.nomem; i++) {
        PopplerPage *p = lib->document_get_page(doc, i);
        if (p == NULL)
            continue;
        char *t = lib->page_get_text(p);
        PopplerRectangle *box = NULL;
        guint nbox = 0;
        page pg = {0};
        double w;
        lib->page_get_size(p, &w, &pg.height);
        int chars = t != NULL && lib->page_get_text_layout(p, &box, &nbox)
                        ? page_chars(&pg, t, box, nbox) : 0;
        if (chars < 0 || (chars > 0 && !page_text(&text, &pg, i))) {
            text.nomem = 1;
        } else if (chars == 0 && t != NULL) { /* no boxes: the text as poppler gives it */
            out_puts(&text, t);
            out_puts(&text, "\n\n");
        }
        for (const char *c = t ? t : ""; *c; c++)
            letters += is_ascii_alnum(*c);
        cg_free(pg.ch);
        cg_free(pg.len);
        cg_free(pg.lines);
        lib->free(box);
        lib->free(t);
        lib->object_unref(p);
    }
    lib->object_unref(doc);
    if (text.nomem)
        st = cg_error_set(err, CG_ENOMEM, path, 0, 0, "out of memory");
    else if (letters == 0)
        st = cg_error_set(err, CG_EINPUT, path, 0, 0, "no text layer: needs OCR");
    else if (cg_buf_append(out, text.buf.data, text.buf.len) != CG_OK)
        st = cg_error_set(err, CG_ENOMEM, path, 0, 0, "out of memory");
    cg_buf_free(&text.buf);
    return st;
}
