/* What a canonical id tells by itself: its kind, short label, year and
 * issuing organ (spec/identifiers.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citegraph/graph.h"
#include "citegraph/lex.h"

const char *cg_vkind_name(cg_vkind kind)
{
    static const char *const names[CG_VKIND_COUNT] = {"symbol", "resolution", "icj", "url",
                                                      "other", "document"};
    return (unsigned)kind < CG_VKIND_COUNT ? names[kind] : "unknown";
}

int cg_vkind_parse(const char *name)
{
    for (int k = 0; k < CG_VKIND_COUNT; k++)
        if (strcmp(name, cg_vkind_name((cg_vkind)k)) == 0)
            return k;
    return -1;
}

static int all_digits(const char *p, size_t n)
{
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (p[i] < '0' || p[i] > '9')
            return 0;
    return 1;
}

static int is_url(const char *id)
{
    return strncmp(id, "http://", 7) == 0 || strncmp(id, "https://", 8) == 0;
}

/* A General Assembly resolution of a session numbered in roman numerals
 * (the 1st to the 30th): "A/RES/3212 (XXIX)", "A/RES/377 A (V)".  Session
 * N opened in 1945 + N.  Special and emergency special sessions
 * ("(S-V)", "(ES-V)") follow no such rule: 0. */
static int roman_session_year(const char *id, size_t n)
{
    if (strncmp(id, "A/RES/", 6) != 0 || n < 9 || id[n - 1] != ')')
        return 0;
    const char *open = strrchr(id, '(');
    long session;
    if (open == NULL || cg_lex_roman(open + 1, id + n - 1, &session) != id + n - 1)
        return 0;
    return session >= 1 && session <= 30 ? 1945 + (int)session : 0;
}

int cg_graph_year(const char *id)
{
    size_t n = strlen(id);
    if (strncmp(id, "icj:", 4) == 0) {
        const char *date = strrchr(id, ':');
        if (date && strlen(date + 1) == 10 && all_digits(date + 1, 4))
            return atoi(date + 1);
        return 0;
    }
    if (is_url(id) || strchr(id, ':'))
        return 0;
    /* "S/RES/853 (1993)" */
    if (n >= 7 && id[n - 1] == ')' && id[n - 6] == '(' && all_digits(id + n - 5, 4))
        return atoi(id + n - 5);
    int roman = roman_session_year(id, n);
    if (roman)
        return roman;
    /* a four-digit component followed by another: S/2023/888,
     * E/CN.4/1999/79; not a last one, a number (S/1999 is of 1950) */
    const char *p = id;
    while (*p) {
        size_t len = strcspn(p, "/ ");
        if (len == 4 && p[len] == '/' && all_digits(p, 4)) {
            int y = atoi(p);
            if (y >= 1945 && y <= 2100)
                return y;
        }
        p += len;
        if (*p)
            p++;
    }
    /* General Assembly session: A/78/..., A/RES/48/114, A/C.3/78/... */
    if (strncmp(id, "A/", 2) == 0) {
        p = id + 2;
        if (strncmp(p, "RES/", 4) == 0 || strncmp(p, "DEC/", 4) == 0)
            p += 4;
        else if (strncmp(p, "C.", 2) == 0 && strchr(p, '/'))
            p = strchr(p, '/') + 1;
        size_t len = strcspn(p, "/ ");
        if (len >= 1 && len <= 3 && all_digits(p, len) && p[len] == '/') {
            int s = atoi(p);
            if (s >= 1 && s <= 155)
                return 1945 + s;
        }
    }
    return 0;
}

const char *cg_graph_organ(const char *id)
{
    if (is_url(id) || strchr(id, ':'))
        return "";
    if (strncmp(id, "A/HRC/", 6) == 0)
        return "Human Rights Council";
    if (strncmp(id, "A/", 2) == 0)
        return "General Assembly";
    if (strncmp(id, "S/", 2) == 0)
        return "Security Council";
    if (strncmp(id, "E/", 2) == 0)
        return "ECOSOC";
    return "";
}

static void icj_label(const char *id, char *out, size_t outlen)
{
    static const char *const months[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    /* icj:CASE:TYPE:YYYY-MM-DD */
    const char *c = id + 4;
    const char *t = strchr(c, ':');
    const char *d = t ? strchr(t + 1, ':') : NULL;
    int y, m, day;
    if (d == NULL || sscanf(d + 1, "%4d-%2d-%2d", &y, &m, &day) != 3 || m < 1 || m > 12) {
        snprintf(out, outlen, "%s", id);
        return;
    }
    char type[64];
    size_t tn = (size_t)(d - (t + 1));
    if (tn >= sizeof type)
        tn = sizeof type - 1;
    memcpy(type, t + 1, tn);
    type[tn] = '\0';
    for (char *q = type; *q; q++)
        if (*q == '-')
            *q = ' ';
    /* the case's General List number, when known, tells apart the
     * decisions of one day in two cases */
    if (t > c)
        snprintf(out, outlen, "ICJ %s %d %s %d (case %.*s)", type, day, months[m - 1], y,
                 (int)(t - c), c);
    else
        snprintf(out, outlen, "ICJ %s %d %s %d", type, day, months[m - 1], y);
}

void cg_graph_label(const char *id, cg_vkind kind, char *out, size_t outlen)
{
    if (outlen == 0)
        return;
    if (kind == CG_VKIND_ICJ && strncmp(id, "icj:", 4) == 0) {
        icj_label(id, out, outlen);
    } else if (kind == CG_VKIND_URL && strstr(id, "://")) {
        const char *p = strstr(id, "://") + 3;
        size_t n = strcspn(p, "?#");
        snprintf(out, outlen, "%.*s", (int)(n < outlen ? n : outlen - 1), p);
    } else if (kind == CG_VKIND_DOCUMENT && strncmp(id, "doc:", 4) == 0) {
        snprintf(out, outlen, "%s", id + 4);
    } else {
        snprintf(out, outlen, "%s", id);
    }
}
