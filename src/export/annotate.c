/* The annotated document: the text of a document as one HTML page, its
 * paragraphs (runs of lines between blank lines) as paragraphs, its
 * footnotes set apart, and each reference a link to where its target is
 * read, with the canonical id and kind in the tooltip.  Linear in the
 * text and the references. */
#include "html_impl.h"

/* Whether the line at p starts a footnote: a superscript mark, or a
 * number of one to three digits followed by a space or a line end. */
static int note_line(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    const unsigned char *u = (const unsigned char *)p;
    if (end - p >= 2 && u[0] == 0xC2 && (u[1] == 0xB9 || u[1] == 0xB2 || u[1] == 0xB3))
        return 1;
    if (end - p >= 3 && u[0] == 0xE2 && u[1] == 0x81 && (u[2] == 0xB0 || (u[2] >= 0xB4 && u[2] <= 0xB9)))
        return 1;
    size_t d = 0;
    while (p + d < end && p[d] >= '0' && p[d] <= '9')
        d++;
    return d >= 1 && d <= 3 && (p + d == end || p[d] == ' ' || p[d] == '\n' || p[d] == '\t');
}

/* Whether [p, e) holds only spaces. */
static int blank(const char *p, const char *e)
{
    for (; p < e; p++)
        if (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\f')
            return 0;
    return 1;
}

/* One reference as a link (or a marked span when its target has no address). */
static cg_status put_ref(cg_buf *out, const cg_refs *refs, const cg_ref *r, const char *s,
                         size_t n)
{
    const char *id = cg_refs_target(refs, r);
    const char *aliases = cg_refs_aliases(refs, r);
    const char *pin = cg_refs_pinpoint(refs, r);
    char url[CG_LINK_MAX];
    int linked = cg_link_url((int)r->kind, id, url, sizeof url);
    cg_status st = cg_buf_printf(out, linked ? "<a class=\"ref k-%s%s\" href=\"" : "<span class=\"ref k-%s%s",
                                 cg_kind_name(r->kind), r->via != CG_VIA_NONE ? " via" : "");
    if (st == CG_OK && linked) st = cg_html_put_str(out, url);
    if (st == CG_OK) st = cg_buf_puts(out, "\" title=\"");
    if (st == CG_OK) st = cg_html_put_str(out, id);
    if (st == CG_OK) st = cg_buf_printf(out, " (%s", cg_kind_name(r->kind));
    if (st == CG_OK && r->via != CG_VIA_NONE)
        st = cg_buf_printf(out, ", by %s", r->via == CG_VIA_IBID ? "Ibid." : "a defined term");
    if (st == CG_OK) st = cg_buf_puts(out, ")");
    if (st == CG_OK && aliases[0]) {
        st = cg_buf_puts(out, "; also ");
        if (st == CG_OK) st = cg_html_put_str(out, aliases);
    }
    if (st == CG_OK && pin[0]) {
        st = cg_buf_puts(out, "; ");
        if (st == CG_OK) st = cg_html_put_str(out, pin);
    }
    if (st == CG_OK) st = cg_buf_puts(out, "\">");
    if (st == CG_OK) st = cg_html_put_escaped(out, s, n);
    if (st == CG_OK) st = cg_buf_puts(out, linked ? "</a>" : "</span>");
    return st;
}

/* The heading: title, source, the references counted by kind. */
static cg_status put_header(cg_buf *out, const char *title, const char *source,
                            const cg_refs *refs)
{
    size_t count[CG_KIND_COUNT] = {0};
    for (size_t i = 0; i < refs->n; i++)
        if ((unsigned)refs->items[i].kind < CG_KIND_COUNT)
            count[refs->items[i].kind]++;
    cg_status st = cg_buf_puts(out, "<header>\n<h1>");
    if (st == CG_OK) st = cg_html_put_str(out, title);
    if (st == CG_OK) st = cg_buf_puts(out, "</h1>\n<p class=\"meta\">");
    if (st == CG_OK) st = cg_html_put_str(out, source);
    if (st == CG_OK) st = cg_buf_printf(out, " &middot; %zu references", refs->n);
    for (int k = 0; k < CG_KIND_COUNT && st == CG_OK; k++)
        if (count[k])
            st = cg_buf_printf(out, " &middot; <span class=\"k-%s\">%zu %s</span>",
                               cg_kind_name((cg_kind)k), count[k], cg_kind_name((cg_kind)k));
    if (st == CG_OK)
        st = cg_buf_puts(out, "<br>Each reference links to its target; hover over it for its "
                              "id and kind.  Dotted: <i>Ibid.</i> or a defined term.</p>\n"
                              "</header>\n");
    return st;
}

cg_status cg_annotate_write(cg_buf *out, const char *title, const char *source,
                            const cg_text *text, const cg_refs *refs, int use_raw)
{
    const char *s = use_raw ? text->raw : text->clean;
    size_t len = use_raw ? text->raw_len : text->clean_len;
    if (s == NULL) {
        s = "";
        len = 0;
    }
    cg_status st = cg_html_page_start(out, title, 0);
    if (st == CG_OK) st = put_header(out, title, source, refs);
    size_t ri = 0, pos = 0;
    while (pos < len && st == CG_OK) {
        /* the next paragraph: [a, b) up to a blank line */
        size_t a = pos;
        while (a < len) {
            const char *eol = memchr(s + a, '\n', len - a);
            size_t e = eol ? (size_t)(eol - s) : len;
            if (!blank(s + a, s + e))
                break;
            a = e < len ? e + 1 : len;
        }
        if (a >= len)
            break;
        size_t b = a;
        while (b < len) {
            const char *eol = memchr(s + b, '\n', len - b);
            size_t e = eol ? (size_t)(eol - s) : len;
            if (blank(s + b, s + e))
                break;
            b = e < len ? e + 1 : len;
        }
        const char *eol = memchr(s + a, '\n', b - a);
        st = cg_buf_puts(out, note_line(s + a, eol ? eol : s + b) ? "<p class=\"note\">" : "<p>");
        size_t at = a;
        while (st == CG_OK) {
            const cg_ref *r = NULL;
            size_t rs = 0, re = 0;
            while (ri < refs->n) {
                const cg_ref *c = &refs->items[ri];
                rs = use_raw ? cg_text_raw_offset(text, c->start) : c->start;
                re = use_raw ? cg_text_raw_offset(text, c->end) : c->end;
                if (rs >= b)
                    break;
                ri++;
                if (rs >= at && re <= b && re > rs) { /* overlaps and strays are plain text */
                    r = c;
                    break;
                }
            }
            if (r == NULL)
                break;
            st = cg_html_put_escaped(out, s + at, rs - at);
            if (st == CG_OK) st = put_ref(out, refs, r, s + rs, re - rs);
            at = re;
        }
        size_t z = b;
        while (z > at && (s[z - 1] == '\n' || s[z - 1] == ' ' || s[z - 1] == '\r'))
            z--;
        if (st == CG_OK) st = cg_html_put_escaped(out, s + at, z - at);
        if (st == CG_OK) st = cg_buf_puts(out, "</p>\n");
        pos = b;
    }
    if (st == CG_OK) st = cg_html_page_end(out);
    return st;
}
