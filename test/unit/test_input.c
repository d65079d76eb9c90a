/* Unit suite of the input module: byte checks and conversions, markup
 * removal, clean-to-raw offsets, line and column positions, file types
 * and corpus listing. */
#include <errno.h>

#include <sys/wait.h>

#include "unit.h"

/* ---- markup removal ---- */

typedef struct clean_case {
    const char *raw;
    cg_markup markup;
    const char *clean;
} clean_case;

static const clean_case cleans[] = {
    {"[A/78/738](#)", CG_MARKUP_PLAIN, "A/78/738"},
    {"[A/78/738](#).", CG_MARKUP_PLAIN, "A/78/738."},
    {"resolutions [822 \\(1993\\)](#)", CG_MARKUP_PLAIN, "resolutions 822 (1993)"},
    {"[text](https://x.org/a)", CG_MARKUP_PLAIN, "text https://x.org/a "},
    {"see [the report](https://x.org/a) now", CG_MARKUP_PLAIN, "see the report https://x.org/a  now"},
    {"[S/2020/1104](https://a.am/ru/1)", CG_MARKUP_PLAIN, "S/2020/1104"},
    {"[https://a.org/x\\_y](https://a.org/x_y)", CG_MARKUP_PLAIN, "https://a.org/x_y"},
    {"[note](#fn1)", CG_MARKUP_MARKDOWN, "note"},
    {"[a] (b)", CG_MARKUP_PLAIN, "[a] (b)"},
    {"<https://a.org/x>", CG_MARKUP_PLAIN, "https://a.org/x"},
    {"(<www.un.org>)", CG_MARKUP_MARKDOWN, "(www.un.org)"},
    {"Nations<sup>1</sup> and", CG_MARKUP_PLAIN, "Nations and"},
    {"Nations<sup>12</sup> and", CG_MARKUP_HTML, "Nations and"},
    {"a&amp;b&#233;&nbsp;c", CG_MARKUP_PLAIN, "a&b\xc3\xa9 c"},
    {"&lt;x&gt; &quot;&#x41;&#X42;", CG_MARKUP_HTML, "<x> \"AB"},
    {"a&#0;b &bogus; &; &#xZZ;", CG_MARKUP_PLAIN, "a&#0;b &bogus; &; &#xZZ;"},
    {"x&shy;y &ndash;", CG_MARKUP_HTML, "xy \xe2\x80\x93"},
    {"x\xc2\xb9 y\xc2\xb2 z\xc2\xb3", CG_MARKUP_PLAIN, "x y z"},
    {"x\xe2\x81\xb4 y", CG_MARKUP_PLAIN, "x y"},
    {"a\xc2\xa0" "b\xe2\x80\x83" "c", CG_MARKUP_PLAIN, "a b c"},
    {"A/78\xe2\x80\x91" "1", CG_MARKUP_PLAIN, "A/78-1"},
    {"a\r\nb\rc", CG_MARKUP_PLAIN, "a\nb\nc"},
    {"a\r\n\r\nb\r\r", CG_MARKUP_PLAIN, "a\n\nb\n\n"},
    {"a\tb\fc\vd", CG_MARKUP_PLAIN, "a b\nc\nd"},
    {"**bold**", CG_MARKUP_PLAIN, "bold"},
    {"**bold** *it*", CG_MARKUP_MARKDOWN, "bold it"},
    {"\\*x\\_ \\a", CG_MARKUP_MARKDOWN, "*x_ \\a"},
    {"a\\_b", CG_MARKUP_HTML, "a\\_b"},
    {"<p>one</p>two", CG_MARKUP_PLAIN, "\none\ntwo"},
    {"a<br>b<br/>c", CG_MARKUP_HTML, "a\nb\nc"},
    {"<span class=\"x\">y</span>", CG_MARKUP_HTML, "y"},
    {"<!-- gone -->kept", CG_MARKUP_HTML, "kept"},
    {"<!DOCTYPE html>x", CG_MARKUP_HTML, "x"},
    {"a<script>var s = '<b>';</script>b", CG_MARKUP_HTML, "ab"},
    {"<custom>x</custom>", CG_MARKUP_HTML, "x"},
    {"<custom>x</custom>", CG_MARKUP_PLAIN, "<custom>x</custom>"},
    {"(<A/78/738>, <S/2023/1>)", CG_MARKUP_PLAIN, "(<A/78/738>, <S/2023/1>)"},
    {"a<br/>b<s>c</s>", CG_MARKUP_PLAIN, "a\nbc"},
    {"3 < 4 & 5 > 2", CG_MARKUP_PLAIN, "3 < 4 & 5 > 2"},
    {"\xef\xbb\xbfS/1", CG_MARKUP_PLAIN, "S/1"},
    {"", CG_MARKUP_PLAIN, ""},
    {"", CG_MARKUP_HTML, ""},
    /* bytes that stop the scan but stay as they are, around changes */
    {"\xe2\x80\x9c" "A\xe2\x80\x9d ] > [a] \\q &x; <i>b</i>\t\xc2\xa9*",
     CG_MARKUP_PLAIN, "\xe2\x80\x9c" "A\xe2\x80\x9d ] > [a] \\q &x; b \xc2\xa9"},
    {"\t\f\ra\v", CG_MARKUP_PLAIN, " \n\na\n"},
    {"*\t*", CG_MARKUP_PLAIN, " "},
    {"&shy;", CG_MARKUP_HTML, ""},
    {"x<br>", CG_MARKUP_HTML, "x\n"},
};

/* A text that needs no change is its own clean text: no copy, no map,
 * released once; bytes replaced one for one need a copy but no map. */
START_TEST(test_clean_unchanged)
{
    static const char *const same[] = {
        "S/2023/1 and A/78/738.\n", "\xe2\x80\x9cReport\xe2\x80\x9d [a] (b) ] > x",
        "3 < 4 & 5 > 2 \\q", "\xc2\xa9 \xe2\x80\x93 \xef\xbc\x81", "x"};
    cg_text t;
    cg_error err;
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        ck_assert_int_eq(cg_text_from_bytes(&t, same[i], strlen(same[i]), CG_MARKUP_PLAIN, "t", &err),
                         CG_OK);
        ck_assert_ptr_eq(t.clean, t.raw);
        ck_assert_uint_eq(t.clean_len, strlen(same[i]));
        ck_assert_uint_eq(t.nsegs, 0);
        ck_assert_str_eq(t.clean, same[i]);
        ck_assert_uint_eq(cg_text_raw_offset(&t, t.clean_len), t.raw_len);
        cg_text_free(&t);
        ck_assert_ptr_null(t.clean);
    }
    ck_assert_int_eq(cg_text_from_bytes(&t, "a\tb", 3, CG_MARKUP_PLAIN, "t", &err), CG_OK);
    ck_assert_ptr_ne(t.clean, t.raw);
    ck_assert_str_eq(t.clean, "a b");
    ck_assert_uint_eq(t.nsegs, 0);
    cg_text_free(&t);
}
END_TEST

/* Many one-for-one replacements in one run of kept bytes (more than a
 * run holds at once), then a change that shifts the offsets. */
START_TEST(test_clean_many_replacements)
{
    const size_t reps = 1000;
    char *raw = malloc(reps * 5 + 8), *want = malloc(reps * 5 + 8);
    ck_assert_ptr_nonnull(raw);
    ck_assert_ptr_nonnull(want);
    size_t n = 0, w = 0;
    for (size_t i = 0; i < reps; i++) {
        static const char in[] = "a\tb\f", out[] = "a b\n";
        memcpy(raw + n, in, 4);
        memcpy(want + w, out, 4);
        n += 4;
        w += 4;
        if (i % 7 == 3) {
            raw[n++] = '\r';
            want[w++] = '\n';
        }
    }
    memcpy(raw + n, "**z\t", 4);
    memcpy(want + w, "z ", 2);
    n += 4;
    w += 2;
    cg_text t;
    cg_error err;
    ck_assert_int_eq(cg_text_from_bytes(&t, raw, n, CG_MARKUP_PLAIN, "t", &err), CG_OK);
    ck_assert_uint_eq(t.clean_len, w);
    ck_assert_int_eq(memcmp(t.clean, want, w), 0);
    ck_assert_uint_eq(t.nsegs, 1);
    ck_assert_uint_eq(cg_text_raw_offset(&t, w - 2), n - 2);
    ck_assert_uint_eq(cg_text_raw_offset(&t, w - 3), n - 5);
    for (size_t k = 0; k + 2 < w; k += 97)
        ck_assert_uint_eq(cg_text_raw_offset(&t, k), k);
    cg_text_free(&t);
    free(raw);
    free(want);
}
END_TEST

START_TEST(test_clean)
{
    const clean_case *c = &cleans[_i];
    cg_text t;
    cg_error err;
    cg_error_clear(&err);
    ck_assert_int_eq(cg_text_from_bytes(&t, c->raw, strlen(c->raw), c->markup, "t", &err), CG_OK);
    ck_assert_msg(strcmp(t.clean, c->clean) == 0, "\"%s\": got \"%s\", want \"%s\"", c->raw,
                  t.clean, c->clean);
    ck_assert_uint_eq(t.clean_len, strlen(c->clean));
    ck_assert_uint_eq(strlen(t.clean), t.clean_len);
    ck_assert_int_eq(err.status, CG_OK);
    cg_text_free(&t);
    ck_assert_ptr_null(t.raw);
    ck_assert_ptr_null(t.clean);
}
END_TEST

START_TEST(test_empty)
{
    cg_text t;
    cg_error err;
    ck_assert_int_eq(cg_text_from_bytes(&t, "", 0, CG_MARKUP_PLAIN, "empty", &err), CG_OK);
    ck_assert_uint_eq(t.raw_len, 0);
    ck_assert_uint_eq(t.clean_len, 0);
    ck_assert_ptr_nonnull(t.raw);
    ck_assert_ptr_nonnull(t.clean);
    ck_assert_str_eq(t.raw, "");
    ck_assert_str_eq(t.clean, "");
    ck_assert_uint_eq(cg_text_raw_offset(&t, 0), 0);
    long line, col;
    cg_text_position(&t, 0, &line, &col);
    ck_assert_int_eq(line, 1);
    ck_assert_int_eq(col, 1);
    cg_text_free(&t);
    /* a BOM alone is empty text too */
    ck_assert_int_eq(cg_text_from_bytes(&t, "\xef\xbb\xbf", 3, CG_MARKUP_PLAIN, "bom", &err), CG_OK);
    ck_assert_uint_eq(t.raw_len, 0);
    ck_assert_str_eq(t.clean, "");
    cg_text_free(&t);
    ck_assert_int_eq(cg_text_from_bytes(&t, "\xff\xfe", 2, CG_MARKUP_PLAIN, "bom16", &err), CG_OK);
    ck_assert_uint_eq(t.raw_len, 0);
    ck_assert_str_eq(t.raw, "");
    ck_assert_str_eq(t.clean, "");
    cg_text_free(&t);
}
END_TEST

/* ---- rejected bytes ---- */

typedef struct bad_case {
    const char *bytes;
    size_t len;
    long line, column;
    const char *message; /* start of the message */
} bad_case;

static const bad_case bads[] = {
    {"ab\0c", 4, 1, 3, "binary file (NUL byte at offset 2)"},
    {"\0", 1, 1, 1, "binary file (NUL byte at offset 0)"},
    {"0123456789\n0123456789abcdef\0", 28, 2, 17, "binary file (NUL byte at offset 27)"},
    {"x\ny\xc0\xaf", 5, 2, 2, "invalid UTF-8 (byte 0xC0 at offset 3)"},          /* overlong '/' */
    {"\xe0\x80\xaf", 3, 1, 1, "invalid UTF-8 (byte 0xE0 at offset 0)"},          /* overlong, 3 bytes */
    {"\x80", 1, 1, 1, "invalid UTF-8 (byte 0x80 at offset 0)"},                  /* lone continuation */
    {"\xc3\xa9\xc3\xa9 \xbf", 6, 1, 4, "invalid UTF-8 (byte 0xBF at offset 5)"}, /* after 2 chars */
    {"ok\n\n  \xe2\x82", 8, 3, 3, "invalid UTF-8 (byte 0xE2 at offset 6)"},      /* truncated at end */
    {"\xe2\x82z", 3, 1, 1, "invalid UTF-8 (byte 0xE2 at offset 0)"},             /* truncated inside */
    {"\xed\xa0\x80", 3, 1, 1, "invalid UTF-8 (byte 0xED at offset 0)"},          /* surrogate */
    {"a\r\n\xed\xbf\xbf", 6, 2, 1, "invalid UTF-8 (byte 0xED at offset 3)"},     /* low surrogate */
    {"a\rb\xf4\x90\x80\x80", 7, 2, 2, "invalid UTF-8 (byte 0xF4 at offset 3)"},  /* above U+10FFFF */
    {"\xf5\x80\x80\x80", 4, 1, 1, "invalid UTF-8 (byte 0xF5 at offset 0)"},
    {"\xff", 1, 1, 1, "invalid UTF-8 (byte 0xFF at offset 0)"},
    {"abcdefghijklmnop\xc1\x81", 18, 1, 17, "invalid UTF-8 (byte 0xC1 at offset 16)"},
    {"\xef\xbb\xbf" "ab\0", 6, 1, 3, "binary file (NUL byte at offset 2)"}, /* after the BOM */
};

START_TEST(test_rejects)
{
    const bad_case *c = &bads[_i];
    cg_text t;
    cg_error err;
    cg_error_clear(&err);
    ck_assert_int_eq(cg_text_from_bytes(&t, c->bytes, c->len, CG_MARKUP_PLAIN, "bad.txt", &err),
                     CG_EINPUT);
    ck_assert_int_eq(err.status, CG_EINPUT);
    ck_assert_str_eq(err.path, "bad.txt");
    ck_assert_msg(err.line == c->line && err.column == c->column, "case %d: got %ld:%ld, want %ld:%ld",
                  _i, err.line, err.column, c->line, c->column);
    ck_assert_msg(strncmp(err.message, c->message, strlen(c->message)) == 0, "message: %s",
                  err.message);
    ck_assert_ptr_null(t.raw);
    ck_assert_ptr_null(t.clean);
}
END_TEST

/* Valid UTF-8 accepted byte for byte. */
static const char *const goods[] = {
    "plain ASCII text longer than eight bytes",
    "\xc2\x80\xdf\xbf",                 /* 2-byte bounds */
    "\xe0\xa0\x80\xed\x9f\xbf\xee\x80\x80\xef\xbf\xbf", /* 3-byte bounds around surrogates */
    "\xf0\x90\x80\x80\xf4\x8f\xbf\xbf", /* 4-byte bounds */
    "12345678\xc3\xa9" "12345678",
};

START_TEST(test_utf8_valid)
{
    const char *s = goods[_i];
    size_t bad = 12345;
    ck_assert_int_eq(cg_utf8_valid(s, strlen(s), &bad), 1);
    ck_assert_uint_eq(bad, 12345);
    cg_text t;
    cg_error err;
    ck_assert_int_eq(cg_text_from_bytes(&t, s, strlen(s), CG_MARKUP_PLAIN, "t", &err), CG_OK);
    ck_assert_str_eq(t.raw, s);
    cg_text_free(&t);
}
END_TEST

START_TEST(test_utf8_bad_offset)
{
    size_t bad = 0;
    ck_assert_int_eq(cg_utf8_valid("0123456789\x80", 11, &bad), 0);
    ck_assert_uint_eq(bad, 10);
    ck_assert_int_eq(cg_utf8_valid("01234567\0", 9, &bad), 0);
    ck_assert_uint_eq(bad, 8);
    ck_assert_int_eq(cg_utf8_valid("", 0, &bad), 1);
}
END_TEST

/* Text of n bytes (a zero byte after them) from seed: ASCII words, line
 * ends of every kind, markup (links, tags, entities, emphasis, escapes)
 * and characters of two to four bytes, some of them those the markup
 * removal replaces. */
static char *mixed_text(size_t n, unsigned seed)
{
    static const char *const parts[] = {
        "word ", "A/RES/70/1 ", "\n", "\r\n", "\r", "\t", "[link](http://x.org/a) ",
        "<b>bold</b> ", "<sup>3</sup>", "&amp; ", "&#233; ", "*em* ", "\\[ ", "<http://u.org> ",
        "\xc3\xa9", "\xc2\xa0", "\xe2\x80\x91", "\xe2\x80\x99", "\xc2\xb9", "\xf0\x9f\x98\x80",
        "\xef\xbb\xbf", "<!-- c -->", "<p>", "<", ">", "]", "&"};
    char *s = malloc(n + 1);
    ck_assert_ptr_nonnull(s);
    size_t at = 0;
    unsigned r = seed * 2654435761u + 1;
    while (at < n) {
        r = r * 1103515245u + 12345u;
        const char *w = parts[(r >> 16) % (sizeof parts / sizeof parts[0])];
        size_t len = strlen(w);
        if (at + len > n) {
            memset(s + at, 'x', n - at);
            break;
        }
        memcpy(s + at, w, len);
        at += len;
    }
    s[n] = '\0';
    return s;
}

/* The check made with markup removal, in its pass, fails exactly where
 * the check alone does, with the same message, line and column: a bad
 * byte anywhere (in a block of 32 bytes, across blocks, in the bytes
 * that a link, a tag or a comment drops, in the last bytes). */
START_TEST(test_check_with_markup)
{
    static const char *const bads_in[] = {"\xff", "\x80", "\xc3", "\xe2\x82", "\xc0\xaf",
                                          "\xed\xa0\x80", "\xf4\x90\x80\x80", "\0"};
    static const cg_markup markups[] = {CG_MARKUP_PLAIN, CG_MARKUP_MARKDOWN, CG_MARKUP_HTML};
    size_t n = 700 + (size_t)_i * 37;
    char *good = mixed_text(n, (unsigned)_i);
    size_t bad;
    ck_assert_int_eq(cg_utf8_valid(good, n, &bad), 1);
    for (size_t m = 0; m < sizeof markups / sizeof markups[0]; m++) {
        cg_text t;
        cg_error err;
        cg_error_clear(&err);
        ck_assert_int_eq(cg_text_from_bytes(&t, good, n, markups[m], "t", &err), CG_OK);
        cg_text_free(&t);
    }
    char *s = malloc(n + 8);
    ck_assert_ptr_nonnull(s);
    for (size_t at = 0; at < n; at += 1 + at % 29) {
        const char *b = bads_in[(at + (size_t)_i) % (sizeof bads_in / sizeof bads_in[0])];
        size_t blen = *b ? strlen(b) : 1;
        memcpy(s, good, n);
        memcpy(s + at, b, blen); /* overwrites: may also cut a character */
        size_t len = at + blen > n ? at + blen : n;
        cg_text want;
        cg_error werr;
        cg_error_clear(&werr);
        cg_status wst = cg_text_from_bytes(&want, s, len, CG_MARKUP_NONE, "t", &werr);
        if (wst == CG_OK)
            cg_text_free(&want);
        for (size_t m = 0; m < sizeof markups / sizeof markups[0]; m++) {
            cg_text t;
            cg_error err;
            cg_error_clear(&err);
            cg_status st = cg_text_from_bytes(&t, s, len, markups[m], "t", &err);
            ck_assert_int_eq(st, wst);
            if (st == CG_OK) {
                cg_text_free(&t);
                continue;
            }
            ck_assert_str_eq(err.message, werr.message);
            ck_assert_int_eq(err.line, werr.line);
            ck_assert_int_eq(err.column, werr.column);
            ck_assert_ptr_null(t.raw);
        }
    }
    free(s);
    free(good);
}
END_TEST

/* ---- BOM and UTF-16 ---- */

typedef struct utf16_case {
    const char *bytes;
    size_t len;
    cg_status status;
    const char *raw;
} utf16_case;

static const utf16_case utf16s[] = {
    {"\xff\xfe" "A\0/\0\xe9\0", 8, CG_OK, "A/\xc3\xa9"},
    {"\xfe\xff\0A\0B", 6, CG_OK, "AB"},
    {"\xfe\xff\x20\xac\0\n\0x", 8, CG_OK, "\xe2\x82\xac\nx"},
    {"\xff\xfe\x3d\xd8\x00\xde", 6, CG_OK, "\xf0\x9f\x98\x80"},       /* surrogate pair, LE */
    {"\xfe\xff\xd8\x3d\xde\x00", 6, CG_OK, "\xf0\x9f\x98\x80"},       /* surrogate pair, BE */
    {"\xff\xfe" "A\0\r\0\n\0", 8, CG_OK, "A\r\n"},
    {"\xff\xfe" "A\0B", 5, CG_EINPUT, NULL},                          /* odd length */
    {"\xff\xfe\x3d\xd8" "A\0", 6, CG_EINPUT, NULL},                   /* high surrogate alone */
    {"\xff\xfe\x00\xde", 4, CG_EINPUT, NULL},                         /* low surrogate alone */
    {"\xff\xfe\x3d\xd8", 4, CG_EINPUT, NULL},                         /* truncated pair */
    {"\xff\xfe" "A\0\0\0", 6, CG_EINPUT, NULL},                       /* NUL character */
};

START_TEST(test_utf16)
{
    const utf16_case *c = &utf16s[_i];
    cg_text t;
    cg_error err;
    cg_error_clear(&err);
    ck_assert_int_eq(cg_text_from_bytes(&t, c->bytes, c->len, CG_MARKUP_PLAIN, "u16", &err), c->status);
    if (c->status == CG_OK) {
        ck_assert_str_eq(t.raw, c->raw);
        ck_assert_uint_eq(t.raw_len, strlen(c->raw));
        cg_text_free(&t);
    } else {
        ck_assert_str_eq(err.path, "u16");
        ck_assert_ptr_null(t.raw);
    }
}
END_TEST

START_TEST(test_bom)
{
    cg_text t;
    cg_error err;
    ck_assert_int_eq(cg_text_from_bytes(&t, "\xef\xbb\xbfS/1\n", 7, CG_MARKUP_PLAIN, "t", &err), CG_OK);
    ck_assert_str_eq(t.raw, "S/1\n");
    ck_assert_uint_eq(t.raw_len, 4);
    ck_assert_str_eq(t.clean, "S/1\n");
    long line, col;
    cg_text_position(&t, 2, &line, &col); /* columns count from after the BOM */
    ck_assert_int_eq(line, 1);
    ck_assert_int_eq(col, 3);
    cg_text_free(&t);
    /* a partial BOM is invalid UTF-8 */
    ck_assert_int_eq(cg_text_from_bytes(&t, "\xef\xbbS", 3, CG_MARKUP_PLAIN, "t", &err), CG_EINPUT);
}
END_TEST

/* ---- clean -> raw offsets ---- */

typedef struct offset_case {
    const char *raw;
    const char *needle; /* found in clean text; must start the same raw bytes */
    size_t raw_at;      /* expected raw offset */
} offset_case;

static const offset_case offsets[] = {
    {"[A/1/2](#) x", "A/1/2", 1},
    {"[A/1/2](#) x", "x", 11},
    {"see [the report](https://x.org/a) S/3 end", "S/3", 34},
    {"see [the report](https://x.org/a) S/3 end", "https", 17},
    {"see [the report](https://x.org/a) S/3 end", "end", 38},
    {"[a](#b) [c](#d) S/9", "S/9", 16},
    {"a&amp;b S/4", "S/4", 8},
    {"x\xc2\xb9 S/5", "S/5", 4},
    {"a\r\nb\r\nS/6", "S/6", 6},
    {"<p>one</p>two", "two", 10},
    {"resolutions [822 \\(1993\\)](#) end", "1993", 19},
    {"resolutions [822 \\(1993\\)](#) end", "end", 30},
};

START_TEST(test_raw_offset)
{
    const offset_case *c = &offsets[_i];
    cg_text t;
    cg_error err;
    ck_assert_int_eq(cg_text_from_bytes(&t, c->raw, strlen(c->raw), CG_MARKUP_PLAIN, "t", &err), CG_OK);
    const char *hit = strstr(t.clean, c->needle);
    ck_assert_msg(hit != NULL, "\"%s\" not in \"%s\"", c->needle, t.clean);
    size_t r = cg_text_raw_offset(&t, (size_t)(hit - t.clean));
    ck_assert_uint_eq(r, c->raw_at);
    ck_assert_int_eq(memcmp(c->raw + r, c->needle, strlen(c->needle)), 0);
    /* every later byte of the needle follows in the raw text */
    for (size_t k = 1; k < strlen(c->needle); k++)
        ck_assert_uint_eq(cg_text_raw_offset(&t, (size_t)(hit - t.clean) + k), c->raw_at + k);
    cg_text_free(&t);
}
END_TEST

START_TEST(test_raw_offset_monotonic)
{
    const char *raw = "x [A/1](#) y [the report](https://x.org/a) z&amp;\xc2\xb9<sup>2</sup>\r\nend";
    cg_text t;
    cg_error err;
    ck_assert_int_eq(cg_text_from_bytes(&t, raw, strlen(raw), CG_MARKUP_PLAIN, "t", &err), CG_OK);
    ck_assert_str_eq(t.clean, "x A/1 y the report https://x.org/a  z&\nend");
    size_t prev = 0;
    for (size_t k = 0; k <= t.clean_len; k++) {
        size_t r = cg_text_raw_offset(&t, k);
        ck_assert_uint_le(r, t.raw_len);
        ck_assert_uint_ge(r, prev);
        prev = r;
    }
    ck_assert_uint_eq(cg_text_raw_offset(&t, t.clean_len), t.raw_len);
    ck_assert_uint_eq(cg_text_raw_offset(&t, 0), 0);
    ck_assert_uint_eq(cg_text_raw_offset(&t, 2), 3);  /* A of A/1 */
    ck_assert_uint_eq(cg_text_raw_offset(&t, 6), 11); /* y */
    cg_text_free(&t);
}
END_TEST

/* Lookups from a hint give what lookups from scratch give: offsets in
 * order, backwards, by jumps, and with a hint out of range. */
START_TEST(test_offset_hints)
{
    const char *raw = "x [A/1](#) y [the report](https://x.org/a) z&amp;\xc2\xb9<sup>2</sup>\r\n"
                      "*a* **b** [c](d) e&lt;f \\g h";
    cg_text t;
    cg_error err;
    ck_assert_int_eq(cg_text_from_bytes(&t, raw, strlen(raw), CG_MARKUP_PLAIN, "t", &err), CG_OK);
    ck_assert_uint_gt(t.nsegs, 4);
    size_t steps[] = {1, 3, 7};
    for (size_t k = 0; k < sizeof steps / sizeof steps[0]; k++) {
        size_t hc = 0, hr = 0, bc = 0, br = 0;
        for (size_t off = 0; off <= t.raw_len; off += steps[k]) {
            ck_assert_uint_eq(cg_text_clean_offset_at(&t, off, &hc), cg_text_clean_offset(&t, off));
            ck_assert_uint_eq(cg_text_raw_offset_at(&t, off, &hr), cg_text_raw_offset(&t, off));
            size_t back = t.raw_len - off; /* backwards: a fresh search each time */
            ck_assert_uint_eq(cg_text_clean_offset_at(&t, back, &bc), cg_text_clean_offset(&t, back));
            ck_assert_uint_eq(cg_text_raw_offset_at(&t, back, &br), cg_text_raw_offset(&t, back));
        }
    }
    size_t far = t.nsegs + 5;
    ck_assert_uint_eq(cg_text_raw_offset_at(&t, 9, &far), cg_text_raw_offset(&t, 9));
    ck_assert_uint_lt(far, t.nsegs);
    cg_text_free(&t);
}
END_TEST

/* ---- line and column ---- */

typedef struct pos_case {
    const char *raw;
    size_t off;
    long line, column;
} pos_case;

static const pos_case positions[] = {
    {"ab\ncd", 0, 1, 1},
    {"ab\ncd", 2, 1, 3},
    {"ab\ncd", 3, 2, 1},
    {"ab\ncd", 4, 2, 2},
    {"ab\ncd", 5, 2, 3},
    {"ab\ncd", 99, 2, 3}, /* clamped to the end */
    {"ab\r\ncd", 2, 1, 3},
    {"ab\r\ncd", 3, 1, 4},
    {"ab\r\ncd", 4, 2, 1},
    {"ab\r\ncd", 5, 2, 2},
    {"ab\rcd", 3, 2, 1},
    {"ab\rcd", 4, 2, 2},
    {"a\n\nb", 3, 3, 1},
    {"a\r\rb", 3, 3, 1},
    {"a\r\n\r\nb", 5, 3, 1},
    {"a\r\n\r\nb", 6, 3, 2},
    {"a\n\r\n\rb", 5, 4, 1},
    {"\n", 1, 2, 1},
    {"\r", 1, 2, 1},
    {"\xc3\xa9t\xc3\xa9 x", 6, 1, 5},
    {"\xe2\x82\xac\xf0\x9f\x98\x80!", 7, 1, 3},
    {"l1\nl2 \xc3\xa9\xc3\xa9\rl3 \xe2\x80\x94 S/1", 18, 3, 6},
};

START_TEST(test_position)
{
    const pos_case *c = &positions[_i];
    cg_text t;
    cg_error err;
    ck_assert_int_eq(cg_text_from_bytes(&t, c->raw, strlen(c->raw), CG_MARKUP_PLAIN, "t", &err), CG_OK);
    long line = -1, col = -1;
    cg_text_position(&t, c->off, &line, &col);
    ck_assert_msg(line == c->line && col == c->column, "case %d: offset %zu: got %ld:%ld, want %ld:%ld",
                  _i, c->off, line, col, c->line, c->column);
    cg_text_free(&t);
}
END_TEST

/* Line and column of off counted from the start, the plain way. */
static void naive_position(const char *raw, size_t len, size_t off, long *line, long *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < off && i < len; i++) {
        if (raw[i] == '\n' || (raw[i] == '\r' && !(i + 1 < len && raw[i + 1] == '\n'))) {
            (*line)++;
            *col = 1;
        } else if (((unsigned char)raw[i] & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

/* Orders of offsets: 0 forward, 1 backward, 2 scattered, 3 each twice. */
static const int position_orders[] = {0, 1, 2, 3};

/* Checks every offset of raw, in the order position_orders[order]. */
static void check_positions(const char *raw, size_t len, int order)
{
    cg_text t;
    cg_error err;
    ck_assert_int_eq(cg_text_from_bytes(&t, raw, len, CG_MARKUP_PLAIN, "t", &err), CG_OK);
    size_t n = len + 1;
    for (size_t k = 0; k < n * (order == 3 ? 2 : 1); k++) {
        size_t off;
        switch (position_orders[order]) {
        case 0: off = k; break;
        case 1: off = len - k; break;
        case 2: off = (k * 7 + 3) % n; break;
        default: off = k / 2; break;
        }
        long line, col, wl, wc;
        cg_text_position(&t, off, &line, &col);
        naive_position(raw, len, off, &wl, &wc);
        ck_assert_msg(line == wl && col == wc, "offset %zu (step %zu): got %ld:%ld, want %ld:%ld",
                      off, k, line, col, wl, wc);
    }
    cg_text_free(&t);
}

START_TEST(test_position_orders)
{
    const char *raw = "one\r\ntwo \xc3\xa9\xc3\xa9\rthree\n\nfour \xe2\x80\x94 x\r\n\r\rfive";
    check_positions(raw, strlen(raw), _i);
    /* long texts (line feeds counted in blocks): without a carriage
     * return, then with one near the end */
    static char big[6000];
    size_t len = 0;
    for (unsigned k = 0; len + 40 < sizeof big; k++) {
        int n = snprintf(big + len, sizeof big - len, "%.*s\xc3\xa9%s", (int)(k % 23),
                         "line of text with words", k % 5 ? "\n" : "\n\n");
        len += (size_t)n;
    }
    check_positions(big, len, _i);
    big[len - 30] = '\r';
    check_positions(big, len, _i);
    /* long lines (characters counted in blocks) of one-, two-, three- and
     * four-byte characters, ended by LF, CR LF and lone CR in turn */
    static const char *const chars[] = {"a", "\xc3\xa9", "\xe2\x80\x94", "\xf0\x9f\x98\x80", " ",
                                        "\xdf\xbf", "\xef\xbf\xbd"};
    static const char *const ends[] = {"\n", "\r\n", "\r"};
    len = 0;
    for (unsigned k = 0; len + 8 < sizeof big; k++) {
        const char *add = k % 97 == 96 ? ends[(k / 97) % 3] : chars[(k * k + k / 7) % 7];
        size_t n = strlen(add);
        memcpy(big + len, add, n);
        len += n;
    }
    check_positions(big, len, _i);
}
END_TEST

START_TEST(test_position_decreasing)
{
    const char *raw = "first\nsecond S/1\nthird S/2";
    cg_text t;
    cg_error err;
    ck_assert_int_eq(cg_text_from_bytes(&t, raw, strlen(raw), CG_MARKUP_PLAIN, "t", &err), CG_OK);
    /* back within a line, to its start, across line ends, to the start
     * of the text; forward again on the same line */
    static const struct { size_t off; long line, col; } steps[] = {
        {23, 3, 7}, {13, 2, 8}, {0, 1, 1}, {15, 2, 10}, {14, 2, 9}, {6, 2, 1}, {5, 1, 6}, {24, 3, 8},
        {21, 3, 5}, {17, 3, 1}, {16, 2, 11}, {16, 2, 11}, {20, 3, 4}, {25, 3, 9},
    };
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        long line, col;
        cg_text_position(&t, steps[i].off, &line, &col);
        ck_assert_msg(line == steps[i].line && col == steps[i].col, "step %zu: got %ld:%ld", i, line, col);
    }
    cg_text_free(&t);
}
END_TEST

/* ---- files ---- */

static const struct {
    const char *path;
    int markup;
} markups[] = {
    {"a/b.txt", CG_MARKUP_PLAIN},
    {"B.TXT", CG_MARKUP_PLAIN},
    {"b.md", CG_MARKUP_MARKDOWN},
    {"b.markdown", CG_MARKUP_MARKDOWN},
    {"b.htm", CG_MARKUP_HTML},
    {"b.html", CG_MARKUP_HTML},
    {"b.HTML", CG_MARKUP_HTML},
    {"b.pdf", CG_MARKUP_PDF},
    {"b.PDF", CG_MARKUP_PDF},
    {"b.txt.pdf", CG_MARKUP_PDF},
    {"b.doc", -1},
    {"b.txt.docx", -1},
    {"b.pdf.txt", CG_MARKUP_PLAIN},
    {"README", -1},
    {"dir.txt/b", -1},
    {"b.", -1},
    {".txt", CG_MARKUP_PLAIN},
};

START_TEST(test_markup_from_path)
{
    ck_assert_msg(cg_markup_from_path(markups[_i].path) == markups[_i].markup, "%s",
                  markups[_i].path);
}
END_TEST

/* Writes s into dir/name; returns the full path in out. */
static void write_file(const char *dir, const char *name, const char *s, size_t n, char *out,
                       size_t outlen)
{
    snprintf(out, outlen, "%s/%s", dir, name);
    FILE *fp = fopen(out, "wb");
    ck_assert_ptr_nonnull(fp);
    ck_assert_uint_eq(fwrite(s, 1, n, fp), n);
    fclose(fp);
}

static void remove_tree(const char *dir)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

START_TEST(test_text_load)
{
    char dir[] = "/tmp/cgloadXXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[256];
    cg_text t;
    cg_error err;
    cg_error_clear(&err);
    write_file(dir, "doc.md", "\xef\xbb\xbfsee [A/1/2](#)\r\n", 19, path, sizeof path);
    ck_assert_int_eq(cg_text_load(&t, path, CG_MARKUP_MARKDOWN, &err), CG_OK);
    ck_assert_str_eq(t.raw, "see [A/1/2](#)\r\n");
    ck_assert_str_eq(t.clean, "see A/1/2\n");
    cg_text_free(&t);
    write_file(dir, "bin.txt", "a\nb\0", 4, path, sizeof path);
    ck_assert_int_eq(cg_text_load(&t, path, CG_MARKUP_PLAIN, &err), CG_EINPUT);
    ck_assert_str_eq(err.path, path);
    ck_assert_int_eq(err.line, 2);
    ck_assert_int_eq(err.column, 2);
    /* a file larger than the read chunk */
    char *big = malloc(200000);
    ck_assert_ptr_nonnull(big);
    memset(big, 'a', 200000);
    big[199999] = 'z';
    write_file(dir, "big.txt", big, 200000, path, sizeof path);
    ck_assert_int_eq(cg_text_load(&t, path, CG_MARKUP_PLAIN, &err), CG_OK);
    ck_assert_uint_eq(t.raw_len, 200000);
    ck_assert_int_eq(memcmp(t.raw, big, 200000), 0);
    ck_assert_uint_eq(t.clean_len, 200000);
    cg_text_free(&t);
    free(big);
    snprintf(path, sizeof path, "%s/missing.txt", dir);
    ck_assert_int_eq(cg_text_load(&t, path, CG_MARKUP_PLAIN, &err), CG_EIO);
    ck_assert_str_eq(err.path, path);
    ck_assert_str_eq(err.message, "cannot open: No such file or directory");
    ck_assert_int_eq(cg_text_load(&t, dir, CG_MARKUP_PLAIN, &err), CG_EINPUT);
    ck_assert_str_eq(err.path, dir);
    remove_tree(dir);
}
END_TEST

/* Text of n bytes: lines with a symbol, a tab, a non-ASCII word. */
static char *mapped_text(size_t n)
{
    static const char line[] = "see A/78/738 and\tthe caf\xc3\xa9 report\n";
    char *s = malloc(n);
    ck_assert_ptr_nonnull(s);
    for (size_t i = 0; i < n; i++)
        s[i] = line[i % (sizeof line - 1)];
    return s;
}

/* Large files are mapped, and give the same text as bytes in memory. */
START_TEST(test_text_load_mapped)
{
    char dir[] = "/tmp/cgmapXXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[256];
    cg_error err;
    cg_error_clear(&err);
    /* one size a whole number of pages, one not */
    const size_t sizes[] = {(size_t)5 << 20, ((size_t)5 << 20) + 123};
    for (size_t k = 0; k < 2; k++) {
        char *s = mapped_text(sizes[k]);
        write_file(dir, "big.txt", s, sizes[k], path, sizeof path);
        cg_text t, want;
        ck_assert_int_eq(cg_text_load(&t, path, CG_MARKUP_PLAIN, &err), CG_OK);
        ck_assert_uint_ne(t.raw_mapped, 0);
        ck_assert_int_eq(cg_text_from_bytes(&want, s, sizes[k], CG_MARKUP_PLAIN, "t", &err), CG_OK);
        ck_assert_uint_eq(t.raw_len, sizes[k]);
        ck_assert_int_eq(memcmp(t.raw, s, sizes[k]), 0);
        ck_assert_int_eq(t.raw[t.raw_len], '\0');
        ck_assert_uint_eq(t.clean_len, want.clean_len);
        ck_assert_int_eq(memcmp(t.clean, want.clean, want.clean_len), 0);
        cg_text_free(&t);
        cg_text_free(&want);
        /* invalid UTF-8 near the end: an error, the mapping released */
        s[sizes[k] - 2] = '\xff';
        write_file(dir, "bad.txt", s, sizes[k], path, sizeof path);
        ck_assert_int_eq(cg_text_load(&t, path, CG_MARKUP_PLAIN, &err), CG_EINPUT);
        /* a byte-order mark: read, not mapped */
        memcpy(s, "\xef\xbb\xbf", 3);
        s[sizes[k] - 2] = 'x';
        write_file(dir, "bom.txt", s, sizes[k], path, sizeof path);
        ck_assert_int_eq(cg_text_load(&t, path, CG_MARKUP_PLAIN, &err), CG_OK);
        ck_assert_uint_eq(t.raw_mapped, 0);
        ck_assert_uint_eq(t.raw_len, sizes[k] - 3);
        cg_text_free(&t);
        free(s);
    }
    remove_tree(dir);
}
END_TEST

/* The head of a long file: read until it holds the lines asked for, or
 * a line end past the bytes asked for; whole lines, checked; a short
 * file whole. */
START_TEST(test_text_load_head)
{
    char dir[] = "/tmp/cgheadXXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[256];
    cg_error err;
    cg_error_clear(&err);
    cg_text t;
    const size_t n = 300000;
    char *s = mapped_text(n); /* lines of 34 bytes */
    write_file(dir, "long.txt", s, n, path, sizeof path);
    /* 10 lines: within the first read, cut at a line end */
    ck_assert_int_eq(cg_text_load_head(&t, path, 10, 65536, &err), CG_OK);
    ck_assert_uint_ge(t.raw_len, 340);
    ck_assert_uint_le(t.raw_len, 16 * 1024);
    ck_assert_int_eq(t.raw[t.raw_len - 1], '\n');
    ck_assert_int_eq(memcmp(t.raw, s, t.raw_len), 0);
    cg_text_free(&t);
    /* 2,000 lines: more than one read */
    ck_assert_int_eq(cg_text_load_head(&t, path, 2000, 65536, &err), CG_OK);
    ck_assert_uint_ge(t.raw_len, 2000 * 34);
    ck_assert_uint_le(t.raw_len, 2 * 65536);
    ck_assert_int_eq(memcmp(t.raw, s, t.raw_len), 0);
    cg_text_free(&t);
    /* more lines than twice the bytes hold: twice the bytes, whole lines */
    ck_assert_int_eq(cg_text_load_head(&t, path, 100000, 20000, &err), CG_OK);
    ck_assert_uint_ge(t.raw_len, 20000);
    ck_assert_uint_le(t.raw_len, 40000);
    ck_assert_int_eq(t.raw[t.raw_len - 1], '\n');
    cg_text_free(&t);
    /* a bad byte after the head is not read; within it, an error */
    s[100000] = '\xff';
    write_file(dir, "bad.txt", s, n, path, sizeof path);
    ck_assert_int_eq(cg_text_load_head(&t, path, 10, 65536, &err), CG_OK);
    cg_text_free(&t);
    ck_assert_int_eq(cg_text_load_head(&t, path, 100000, 131072, &err), CG_EINPUT);
    ck_assert_str_eq(err.path, path);
    /* a file of twice the bytes or less: whole */
    write_file(dir, "short.txt", s, 1000, path, sizeof path);
    ck_assert_int_eq(cg_text_load_head(&t, path, 3, 65536, &err), CG_OK);
    ck_assert_uint_eq(t.raw_len, 1000);
    cg_text_free(&t);
    free(s);
    remove_tree(dir);
}
END_TEST

/* A mapped file that shrinks while in use stops the process with
 * status 2 and a message naming it. */
START_TEST(test_text_mapped_shrinks)
{
#if defined(__SANITIZE_ADDRESS__)
    return; /* AddressSanitizer handles SIGBUS itself, so ours is not installed */
#endif
    char dir[] = "/tmp/cgmapXXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[256], errpath[300];
    char *s = mapped_text((size_t)5 << 20);
    write_file(dir, "big.txt", s, (size_t)5 << 20, path, sizeof path);
    free(s);
    snprintf(errpath, sizeof errpath, "%s/stderr", dir);
    fflush(NULL);
    pid_t pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        if (freopen(errpath, "w", stderr) == NULL)
            _exit(3);
        cg_text t;
        cg_error err;
        if (cg_text_load(&t, path, CG_MARKUP_PLAIN, &err) != CG_OK || t.raw_mapped == 0)
            _exit(4);
        if (truncate(path, 0) != 0)
            _exit(5);
        volatile char last = t.raw[t.raw_len - 1];
        (void)last;
        _exit(0);
    }
    int status;
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status));
    ck_assert_int_eq(WEXITSTATUS(status), 2);
    char msg[512] = "";
    FILE *fp = fopen(errpath, "r");
    ck_assert_ptr_nonnull(fp);
    size_t n = fread(msg, 1, sizeof msg - 1, fp);
    msg[n] = '\0';
    fclose(fp);
    ck_assert_ptr_nonnull(strstr(msg, path));
    ck_assert_ptr_nonnull(strstr(msg, "shrank while being read"));
    remove_tree(dir);
}
END_TEST

/* ---- corpus ---- */

typedef struct report_log {
    int n, fatal;
    char lines[16][1600];
} report_log;

static void log_report(const cg_error *err, int fatal, void *ctx)
{
    report_log *log = ctx;
    if (log->n < 16)
        snprintf(log->lines[log->n], sizeof log->lines[0], "%d %s: %s", fatal, err->path, err->message);
    log->n++;
    log->fatal += fatal != 0;
}

START_TEST(test_corpus)
{
    char dir[] = "/tmp/cgcorpXXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[512], link[512];
    snprintf(path, sizeof path, "%s/sub", dir);
    ck_assert_int_eq(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/sub/deeper", dir);
    ck_assert_int_eq(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/.hidden", dir);
    ck_assert_int_eq(mkdir(path, 0700), 0);
    const char *files[] = {"b.txt", "a.md", "B.htm", "sub/c.html", "sub/A.txt", "sub/deeper/d.txt",
                           "z.doc", ".hidden/h.txt", ".dot.txt"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        write_file(dir, files[i], "x", 1, path, sizeof path);
    snprintf(link, sizeof link, "%s/sub/deeper/up", dir);
    ck_assert_int_eq(symlink("../..", link), 0); /* back to the top: a loop */
    snprintf(link, sizeof link, "%s/sub/self", dir);
    ck_assert_int_eq(symlink("self", link), 0); /* a link to itself */
    snprintf(link, sizeof link, "%s/sub/twin.txt", dir);
    ck_assert_int_eq(symlink("A.txt", link), 0); /* a link to a file is a file */
    char missing[256], direct[256], doc[256];
    snprintf(missing, sizeof missing, "%s/missing", dir);
    snprintf(direct, sizeof direct, "%s/sub/A.txt", dir);
    snprintf(doc, sizeof doc, "%s/z.doc", dir);
    const char *paths[] = {dir, missing, direct, doc};
    cg_corpus c;
    report_log log;
    memset(&log, 0, sizeof log);
    ck_assert_int_eq(cg_corpus_collect(&c, paths, 4, log_report, &log), CG_OK);

    static const char *const rels[] = {"B.htm", "a.md", "b.txt", "sub/A.txt", "sub/c.html",
                                       "sub/deeper/d.txt", "sub/twin.txt", "A.txt"};
    static const int kinds[] = {CG_MARKUP_HTML, CG_MARKUP_MARKDOWN, CG_MARKUP_PLAIN, CG_MARKUP_PLAIN,
                                CG_MARKUP_HTML, CG_MARKUP_PLAIN, CG_MARKUP_PLAIN, CG_MARKUP_PLAIN};
    ck_assert_uint_eq(c.n, sizeof rels / sizeof rels[0]);
    for (size_t i = 0; i < c.n; i++) {
        ck_assert_str_eq(c.files[i].rel, rels[i]);
        ck_assert_int_eq(c.files[i].markup, kinds[i]);
        ck_assert_uint_eq(c.files[i].size, 1); /* every file holds "x" */
        if (i + 1 < c.n) {
            snprintf(path, sizeof path, "%s/%s", dir, rels[i]);
            ck_assert_str_eq(c.files[i].path, path);
        }
    }
    ck_assert_str_eq(c.files[c.n - 1].path, direct);

    /* the loop, the link to itself, the missing path, the file of
     * another type named directly; the one met in the folder is a note */
    ck_assert_uint_eq(c.failures, 4);
    ck_assert_int_eq(log.fatal, 4);
    ck_assert_int_eq(log.n, 5);
    char want[5][1200];
    snprintf(want[0], sizeof want[0], "1 %s/sub/deeper/up: symbolic link loop; folder not entered", dir);
    snprintf(want[1], sizeof want[1], "1 %s/sub/self: symbolic link loop", dir);
    snprintf(want[2], sizeof want[2], "0 %s/z.doc: skipped: not a .txt, .md, .html or .pdf document", dir);
    snprintf(want[3], sizeof want[3], "1 %s: no such file or folder", missing);
    snprintf(want[4], sizeof want[4], "1 %s: not a .txt, .md, .html or .pdf document; skipped", doc);
    for (int i = 0; i < 5; i++)
        ck_assert_str_eq(log.lines[i], want[i]);
    cg_corpus_free(&c);
    ck_assert_ptr_null(c.files);
    ck_assert_uint_eq(c.n, 0);
    remove_tree(dir);
}
END_TEST

START_TEST(test_corpus_no_callback)
{
    char dir[] = "/tmp/cgcorpXXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[512];
    for (int i = 99; i >= 0; i--) { /* enough names to sort and grow the lists */
        char name[32];
        snprintf(name, sizeof name, "doc%03d.txt", i);
        write_file(dir, name, "", 0, path, sizeof path);
    }
    char missing[512];
    snprintf(missing, sizeof missing, "%s/nope.txt", dir);
    const char *paths[] = {missing, dir};
    cg_corpus c;
    ck_assert_int_eq(cg_corpus_collect(&c, paths, 2, NULL, NULL), CG_OK);
    ck_assert_uint_eq(c.n, 100);
    ck_assert_uint_eq(c.failures, 1);
    for (size_t i = 0; i < c.n; i++) {
        char name[32];
        snprintf(name, sizeof name, "doc%03zu.txt", i);
        ck_assert_str_eq(c.files[i].rel, name);
    }
    cg_corpus_free(&c);
    /* nothing to list */
    ck_assert_int_eq(cg_corpus_collect(&c, NULL, 0, NULL, NULL), CG_OK);
    ck_assert_uint_eq(c.n, 0);
    ck_assert_uint_eq(c.failures, 0);
    cg_corpus_free(&c);
    remove_tree(dir);
}
END_TEST

static Suite *input_suite(void)
{
    Suite *s = suite_create("input");
    TCase *tc = tcase_create("bytes");
    tcase_add_loop_test(tc, test_rejects, 0, (int)(sizeof bads / sizeof bads[0]));
    tcase_add_loop_test(tc, test_utf8_valid, 0, (int)(sizeof goods / sizeof goods[0]));
    tcase_add_test(tc, test_utf8_bad_offset);
    tcase_add_loop_test(tc, test_check_with_markup, 0, 12);
    tcase_add_loop_test(tc, test_utf16, 0, (int)(sizeof utf16s / sizeof utf16s[0]));
    tcase_add_test(tc, test_bom);
    tcase_add_test(tc, test_empty);
    suite_add_tcase(s, tc);

    tc = tcase_create("markup");
    tcase_add_loop_test(tc, test_clean, 0, (int)(sizeof cleans / sizeof cleans[0]));
    tcase_add_test(tc, test_clean_unchanged);
    tcase_add_test(tc, test_clean_many_replacements);
    tcase_add_loop_test(tc, test_raw_offset, 0, (int)(sizeof offsets / sizeof offsets[0]));
    tcase_add_test(tc, test_raw_offset_monotonic);
    tcase_add_test(tc, test_offset_hints);
    suite_add_tcase(s, tc);

    tc = tcase_create("position");
    tcase_add_loop_test(tc, test_position, 0, (int)(sizeof positions / sizeof positions[0]));
    tcase_add_loop_test(tc, test_position_orders, 0,
                        (int)(sizeof position_orders / sizeof position_orders[0]));
    tcase_add_test(tc, test_position_decreasing);
    suite_add_tcase(s, tc);

    tc = tcase_create("files");
    tcase_add_loop_test(tc, test_markup_from_path, 0, (int)(sizeof markups / sizeof markups[0]));
    tcase_add_test(tc, test_text_load);
    tcase_add_test(tc, test_text_load_mapped);
    tcase_add_test(tc, test_text_load_head);
    tcase_add_test(tc, test_text_mapped_shrinks);
    tcase_add_test(tc, test_corpus);
    tcase_add_test(tc, test_corpus_no_callback);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_MAIN(input_suite)
