/* Web sources (spec 4).  A URL starts with http://, https:// or www.
 * and runs to a space, a quote or an angle bracket; trailing sentence
 * punctuation and an unbalanced ')' are not part of it.  A URL that
 * pdftotext wrapped at a line end goes on on the next line when that
 * line starts with a path-like piece ("_11944_E.pdf"). */
#include <string.h>

#include "internal.h"

static int url_byte(unsigned char c)
{
    if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == '`' || c == '{' || c == '}' ||
        c == '|' || c == '^')
        return 0;
    return 1;
}

/* Whether q starts a UTF-8 typographic quote (they end a URL). */
static int quote_at(const char *q, const char *end)
{
    const unsigned char *u = (const unsigned char *)q;
    return end - q >= 3 && u[0] == 0xE2 && u[1] == 0x80 &&
           (u[2] == 0x9C || u[2] == 0x9D || u[2] == 0x98 || u[2] == 0x99);
}

static const char *url_run(const char *p, const char *end)
{
    while (p < end && url_byte((unsigned char)*p) && !quote_at(p, end))
        p++;
    return p;
}

/* Whether the piece [p, e) looks like the rest of a wrapped URL. */
static int continuation(const char *p, const char *e)
{
    if (e - p < 2)
        return 0;
    if (*p == '_' || *p == '/' || *p == '%' || *p == '-' || *p == '?' || *p == '&' || *p == '=')
        return 1;
    static const char *const exts[] = {".pdf", ".htm", ".aspx", ".php", ".asp", ".doc", ".xls", ".jsp", NULL};
    for (const char *q = p; q < e; q++) {
        if (!(cg_is_alnum((unsigned char)*q) || strchr("_%-/.?=&#~+", *q)))
            return 0;
    }
    for (size_t i = 0; exts[i]; i++) {
        size_t n = strlen(exts[i]);
        for (const char *q = p; q + n <= e; q++)
            if (memcmp(q, exts[i], n) == 0)
                return 1;
    }
    return memchr(p, '/', (size_t)(e - p)) != NULL;
}

void cg_url_canonical(const char *text, size_t len, char *out, size_t outlen)
{
    size_t o = 0;
    const char *p = text, *end = text + len;
    if (outlen == 0)
        return;
    if (len >= 4 && memcmp(p, "www.", 4) == 0) {
        const char *https = "https://";
        for (; *https && o + 1 < outlen; https++)
            out[o++] = *https;
    }
    /* lower-case the scheme and host */
    const char *sep = NULL;
    for (const char *q = p; q + 2 < end; q++)
        if (q[0] == ':' && q[1] == '/' && q[2] == '/') {
            sep = q + 3;
            break;
        }
    const char *host_end = sep ? sep : p;
    while (host_end < end && *host_end != '/' && *host_end != '?' && *host_end != '#')
        host_end++;
    for (const char *q = p; q < end && o + 1 < outlen; q++) {
        if (*q == '\\' || *q == '\n')
            continue;
        out[o++] = q < host_end ? (char)cg_ascii_lower((unsigned char)*q) : *q;
    }
    out[o] = '\0';
}

const char *scan_url(scan *s, const char *p)
{
    const char *end = s->end;
    size_t left = (size_t)(end - p);
    int www = left > 4 && memcmp(p, "www.", 4) == 0;
    if (!www && !(left > 8 && memcmp(p, "https://", 8) == 0) &&
        !(left > 7 && memcmp(p, "http://", 7) == 0))
        return NULL;
    char buf[CG_ID_MAX];
    size_t n = 0;
    const char *q = url_run(p, end);
    const char *last = q;
    for (const char *r = p; r < q && n + 1 < sizeof buf; r++)
        buf[n++] = *r;
    /* a URL wrapped at the end of a line */
    while (q < end && *q == '\n' && q - p > 20) {
        const char *r = q + 1;
        while (r < end && (*r == ' ' || *r == '\t'))
            r++;
        const char *e = url_run(r, end);
        const char *trim = e;
        while (trim > r && strchr(".,;:", trim[-1]))
            trim--;
        if (!continuation(r, trim))
            break;
        for (const char *t = r; t < e && n + 1 < sizeof buf; t++)
            buf[n++] = *t;
        q = last = e;
    }
    /* trailing punctuation of the sentence */
    for (;;) {
        if (n == 0)
            break;
        char c = buf[n - 1];
        if (strchr(".,;:!?'*\\", c)) {
            n--;
            continue;
        }
        if (c == ')' || c == ']') {
            char open = c == ')' ? '(' : '[';
            int depth = 0;
            for (size_t i = 0; i < n; i++)
                depth += buf[i] == open ? 1 : buf[i] == c ? -1 : 0;
            if (depth < 0) {
                n--;
                continue;
            }
        }
        break;
    }
    if (n <= (size_t)(www ? 6 : 10))
        return last;
    /* find where the kept text ends in the source, for the span */
    const char *span_end = p;
    size_t k = 0;
    for (const char *r = p; r < last && k < n; r++) {
        if (*r == '\n' || *r == ' ' || *r == '\t')
            continue;
        k++;
        span_end = r + 1;
    }
    char id[CG_ID_MAX];
    cg_url_canonical(buf, n, id, sizeof id);
    scan_emit(s, CG_KIND_URL, 0, p, span_end, id, NULL);
    return last;
}
