/* Document identity (spec 6) from what a file says of itself: a UN-style
 * file name (A_78_764-EN.pdf, S_RES_0822_1993.txt, A_80_6_Sect.7.txt,
 * A_44_661-S_20911__ocr-noisy.txt), else the symbol alone at the end of
 * one of the first lines (the masthead), else "doc:" and the path. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* Copies the base name of rel without extension or "__" suffix. */
static size_t stem(const char *rel, char *out, size_t outlen, int strip_suffix)
{
    const char *base = strrchr(rel, '/');
    base = base ? base + 1 : rel;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    /* keep ".1" of "Add.1" and ".7" of "Sect.7": an extension has a letter */
    if (dot && dot[1] && cg_is_digit((unsigned char)dot[1]))
        n = strlen(base);
    if (strip_suffix) {
        const char *dd = strstr(base, "__");
        if (dd && (size_t)(dd - base) < n)
            n = (size_t)(dd - base);
    }
    if (n >= outlen)
        n = outlen - 1;
    memcpy(out, base, n);
    out[n] = '\0';
    return n;
}

/* Rewrites a file-name stem into symbol text: '_' to '/', "Sect.7" to
 * " (Sect. 7)", S/RES/0822/1993 to S/RES/822 (1993), "-EN" dropped. */
static void stem_to_symbol(char *s)
{
    size_t n = strlen(s);
    static const char *const langs[] = {"-EN", "-FR", "-ES", "-RU", "-AR", "-ZH", "-E", "-F", NULL};
    for (size_t i = 0; langs[i]; i++) {
        size_t k = strlen(langs[i]);
        if (n > k && strcmp(s + n - k, langs[i]) == 0) {
            s[n - k] = '\0';
            n -= k;
            break;
        }
    }
    for (char *p = s; *p; p++)
        if (*p == '_')
            *p = '/';
    char out[CG_ID_MAX];
    size_t o = 0;
    for (const char *p = s; *p && o + 16 < sizeof out; p++) {
        if (*p == '/' && strncmp(p + 1, "Sect.", 5) == 0 && cg_is_digit((unsigned char)p[6])) {
            o += (size_t)snprintf(out + o, sizeof out - o, " (Sect. ");
            p += 6;
            while (cg_is_digit((unsigned char)*p) && o + 2 < sizeof out)
                out[o++] = *p++;
            out[o++] = ')';
            p--;
            continue;
        }
        out[o++] = *p;
    }
    out[o] = '\0';
    long num, year;
    char tail[8];
    if (sscanf(out, "S/RES/%ld/%ld%7s", &num, &year, tail) == 2 && year >= 1946 && year <= 2100)
        snprintf(out, sizeof out, "S/RES/%ld (%ld)", num, year);
    snprintf(s, CG_ID_MAX, "%s", out);
}

void cg_docid_from_path(const cg_registry *reg, const char *rel, cg_docid *out)
{
    char buf[CG_ID_MAX];
    size_t n = stem(rel, buf, sizeof buf, 1);
    out->id[0] = out->aliases[0] = '\0';
    stem_to_symbol(buf);
    n = strlen(buf);
    int is_res;
    const char *e = cg_symbol_parse(reg, buf, buf + n, out->id, sizeof out->id, out->aliases,
                                    sizeof out->aliases, &is_res);
    if (e == buf + n)
        return;
    /* doc: + the path relative to the folder, without extension */
    char path[CG_ID_MAX];
    snprintf(path, sizeof path, "%s", rel);
    char *slash = strrchr(path, '/');
    char *dot = strrchr(path, '.');
    if (dot && (!slash || dot > slash + 1))
        *dot = '\0';
    const char *p = path;
    while (p[0] == '.' && p[1] == '/')
        p += 2;
    snprintf(out->id, sizeof out->id, "doc:%.*s", (int)(sizeof out->id - 5), p);
    out->aliases[0] = '\0';
}

int cg_docid_from_masthead(const cg_registry *reg, const cg_text *text, cg_docid *out)
{
    const char *p = text->clean, *end = text->clean + text->clean_len;
    int lines = 0;
    while (p < end && lines < 25) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *t = le;
        while (t > p && (t[-1] == ' ' || t[-1] == '\t'))
            t--;
        /* the last token of the line */
        const char *tok = t;
        while (tok > p && tok[-1] != ' ' && tok[-1] != '\t')
            tok--;
        int alone = tok == p || (tok - p >= 3 && tok[-1] == ' ' && tok[-2] == ' ' && tok[-3] == ' ');
        const char *lead = p;
        while (lead < tok && (*lead == ' ' || *lead == '\t'))
            lead++;
        if (lead == tok)
            alone = 1;
        if (alone && tok < t && cg_is_upper((unsigned char)*tok)) {
            cg_docid tmp;
            int is_res;
            const char *e = cg_symbol_parse(reg, tok, t, tmp.id, sizeof tmp.id, tmp.aliases,
                                            sizeof tmp.aliases, &is_res);
            if (e == t) {
                *out = tmp;
                return 1;
            }
        }
        if (p < le)
            lines++;
        p = le + 1;
    }
    return 0;
}
