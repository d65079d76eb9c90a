/* Where a reference can be read on the web: UN documents at their
 * permanent address on undocs.org, decisions of the ICJ at the Court's
 * page of the case, judgments of the European Court of Human Rights in
 * HUDOC, web sources at themselves.  Shared by the annotated document
 * and the HTML report. */
#include <string.h>

#include "citegraph/export.h"

/* Appends byte c to out[*n] (percent-encoded unless safe in a path). */
static int put(char *out, size_t outlen, size_t *n, unsigned char c, int encode)
{
    static const char hex[] = "0123456789ABCDEF";
    int safe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               strchr("/.-_()~,+*:", c) != NULL;
    size_t need = !encode || safe ? 1 : 3;
    if (*n + need >= outlen)
        return 0;
    if (need == 1) {
        out[(*n)++] = (char)c;
    } else {
        out[(*n)++] = '%';
        out[(*n)++] = hex[c >> 4];
        out[(*n)++] = hex[c & 15];
    }
    return 1;
}

/* prefix followed by s[0..len), percent-encoded; a space before '(' is
 * dropped (S/RES/853 (1993) is read at S/RES/853(1993)). */
static int join(char *out, size_t outlen, const char *prefix, const char *s, size_t len,
                int encode)
{
    size_t n = 0;
    for (const char *p = prefix; *p; p++)
        if (!put(out, outlen, &n, (unsigned char)*p, 0))
            return 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == ' ' && i + 1 < len && s[i + 1] == '(')
            continue;
        if (!put(out, outlen, &n, (unsigned char)s[i], encode))
            return 0;
    }
    out[n] = '\0';
    return 1;
}

static int starts_ci(const char *s, const char *prefix)
{
    size_t n = strlen(prefix);
    return strlen(s) >= n && cg_ascii_caseeq(s, prefix, n);
}

int cg_link_url(int kind, const char *id, char *out, size_t outlen)
{
    if (outlen == 0)
        return 0;
    out[0] = '\0';
    switch (kind) {
    case CG_KIND_SYMBOL:
    case CG_KIND_RESOLUTION:
        if (strncmp(id, "doc:", 4) == 0 || id[0] == '\0')
            return 0;
        return join(out, outlen, "https://undocs.org/", id, strlen(id), 1);
    case CG_KIND_ICJ: {
        /* icj:CASE:TYPE:DATE; without a case, the Court's list of cases */
        const char *c = strncmp(id, "icj:", 4) == 0 ? id + 4 : NULL;
        const char *e = c ? strchr(c, ':') : NULL;
        if (c == NULL || e == NULL || e == c)
            return join(out, outlen, "https://www.icj-cij.org/list-of-all-cases", "", 0, 0);
        for (const char *d = c; d < e; d++)
            if (*d < '0' || *d > '9')
                return 0;
        return join(out, outlen, "https://www.icj-cij.org/case/", c, (size_t)(e - c), 0);
    }
    case CG_KIND_URL:
        if (!starts_ci(id, "http://") && !starts_ci(id, "https://"))
            return 0;
        for (const char *p = id; *p; p++)
            if ((unsigned char)*p <= ' ' || *p == '"' || *p == '<' || *p == '>')
                return 0;
        return join(out, outlen, "", id, strlen(id), 0);
    case CG_KIND_OTHER: {
        /* echr:APPNO:TYPE:DATE: the application in HUDOC */
        if (strncmp(id, "echr:", 5) != 0)
            return 0;
        const char *a = id + 5, *e = strchr(a, ':');
        if (e == NULL || e == a)
            return 0;
        char q[256];
        size_t n = 0;
        const char *pre = "https://hudoc.echr.coe.int/eng#%7B%22appno%22:%5B%22";
        if (!join(q, sizeof q, pre, a, (size_t)(e - a), 1))
            return 0;
        n = strlen(q);
        if (n + 9 >= outlen)
            return 0;
        memcpy(out, q, n);
        memcpy(out + n, "%22%5D%7D", 10);
        return 1;
    }
    default:
        return 0;
    }
}
