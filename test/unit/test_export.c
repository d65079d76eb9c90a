/* Unit suite of the reference writers: the TSV header, TSV and JSON
 * Lines rows (text as written, positions, aliases, notes), folding of
 * whitespace, JSON string escaping. */
#include <math.h>

#include "unit.h"

START_TEST(test_header)
{
    cg_buf b = {0};
    ck_assert_int_eq(cg_refs_write_header(&b, CG_REFS_TSV), CG_OK);
    ck_assert_str_eq(b.data, "file\tline\tsource\tkind\ttarget\ttext\tcolumn\taliases\tnotes\tvia\tpinpoint\n");
    ck_assert_uint_eq(b.len, strlen(b.data));
    cg_buf_clear(&b);
    ck_assert_int_eq(cg_refs_write_header(&b, CG_REFS_JSONL), CG_OK);
    ck_assert_uint_eq(b.len, 0);
    ck_assert_str_eq(b.data, "");
    cg_buf_free(&b);
}
END_TEST

typedef struct row_case {
    const char *text;
    cg_refs_format format;
    const char *file;
    const char *rows;
} row_case;

static const row_case rows[] = {
    /* a Markdown-linked symbol, a joint symbol across a line end, a
     * resolution with a tab and a line break inside */
    {"x\n[A/78/738](#) and A/77/774-\nS/2023/145\tresolution\n853 (1993)", CG_REFS_TSV, "f.txt",
     "f.txt\t2\tdoc:f\tsymbol\tA/78/738\t[A/78/738](#)\t1\t\t\t\t\n"
     "f.txt\t2\tdoc:f\tsymbol\tA/77/774\tA/77/774- S/2023/145\t19\tS/2023/145\t\t\t\n"
     "f.txt\t3\tdoc:f\tresolution\tS/RES/853 (1993)\tresolution 853 (1993)\t12\t\t\t\t\n"},
    {"x\n[A/78/738](#) and A/77/774-\nS/2023/145\tresolution\n853 (1993)", CG_REFS_JSONL, "f.txt",
     "{\"file\":\"f.txt\",\"line\":2,\"column\":1,\"source\":\"doc:f\",\"kind\":\"symbol\","
     "\"target\":\"A/78/738\",\"text\":\"[A/78/738](#)\",\"aliases\":[],\"notes\":\"\",\"via\":\"\",\"pinpoint\":\"\"}\n"
     "{\"file\":\"f.txt\",\"line\":2,\"column\":19,\"source\":\"doc:f\",\"kind\":\"symbol\","
     "\"target\":\"A/77/774\",\"text\":\"A/77/774- S/2023/145\",\"aliases\":[\"S/2023/145\"],\"notes\":\"\",\"via\":\"\",\"pinpoint\":\"\"}\n"
     "{\"file\":\"f.txt\",\"line\":3,\"column\":12,\"source\":\"doc:f\",\"kind\":\"resolution\","
     "\"target\":\"S/RES/853 (1993)\",\"text\":\"resolution 853 (1993)\",\"aliases\":[],\"notes\":\"\",\"via\":\"\",\"pinpoint\":\"\"}\n"},
    /* a joint symbol on one line */
    {"(A/77/774-S/2023/145)", CG_REFS_TSV, "f.txt",
     "f.txt\t1\tdoc:f\tsymbol\tA/77/774\tA/77/774-S/2023/145\t2\tS/2023/145\t\t\t\n"},
    {"(A/77/774-S/2023/145)", CG_REFS_JSONL, "f\"q.txt",
     "{\"file\":\"f\\\"q.txt\",\"line\":1,\"column\":2,\"source\":\"doc:f\",\"kind\":\"symbol\","
     "\"target\":\"A/77/774\",\"text\":\"A/77/774-S/2023/145\",\"aliases\":[\"S/2023/145\"],\"notes\":\"\",\"via\":\"\",\"pinpoint\":\"\"}\n"},
    /* a resolution list: one row an item */
    {"resolutions 822 (1993),\n853 (1993) and 874\t(1993)", CG_REFS_TSV, "r.txt",
     "r.txt\t1\tdoc:f\tresolution\tS/RES/822 (1993)\tresolutions 822 (1993)\t1\t\t\t\t\n"
     "r.txt\t2\tdoc:f\tresolution\tS/RES/853 (1993)\t853 (1993)\t1\t\t\t\t\n"
     "r.txt\t2\tdoc:f\tresolution\tS/RES/874 (1993)\t874 (1993)\t16\t\t\t\t\n"},
    {"resolutions [822 \\(1993\\)](#) and\t853\n(1993)", CG_REFS_TSV, "r.txt",
     "r.txt\t1\tdoc:f\tresolution\tS/RES/822 (1993)\tresolutions [822 \\(1993\\)](#)\t1\t\t\t\t\n"
     "r.txt\t1\tdoc:f\tresolution\tS/RES/853 (1993)\t853 (1993)\t35\t\t\t\t\n"},
    /* whitespace runs inside a mention: tabs, CR LF and spaces fold to one space */
    {"Security Council resolution\t\t853\r\n   (1993)", CG_REFS_TSV, "f.txt",
     "f.txt\t1\tdoc:f\tresolution\tS/RES/853 (1993)\tresolution 853 (1993)\t18\t\t\t\t\n"},
    {"Security Council resolution\t\t853\r\n   (1993)", CG_REFS_JSONL, "f.txt",
     "{\"file\":\"f.txt\",\"line\":1,\"column\":18,\"source\":\"doc:f\",\"kind\":\"resolution\","
     "\"target\":\"S/RES/853 (1993)\",\"text\":\"resolution 853 (1993)\",\"aliases\":[],\"notes\":\"\",\"via\":\"\",\"pinpoint\":\"\"}\n"},
    /* a tab and a line break in the file name cannot split the row */
    {"S/2023/1", CG_REFS_TSV, "a\tb\nc.txt", "a b c.txt\t1\tdoc:f\tsymbol\tS/2023/1\tS/2023/1\t1\t\t\t\t\n"},
    {"S/2023/1", CG_REFS_JSONL, "a\tb.txt",
     "{\"file\":\"a\\tb.txt\",\"line\":1,\"column\":1,\"source\":\"doc:f\",\"kind\":\"symbol\","
     "\"target\":\"S/2023/1\",\"text\":\"S/2023/1\",\"aliases\":[],\"notes\":\"\",\"via\":\"\",\"pinpoint\":\"\"}\n"},
    /* notes, URLs in angle brackets and as link targets */
    {"By its resolution 59/17, see <https://a.org/x> and [the report](https://b.org/r.pdf)",
     CG_REFS_TSV, "f.txt",
     "f.txt\t1\tdoc:f\tresolution\tA/RES/59/17\tresolution 59/17\t8\t\tbody-inferred\t\t\n"
     "f.txt\t1\tdoc:f\turl\thttps://a.org/x\t<https://a.org/x>\t30\t\t\t\t\n"
     "f.txt\t1\tdoc:f\turl\thttps://b.org/r.pdf\thttps://b.org/r.pdf\t65\t\t\t\t\n"},
    {"By its resolution 59/17", CG_REFS_JSONL, "f.txt",
     "{\"file\":\"f.txt\",\"line\":1,\"column\":8,\"source\":\"doc:f\",\"kind\":\"resolution\","
     "\"target\":\"A/RES/59/17\",\"text\":\"resolution 59/17\",\"aliases\":[],\"notes\":\"body-inferred\",\"via\":\"\",\"pinpoint\":\"\"}\n"},
    /* columns in characters; every kind of line end */
    {"\xc3\xa9\xc3\xa9 S/2023/1\r\nS/2023/2\rS/2023/3", CG_REFS_TSV, "f.txt",
     "f.txt\t1\tdoc:f\tsymbol\tS/2023/1\tS/2023/1\t4\t\t\t\t\n"
     "f.txt\t2\tdoc:f\tsymbol\tS/2023/2\tS/2023/2\t1\t\t\t\t\n"
     "f.txt\t3\tdoc:f\tsymbol\tS/2023/3\tS/2023/3\t1\t\t\t\t\n"},
    /* nothing found: no rows */
    {"nothing to see here", CG_REFS_TSV, "f.txt", ""},
    {"nothing to see here", CG_REFS_JSONL, "f.txt", ""},
};

START_TEST(test_rows)
{
    const row_case *c = &rows[_i];
    cg_refs refs = {0};
    cg_text t = unit_extract(c->text, NULL, &refs);
    cg_buf b = {0};
    ck_assert_int_eq(cg_refs_write(&b, c->format, c->file, "doc:f", &t, &refs), CG_OK);
    const char *got = b.data ? b.data : "";
    ck_assert_msg(strcmp(got, c->rows) == 0, "case %d:\ngot:\n%s\nwant:\n%s", _i, got, c->rows);
    ck_assert_uint_eq(b.len, strlen(c->rows));
    cg_buf_free(&b);
    cg_refs_free(&refs);
    cg_text_free(&t);
}
END_TEST

START_TEST(test_rows_append)
{
    /* rows are appended after what the buffer holds; the text's line
     * cursor may be reused for a second pass */
    cg_refs refs = {0};
    cg_text t = unit_extract("a\nS/2023/1 b\nS/2023/2", NULL, &refs);
    cg_buf b = {0};
    ck_assert_int_eq(cg_refs_write_header(&b, CG_REFS_TSV), CG_OK);
    ck_assert_int_eq(cg_refs_write(&b, CG_REFS_TSV, "f", "s", &t, &refs), CG_OK);
    ck_assert_int_eq(cg_refs_write(&b, CG_REFS_TSV, "f", "s", &t, &refs), CG_OK);
    const char *row = "f\t2\ts\tsymbol\tS/2023/1\tS/2023/1\t1\t\t\t\t\n"
                      "f\t3\ts\tsymbol\tS/2023/2\tS/2023/2\t1\t\t\t\t\n";
    char want[512];
    snprintf(want, sizeof want, "file\tline\tsource\tkind\ttarget\ttext\tcolumn\taliases\tnotes\tvia\tpinpoint\n%s%s",
             row, row);
    ck_assert_str_eq(b.data, want);
    cg_buf_free(&b);
    cg_refs_free(&refs);
    cg_text_free(&t);
}
END_TEST

START_TEST(test_rows_built)
{
    /* references made by hand: several aliases, every note, a symbol in
     * angle brackets, an empty span */
    const char *s = "see <S/1> and A/1-B/2 then";
    cg_text t;
    cg_error err;
    ck_assert_int_eq(cg_text_from_bytes(&t, s, strlen(s), CG_MARKUP_PLAIN, "t", &err), CG_OK);
    ck_assert_str_eq(t.clean, s); /* "<S/1>" is not an autolink */
    cg_refs refs = {0};
    ck_assert_int_eq(cg_refs_add(&refs, CG_KIND_SYMBOL, 0, 5, 8, "S/1", NULL), CG_OK);
    ck_assert_int_eq(cg_refs_add(&refs, CG_KIND_OTHER,
                                 CG_REF_BODY_INFERRED | CG_REF_YEAR_INFERRED | CG_REF_CASE_INFERRED,
                                 14, 21, "x:1", "B/2|C/3"),
                     CG_OK);
    ck_assert_int_eq(cg_refs_add(&refs, CG_KIND_ICJ, CG_REF_CASE_INFERRED, 22, 22, "icj::order:2000-01-01", ""),
                     CG_OK);
    cg_buf b = {0};
    ck_assert_int_eq(cg_refs_write(&b, CG_REFS_TSV, "f", "s", &t, &refs), CG_OK);
    ck_assert_str_eq(b.data,
                     "f\t1\ts\tsymbol\tS/1\t<S/1>\t5\t\t\t\t\n"
                     "f\t1\ts\tother\tx:1\tA/1-B/2\t15\tB/2|C/3\tbody-inferred,year-inferred,case-by-date\t\t\n"
                     "f\t1\ts\ticj\ticj::order:2000-01-01\t\t23\t\tcase-by-date\t\t\n");
    cg_buf_clear(&b);
    ck_assert_int_eq(cg_refs_write(&b, CG_REFS_JSONL, "f", "s", &t, &refs), CG_OK);
    ck_assert_str_eq(b.data,
                     "{\"file\":\"f\",\"line\":1,\"column\":5,\"source\":\"s\",\"kind\":\"symbol\","
                     "\"target\":\"S/1\",\"text\":\"<S/1>\",\"aliases\":[],\"notes\":\"\",\"via\":\"\",\"pinpoint\":\"\"}\n"
                     "{\"file\":\"f\",\"line\":1,\"column\":15,\"source\":\"s\",\"kind\":\"other\","
                     "\"target\":\"x:1\",\"text\":\"A/1-B/2\",\"aliases\":[\"B/2\",\"C/3\"],"
                     "\"notes\":\"body-inferred,year-inferred,case-by-date\",\"via\":\"\",\"pinpoint\":\"\"}\n"
                     "{\"file\":\"f\",\"line\":1,\"column\":23,\"source\":\"s\",\"kind\":\"icj\","
                     "\"target\":\"icj::order:2000-01-01\",\"text\":\"\",\"aliases\":[],"
                     "\"notes\":\"case-by-date\",\"via\":\"\",\"pinpoint\":\"\"}\n");
    cg_buf_free(&b);
    cg_refs_free(&refs);
    cg_text_free(&t);
}
END_TEST

/* Formats written under allocation failure. */
static const cg_refs_format nomem_formats[] = {CG_REFS_TSV, CG_REFS_JSONL};

START_TEST(test_rows_nomem)
{
    /* every allocation that fails makes the call fail with CG_ENOMEM,
     * without leaking; once none fails, the rows are whole */
    cg_refs refs = {0};
    cg_text t = unit_extract("(A/77/774-S/2023/145) and resolution 853 (1993)", NULL, &refs);
    cg_buf want = {0};
    ck_assert_int_eq(cg_refs_write(&want, nomem_formats[_i], "f", "s", &t, &refs), CG_OK);
    int ok = 0;
    for (long n = 1; n < 100 && !ok; n++) {
        cg_buf b = {0};
        cg_alloc_fail_after(n);
        cg_status st = cg_refs_write(&b, nomem_formats[_i], "f", "s", &t, &refs);
        cg_alloc_fail_after(0);
        if (st == CG_OK) {
            ok = 1;
            ck_assert_str_eq(b.data, want.data);
        } else {
            ck_assert_int_eq(st, CG_ENOMEM);
        }
        cg_buf_free(&b);
    }
    ck_assert(ok);
    cg_buf_free(&want);
    cg_refs_free(&refs);
    cg_text_free(&t);
}
END_TEST

typedef struct json_case {
    const char *s;
    size_t n;
    const char *json;
} json_case;

static const json_case jsons[] = {
    {"plain", 5, "\"plain\""},
    {"", 0, "\"\""},
    {"a\"b", 3, "\"a\\\"b\""},
    {"a\\b", 3, "\"a\\\\b\""},
    {"\\\"", 2, "\"\\\\\\\"\""},
    {"\x01", 1, "\"\\u0001\""},
    {"a\"b\\c\n\x01", 7, "\"a\\\"b\\\\c\\n\\u0001\""},
    {"\t\n\r\b\f\x1f", 6, "\"\\t\\n\\u000d\\u0008\\u000c\\u001f\""},
    {"a\0b", 3, "\"a\\u0000b\""},
    {"\x7f/</", 4, "\"\x7f/</\""},
    {"\xc3\xa9\xe2\x80\x94", 5, "\"\xc3\xa9\xe2\x80\x94\""},
    {"abcdef", 3, "\"abc\""}, /* n bytes only */
};

/* Reals print as %.6g would, whether remembered or not: many values (far
 * more than the forms kept, so that slots are taken over), each twice. */
START_TEST(test_put_real)
{
    cg_buf b = {0};
    unsigned seed = 12345;
    for (int round = 0; round < 2; round++) {
        seed = 12345;
        for (int i = 0; i < 5000; i++) {
            seed = seed * 1103515245u + 12345u;
            double x = (double)(seed % 100000) / 7919.0 * (i % 3 == 0 ? 1e-7 : i % 3 == 1 ? 1 : 1e9);
            if (i % 5 == 0)
                x = -x;
            char want[64];
            snprintf(want, sizeof want, "%.6g", x);
            cg_buf_clear(&b);
            ck_assert_int_eq(cg_put_real(&b, x), CG_OK);
            ck_assert_str_eq(b.data, want);
        }
    }
    const double zeros[] = {0.0, -0.0, NAN, INFINITY, -INFINITY};
    for (size_t i = 0; i < sizeof zeros / sizeof zeros[0]; i++) {
        cg_buf_clear(&b);
        ck_assert_int_eq(cg_put_real(&b, zeros[i]), CG_OK);
        ck_assert_str_eq(b.data, "0");
    }
    cg_buf_free(&b);
}
END_TEST

START_TEST(test_json_escape)
{
    const json_case *c = &jsons[_i];
    cg_buf b = {0};
    ck_assert_int_eq(cg_buf_puts(&b, "["), CG_OK);
    ck_assert_int_eq(cg_json_put_string(&b, c->s, c->n), CG_OK);
    ck_assert_str_eq(b.data + 1, c->json);
    ck_assert_int_eq(b.data[0], '[');
    cg_buf_free(&b);
}
END_TEST

/* s[0..n) folded the plain way: whitespace runs one space unless last,
 * any other control byte a space. */
static size_t naive_fold(const char *s, size_t n, char *out)
{
    size_t k = 0;
    int space = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            space = 1;
            continue;
        }
        if (space)
            out[k++] = ' ';
        space = 0;
        out[k++] = c < 0x20 || c == 0x7F ? ' ' : (char)c;
    }
    return k;
}

/* s[0..n) as a JSON string the plain way (s ASCII, or UTF-8 characters
 * that stand for themselves). */
static size_t naive_json(const char *s, size_t n, char *out)
{
    size_t k = 0;
    out[k++] = '"';
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            out[k++] = '\\';
            out[k++] = (char)c;
        } else if (c == '\n') {
            k += (size_t)sprintf(out + k, "\\n");
        } else if (c == '\t') {
            k += (size_t)sprintf(out + k, "\\t");
        } else if (c < 0x20) {
            k += (size_t)sprintf(out + k, "\\u%04x", c);
        } else {
            out[k++] = (char)c;
        }
    }
    out[k++] = '"';
    return k;
}

/* Bytes that fields are made of here: plain, space, every kind of
 * whitespace, other control bytes, JSON's specials, a two-byte character. */
static const char *const field_bytes[] = {"a", "/", " ", " ", "\t", "\n", "\r", "\v", "\f", "\x01", "\x1f", "\x7f",
                                          "\"", "\\", "\xc3\xa9", "9", "Z"};
#define NFIELD_BYTES (sizeof field_bytes / sizeof field_bytes[0])

/* Field number k of length about n: mostly plain, or mixed (k odd), with a
 * space or a control byte at one end now and then. */
static size_t make_field(unsigned k, size_t n, char *out)
{
    size_t len = 0;
    unsigned x = k * 2654435761u + (unsigned)n;
    for (size_t i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        unsigned pick = (x >> 16) % (k % 2 ? NFIELD_BYTES : 4 * NFIELD_BYTES);
        const char *b = pick < NFIELD_BYTES ? field_bytes[pick] : "x";
        if (pick >= NFIELD_BYTES && (x >> 8) % 5 == 0)
            b = " ";
        len += (size_t)sprintf(out + len, "%s", b);
    }
    if (k % 7 == 3)
        out[len++] = ' ';
    if (k % 11 == 5)
        out[len++] = '\t';
    out[len] = '\0';
    return len;
}

START_TEST(test_fields_folded)
{
    /* every length around the eight-byte steps, with and without
     * anything to fold, against the plain fold; then as JSON */
    char field[200], want[1400];
    for (unsigned k = 0; k < 40; k++)
        for (size_t n = 0; n < 40; n++) {
            size_t len = make_field(k, n, field);
            cg_buf b = {0};
            ck_assert_int_eq(cg_buf_puts(&b, "<"), CG_OK);
            ck_assert_int_eq(cg_tsv_put_field(&b, field), CG_OK);
            size_t w = naive_fold(field, len, want);
            ck_assert_msg(b.len == 1 + w && memcmp(b.data + 1, want, w) == 0 && b.data[b.len] == '\0',
                          "field %u/%zu: got [%s], want [%.*s]", k, n, b.data + 1, (int)w, want);
            cg_buf_clear(&b);
            ck_assert_int_eq(cg_json_put_string(&b, field, len), CG_OK);
            w = naive_json(field, len, want);
            ck_assert_msg(b.len == w && memcmp(b.data, want, w) == 0 && b.data[b.len] == '\0',
                          "field %u/%zu: got %s, want %.*s", k, n, b.data, (int)w, want);
            cg_buf_free(&b);
        }
}
END_TEST

START_TEST(test_json_not_utf8)
{
    /* bytes that do not start a character, alone or in a long plain run */
    cg_buf b = {0};
    ck_assert_int_eq(cg_json_put_string(&b, "abcdefgh\xffijklmnop\xc3(qrstuvwx\xef\xbf\xbf", 30), CG_OK);
    ck_assert_str_eq(b.data, "\"abcdefgh\xef\xbf\xbdijklmnop\xef\xbf\xbd(qrstuvwx\xef\xbf\xbd\"");
    cg_buf_free(&b);
}
END_TEST

START_TEST(test_rows_numbers_and_names)
{
    /* lines and columns of many digits; names of unknown kinds and ways;
     * rows on one long line of two-byte characters, in a mix of orders
     * (back within the line, to its start) */
    static char raw[40000];
    size_t len = 0;
    for (int i = 0; i < 1200; i++)
        len += (size_t)sprintf(raw + len, "\n");
    for (int i = 0; i < 1500; i++)
        len += (size_t)sprintf(raw + len, "S/%d \xc3\xa9 ", 100 + i);
    cg_text t;
    cg_error err;
    ck_assert_int_eq(cg_text_from_bytes(&t, raw, len, CG_MARKUP_PLAIN, "t", &err), CG_OK);
    cg_refs refs = {0};
    const size_t at[] = {1200 + 2 * 8 + 3, 1200 + 9 * 1400, 1200 + 9 * 1400 + 1, 1200, 1200 + 9 * 13};
    for (size_t i = 0; i < sizeof at / sizeof at[0]; i++)
        ck_assert_int_eq(cg_refs_add(&refs, i == 1 ? (cg_kind)99 : CG_KIND_SYMBOL, 0, at[i], at[i] + 5,
                                     "S/1", ""),
                         CG_OK);
    refs.items[2].via = (cg_via)77;
    t.line_base = 123456789012L;
    cg_buf b = {0};
    ck_assert_int_eq(cg_refs_write(&b, CG_REFS_TSV, "f", "s", &t, &refs), CG_OK);
    ck_assert_str_eq(b.data,
                     "f\t123456790213\ts\tsymbol\tS/1\t/102\t18\t\t\t\t\n"
                     "f\t123456790213\ts\tunknown\tS/1\tS/145\t11251\t\t\t\t\n"
                     "f\t123456790213\ts\tsymbol\tS/1\t/1450\t11252\t\t\t\t\n"
                     "f\t123456790213\ts\tsymbol\tS/1\tS/100\t1\t\t\t\t\n"
                     "f\t123456790213\ts\tsymbol\tS/1\tS/113\t105\t\t\t\t\n");
    cg_buf_clear(&b);
    ck_assert_int_eq(cg_refs_write(&b, CG_REFS_JSONL, "f", "s", &t, &refs), CG_OK);
    const char *json = "{\"file\":\"f\",\"line\":123456790213,\"column\":%s,\"source\":\"s\",\"kind\":\"%s\","
                       "\"target\":\"S/1\",\"text\":\"%s\",\"aliases\":[],\"notes\":\"\",\"via\":\"\",\"pinpoint\":\"\"}\n";
    static const char *const cols[][3] = {{"18", "symbol", "/102"}, {"11251", "unknown", "S/145"},
                                          {"11252", "symbol", "/1450"}, {"1", "symbol", "S/100"},
                                          {"105", "symbol", "S/113"}};
    char want[2048];
    size_t w = 0;
    for (size_t i = 0; i < 5; i++)
        w += (size_t)snprintf(want + w, sizeof want - w, json, cols[i][0], cols[i][1], cols[i][2]);
    ck_assert_str_eq(b.data, want);
    cg_buf_free(&b);
    cg_refs_free(&refs);
    cg_text_free(&t);
}
END_TEST

static Suite *export_suite(void)
{
    Suite *s = suite_create("export");
    TCase *tc = tcase_create("refs");
    tcase_add_test(tc, test_header);
    tcase_add_loop_test(tc, test_rows, 0, (int)(sizeof rows / sizeof rows[0]));
    tcase_add_test(tc, test_rows_append);
    tcase_add_test(tc, test_rows_built);
    tcase_add_test(tc, test_put_real);
    tcase_add_loop_test(tc, test_rows_nomem, 0, (int)(sizeof nomem_formats / sizeof nomem_formats[0]));
    tcase_add_test(tc, test_rows_numbers_and_names);
    tcase_add_test(tc, test_fields_folded);
    suite_add_tcase(s, tc);
    tc = tcase_create("json");
    tcase_add_loop_test(tc, test_json_escape, 0, (int)(sizeof jsons / sizeof jsons[0]));
    tcase_add_test(tc, test_json_not_utf8);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_MAIN(export_suite)
