/* Unit suite of the piece loader (src/input/piece.c): the pieces of a
 * large file tile it exactly, end where a paragraph (else a line, else a
 * character) ends, count their lines, and report errors with offsets in
 * the file; UTF-16 is read whole as the first piece. */
#include "unit.h"

/* Writes n bytes of s to dir/name; its path into path. */
static void put_file(const char *dir, const char *name, const char *s, size_t n, char *path,
                     size_t size)
{
    snprintf(path, size, "%s/%s", dir, name);
    FILE *fp = fopen(path, "wb");
    ck_assert_ptr_nonnull(fp);
    ck_assert_uint_eq(fwrite(s, 1, n, fp), n);
    ck_assert_int_eq(fclose(fp), 0);
}

/* n bytes of text: lines of varying length, a blank line now and then
 * (every `para` lines; 0: never), or no line break at all when width is
 * 0; two-byte characters in it so that a cut could split one. */
static char *make_text(size_t n, unsigned para, unsigned width)
{
    char *s = malloc(n);
    ck_assert_ptr_nonnull(s);
    unsigned line = 0, col = 0;
    for (size_t i = 0; i < n; i++) {
        if (width && col >= width + line % 17) {
            s[i] = '\n';
            col = 0;
            line++;
            if (para && line % para == 0 && i + 1 < n)
                s[++i] = '\n';
            continue;
        }
        if (col % 11 == 5 && i + 1 < n) {
            s[i++] = '\xc3'; /* é */
            s[i] = '\xa9';
        } else {
            s[i] = (char)('a' + (i * 7 + line) % 26);
        }
        col++;
    }
    return s;
}

/* Loads every piece of path (n bytes, s) and checks that they tile it,
 * that each starts after a break of the kind expected, and that their
 * line ends sum to the file's. */
static void check_tiling(const char *path, const char *s, size_t n, int breaks)
{
    size_t pieces = cg_text_pieces(n, CG_MARKUP_PLAIN);
    ck_assert_uint_eq(pieces, (n + CG_PIECE_BYTES - 1) / CG_PIECE_BYTES);
    size_t at = 0;
    long lines = 0, want = 0;
    for (size_t i = 0; i < n; i++)
        want += s[i] == '\n';
    for (size_t k = 0; k < pieces; k++) {
        cg_text t;
        cg_error err;
        cg_error_clear(&err);
        long ends = -1;
        ck_assert_int_eq(cg_text_load_piece(&t, path, CG_MARKUP_PLAIN, k, &ends, &err), CG_OK);
        ck_assert_uint_le(at + t.raw_len, n);
        ck_assert_int_eq(memcmp(t.raw, s + at, t.raw_len), 0);
        if (k > 0 && at < n) {
            /* the piece starts after a break of the expected kind */
            if (breaks == 2)
                ck_assert(s[at - 1] == '\n' && s[at - 2] == '\n');
            else if (breaks == 1)
                ck_assert(s[at - 1] == '\n');
            ck_assert_int_ne((unsigned char)s[at] & 0xC0, 0x80);
            ck_assert_uint_le(at - k * CG_PIECE_BYTES, CG_PIECE_SLACK);
        }
        at += t.raw_len;
        lines += ends;
        cg_text_free(&t);
    }
    ck_assert_uint_eq(at, n);
    ck_assert_int_eq(lines, want);
}

START_TEST(test_pieces_count)
{
    ck_assert_uint_eq(cg_text_pieces(0, CG_MARKUP_PLAIN), 1);
    ck_assert_uint_eq(cg_text_pieces(CG_PIECE_FILE_MIN - 1, CG_MARKUP_PLAIN), 1);
    ck_assert_uint_eq(cg_text_pieces(CG_PIECE_FILE_MIN, CG_MARKUP_MARKDOWN),
                      CG_PIECE_FILE_MIN / CG_PIECE_BYTES);
    ck_assert_uint_eq(cg_text_pieces(CG_PIECE_FILE_MIN + 1, CG_MARKUP_PLAIN),
                      CG_PIECE_FILE_MIN / CG_PIECE_BYTES + 1);
    ck_assert_uint_eq(cg_text_pieces(CG_PIECE_FILE_MIN * 4, CG_MARKUP_HTML), 1);
    ck_assert_uint_eq(cg_text_pieces(CG_PIECE_FILE_MIN * 4, CG_MARKUP_PDF), 1);
}
END_TEST

/* paragraphs, lines only, one endless line */
START_TEST(test_pieces_tile)
{
    static const struct {
        unsigned para, width;
        int breaks;
    } kinds[] = {{40, 70, 2}, {0, 70, 1}, {0, 0, 0}};
    char dir[] = "/tmp/cgpieceXXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[256];
    size_t n = (size_t)CG_PIECE_FILE_MIN + CG_PIECE_BYTES / 2 + 12345;
    char *s = make_text(n, kinds[_i].para, kinds[_i].width);
    put_file(dir, "big.txt", s, n, path, sizeof path);
    check_tiling(path, s, n, kinds[_i].breaks);
    free(s);
    unlink(path);
    rmdir(dir);
}
END_TEST

/* A bad byte in one piece: that piece fails with the file's offset and
 * its own line, the others load. */
START_TEST(test_pieces_bad_byte)
{
    char dir[] = "/tmp/cgpieceXXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[256];
    size_t n = (size_t)CG_PIECE_FILE_MIN + 999;
    char *s = make_text(n, 40, 70);
    size_t bad = 2 * CG_PIECE_BYTES + CG_PIECE_BYTES / 2;
    while (s[bad] == '\n' || ((unsigned char)s[bad] & 0x80))
        bad++;
    s[bad] = '\xff';
    put_file(dir, "bad.txt", s, n, path, sizeof path);
    for (size_t k = 0; k < cg_text_pieces(n, CG_MARKUP_PLAIN); k++) {
        cg_text t;
        cg_error err;
        cg_error_clear(&err);
        long ends;
        cg_status st = cg_text_load_piece(&t, path, CG_MARKUP_PLAIN, k, &ends, &err);
        if (k != 2) {
            ck_assert_int_eq(st, CG_OK);
            cg_text_free(&t);
            continue;
        }
        ck_assert_int_eq(st, CG_EINPUT);
        char want[64];
        snprintf(want, sizeof want, "at offset %zu)", bad);
        ck_assert_ptr_nonnull(strstr(err.message, want));
        ck_assert_int_gt(err.line, 0);
        ck_assert_int_gt(ends, 0);
    }
    free(s);
    unlink(path);
    rmdir(dir);
}
END_TEST

/* Line ends of s[0, n): '\n', "\r\n" and a lone '\r' one each. */
static long line_ends_of(const char *s, size_t n)
{
    long ends = 0;
    for (size_t i = 0; i < n; i++)
        ends += s[i] == '\n' || (s[i] == '\r' && (i + 1 >= n || s[i + 1] != '\n'));
    return ends;
}

/* Line ends of every kind, some across a block of 32 bytes, some in
 * markup that the scan jumps over: each piece counts its own, the one
 * with a bad byte in it too (the pieces after it need the count); read
 * as the bytes only, the same. */
START_TEST(test_pieces_line_ends)
{
    static const cg_markup markups[] = {CG_MARKUP_PLAIN, CG_MARKUP_MARKDOWN, CG_MARKUP_NONE};
    static const char *const marks[] = {"\r\n", "\r", "\r\r\n", "<!-- a\rb\nc -->",
                                        "[x](http://a.org/\r)", "<b\r\n>", "\n\r"};
    char dir[] = "/tmp/cgpieceXXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[256];
    size_t n = (size_t)CG_PIECE_FILE_MIN + 4321;
    char *s = make_text(n, 40, 70);
    for (size_t i = 100, j = 0; i + 40 < n; i += 997 + i % 31, j++) {
        const char *mk = marks[j % (sizeof marks / sizeof marks[0])];
        size_t len = strlen(mk);
        if (((unsigned char)s[i] & 0xC0) == 0x80)
            i++; /* no character cut */
        memcpy(s + i, mk, len);
        if (((unsigned char)s[i + len] & 0xC0) == 0x80)
            s[i + len] = 'y';
    }
    size_t pieces = cg_text_pieces(n, CG_MARKUP_PLAIN), lens[8];
    ck_assert_uint_le(pieces, 8);
    size_t bad = 3 * CG_PIECE_BYTES + 12345;
    while (((unsigned char)s[bad] & 0x80) || s[bad] == '\n' || s[bad] == '\r')
        bad++;
    for (int with_bad = 0; with_bad < 2; with_bad++) {
        if (with_bad)
            s[bad] = '\xfe';
        put_file(dir, "ends.txt", s, n, path, sizeof path);
        for (size_t m = 0; m < sizeof markups / sizeof markups[0]; m++) {
            size_t at = 0;
            for (size_t k = 0; k < pieces; k++) {
                cg_text t;
                cg_error err;
                cg_error_clear(&err);
                long ends = -1;
                cg_status st = cg_text_load_piece(&t, path, markups[m], k, &ends, &err);
                if (!with_bad) {
                    ck_assert_int_eq(st, CG_OK);
                    lens[k] = t.raw_len; /* the same with the bad byte */
                    cg_text_free(&t);
                } else if (at <= bad && bad < at + lens[k]) {
                    ck_assert_int_eq(st, CG_EINPUT);
                    ck_assert_ptr_nonnull(strstr(err.message, "invalid UTF-8 (byte 0xFE"));
                } else {
                    ck_assert_int_eq(st, CG_OK);
                    cg_text_free(&t);
                }
                ck_assert_int_eq(ends, line_ends_of(s + at, lens[k]));
                at += lens[k];
            }
            ck_assert_uint_eq(at, n);
        }
    }
    free(s);
    unlink(path);
    rmdir(dir);
}
END_TEST

/* UTF-16: the first piece is the whole file, converted; the rest empty. */
START_TEST(test_pieces_utf16)
{
    char dir[] = "/tmp/cgpieceXXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[256];
    size_t chars = (size_t)CG_PIECE_FILE_MIN / 2 + 100, n = 2 + 2 * chars;
    char *s = malloc(n);
    ck_assert_ptr_nonnull(s);
    s[0] = '\xff';
    s[1] = '\xfe';
    for (size_t i = 0; i < chars; i++) {
        s[2 + 2 * i] = (char)(i % 50 == 49 ? '\n' : 'a' + i % 26);
        s[3 + 2 * i] = 0;
    }
    put_file(dir, "wide.txt", s, n, path, sizeof path);
    size_t pieces = cg_text_pieces(n, CG_MARKUP_PLAIN);
    ck_assert_uint_gt(pieces, 1);
    for (size_t k = 0; k < pieces; k++) {
        cg_text t;
        cg_error err;
        cg_error_clear(&err);
        long ends;
        ck_assert_int_eq(cg_text_load_piece(&t, path, CG_MARKUP_PLAIN, k, &ends, &err), CG_OK);
        ck_assert_uint_eq(t.raw_len, k == 0 ? chars : 0);
        cg_text_free(&t);
    }
    free(s);
    unlink(path);
    rmdir(dir);
}
END_TEST

START_TEST(test_pieces_missing)
{
    cg_text t;
    cg_error err;
    cg_error_clear(&err);
    long ends;
    ck_assert_int_eq(cg_text_load_piece(&t, "/nonexistent/x.txt", CG_MARKUP_PLAIN, 1, &ends, &err),
                     CG_EIO);
    ck_assert_ptr_nonnull(strstr(err.message, "cannot open"));
}
END_TEST

/* A piece's line numbers continue those of the pieces before it. */
START_TEST(test_pieces_line_base)
{
    cg_text t;
    cg_error err;
    cg_error_clear(&err);
    ck_assert_int_eq(cg_text_from_bytes(&t, "ab\ncd", 5, CG_MARKUP_PLAIN, "t", &err), CG_OK);
    t.line_base = 1000;
    long line, col;
    cg_text_position(&t, 4, &line, &col);
    ck_assert_int_eq(line, 1002);
    ck_assert_int_eq(col, 2);
    cg_text_free(&t);
}
END_TEST

static Suite *piece_suite(void)
{
    Suite *s = suite_create("piece");
    TCase *tc = tcase_create("piece");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_pieces_count);
    tcase_add_loop_test(tc, test_pieces_tile, 0, 3);
    tcase_add_test(tc, test_pieces_bad_byte);
    tcase_add_test(tc, test_pieces_line_ends);
    tcase_add_test(tc, test_pieces_utf16);
    tcase_add_test(tc, test_pieces_missing);
    tcase_add_test(tc, test_pieces_line_base);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_MAIN(piece_suite)
