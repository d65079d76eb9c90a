/* What the HTML pages share: escaping, and the head of a page with its
 * style sheet (one file, nothing loaded from elsewhere). */
#include "html_impl.h"

cg_status cg_html_put_escaped(cg_buf *out, const char *s, size_t n)
{
    size_t from = 0;
    cg_status st = CG_OK;
    for (size_t i = 0; i < n && st == CG_OK; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *rep = NULL;
        switch (c) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default:
            if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F)
                rep = " ";
        }
        if (rep == NULL)
            continue;
        st = cg_buf_append(out, s + from, i - from);
        if (st == CG_OK)
            st = cg_buf_puts(out, rep);
        from = i + 1;
    }
    if (st == CG_OK)
        st = cg_buf_append(out, s + from, n - from);
    return st;
}

cg_status cg_html_put_str(cg_buf *out, const char *s)
{
    return cg_html_put_escaped(out, s, strlen(s));
}

static const char style[] =
    "body{margin:0;background:#fbfaf7;color:#1d1d1f;"
    "font:17px/1.6 Charter,'Bitstream Charter','Iowan Old Style',Georgia,'DejaVu Serif',serif}"
    "main{max-width:46em;margin:0 auto;padding:2em 1.5em 4em}"
    "header{border-bottom:1px solid #d8d4cc;margin-bottom:1.5em}"
    "h1{font-size:1.5em;line-height:1.25;margin:.4em 0}"
    "h2{font-size:1.2em;margin:2em 0 .6em}"
    "h3{font-size:1.02em;margin:1.4em 0 .4em}"
    ".meta{color:#5f5b53;font-size:.9em}"
    "p{margin:0 0 .9em;hyphens:auto}"
    "p.note{font-size:.86em;line-height:1.5;color:#3b3935;border-left:3px solid #d8d4cc;"
    "padding-left:.8em}"
    "a{color:#0b57a4}"
    "a.ref{text-decoration:none;border-bottom:1px solid currentColor;padding:0 .05em}"
    "a.ref:hover{background:#e8f0fb}"
    ".k-symbol{color:#0b57a4}.k-resolution{color:#a5520b}.k-icj{color:#b3261e}"
    ".k-url{color:#4f5b66}.k-other{color:#6b3fa0}.k-document{color:#24783a}"
    "a.via{border-bottom-style:dotted}"
    "span.ref{border-bottom:1px dashed #999}"
    "table{border-collapse:collapse;width:100%;font-size:.9em;margin:.4em 0 1em}"
    "th,td{text-align:left;padding:.25em .5em;border-bottom:1px solid #e3e0d9;"
    "vertical-align:top;overflow-wrap:anywhere}"
    "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}"
    "figure{margin:1em 0;overflow-x:auto}"
    "figure svg{max-width:100%;height:auto}"
    "figcaption{color:#5f5b53;font-size:.85em}"
    ".legend span{margin-right:1em;white-space:nowrap}"
    ".wide{max-width:70em}";

cg_status cg_html_page_start(cg_buf *out, const char *title, int wide)
{
    cg_status st = cg_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                                    "<meta charset=\"utf-8\">\n"
                                    "<meta name=\"viewport\" content=\"width=device-width, "
                                    "initial-scale=1\">\n<title>");
    if (st == CG_OK) st = cg_html_put_str(out, title);
    if (st == CG_OK) st = cg_buf_printf(out, "</title>\n<style>%s</style>\n</head>\n<body>\n"
                                             "<main%s>\n", style, wide ? " class=\"wide\"" : "");
    return st;
}

cg_status cg_html_page_end(cg_buf *out)
{
    return cg_buf_puts(out, "</main>\n</body>\n</html>\n");
}
