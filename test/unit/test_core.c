/* Unit suite of the core module: buffers, error records and their
 * printed form, allocation failure, atomic output, write failures. */
#include <dirent.h>
#include <errno.h>

#include <limits.h>

#include "unit.h"

/* Number of entries of a folder other than "." and "..". */
static int count_entries(const char *path)
{
    DIR *d = opendir(path);
    ck_assert_ptr_nonnull(d);
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL)
        if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

/* Contents of a file (at most 255 bytes), NUL-terminated into out. */
static void read_back(const char *path, char out[256])
{
    FILE *fp = fopen(path, "rb");
    ck_assert_ptr_nonnull(fp);
    size_t n = fread(out, 1, 255, fp);
    out[n] = '\0';
    fclose(fp);
}

/* ---- buffers ---- */

START_TEST(test_buf_append)
{
    cg_buf b = {0};
    ck_assert_int_eq(cg_buf_append(&b, "abc", 3), CG_OK);
    ck_assert_uint_eq(b.len, 3);
    ck_assert_str_eq(b.data, "abc");
    ck_assert_int_eq(cg_buf_append(&b, "d\0e", 3), CG_OK); /* NUL bytes are data */
    ck_assert_uint_eq(b.len, 6);
    ck_assert_int_eq(memcmp(b.data, "abcd\0e", 7), 0);
    ck_assert_int_eq(cg_buf_append(&b, "zzz", 0), CG_OK);
    ck_assert_uint_eq(b.len, 6);
    ck_assert_int_eq(cg_buf_puts(&b, "fg"), CG_OK);
    ck_assert_int_eq(cg_buf_putc(&b, 'h'), CG_OK);
    ck_assert_uint_eq(b.len, 9);
    ck_assert_int_eq(memcmp(b.data, "abcd\0efgh", 10), 0);
    ck_assert_uint_gt(b.cap, b.len);
    cg_buf_free(&b);
    ck_assert_ptr_null(b.data);
    ck_assert_uint_eq(b.len, 0);
    ck_assert_uint_eq(b.cap, 0);
}
END_TEST

START_TEST(test_buf_putc_growth)
{
    cg_buf b = {0};
    for (int i = 0; i < 1000; i++)
        ck_assert_int_eq(cg_buf_putc(&b, (char)('a' + i % 26)), CG_OK);
    ck_assert_uint_eq(b.len, 1000);
    ck_assert_uint_eq(strlen(b.data), 1000);
    ck_assert_int_eq(b.data[0], 'a');
    ck_assert_int_eq(b.data[999], 'a' + 999 % 26);
    ck_assert_uint_ge(b.cap, 1001);
    cg_buf_free(&b);
}
END_TEST

/* Widths of formatted text around the 256-byte scratch of cg_buf_printf. */
static const int printf_widths[] = {0, 1, 254, 255, 256, 257, 300, 5000};

START_TEST(test_buf_printf_growth)
{
    int width = printf_widths[_i];
    char *big = malloc((size_t)width + 1);
    ck_assert_ptr_nonnull(big);
    memset(big, 'x', (size_t)width);
    big[width] = '\0';
    cg_buf b = {0};
    ck_assert_int_eq(cg_buf_puts(&b, "<"), CG_OK);
    ck_assert_int_eq(cg_buf_printf(&b, "%s|%d", big, 42), CG_OK);
    ck_assert_uint_eq(b.len, 1 + (size_t)width + 3);
    ck_assert_uint_eq(strlen(b.data), b.len);
    ck_assert_int_eq(b.data[0], '<');
    ck_assert_int_eq(memcmp(b.data + 1, big, (size_t)width), 0);
    ck_assert_str_eq(b.data + 1 + width, "|42");
    /* and again after it, so the second write lands after the first */
    ck_assert_int_eq(cg_buf_printf(&b, "%s", big), CG_OK);
    ck_assert_uint_eq(b.len, 1 + 2 * (size_t)width + 3);
    ck_assert_str_eq(b.data + b.len - (size_t)width, big);
    cg_buf_free(&b);
    free(big);
}
END_TEST

/* A count prints as "%.0f" would, whole or not, small or huge. */
START_TEST(test_buf_put_count)
{
    static const double xs[] = {0, 1, 9, 10, 99, 100, 12345, 4294967296.0, 9007199254740991.0,
                                9007199254740992.0, 1e300, 0.5, 1.5, 2.5, 2.4999, 123.75,
                                -0.0, -1, -2.5, 1e-300};
    for (size_t i = 0; i < sizeof xs / sizeof xs[0]; i++) {
        cg_buf b = {0};
        char want[400];
        snprintf(want, sizeof want, "%.0f", xs[i]);
        ck_assert_int_eq(cg_buf_put_count(&b, xs[i]), CG_OK);
        ck_assert_str_eq(b.data, want);
        cg_buf_free(&b);
    }
}
END_TEST

/* A decimal prints as "%0*ld" would: signs, widths, the extremes. */
START_TEST(test_put_decimal)
{
    static const long vs[] = {0, 1, 9, 10, 99, 100, 12345, -1, -42, 1000000007L,
                              1000000000000000000L, LONG_MAX, LONG_MIN, LONG_MIN + 1};
    for (size_t i = 0; i < sizeof vs / sizeof vs[0]; i++)
        for (int width = 0; width <= 24; width += 2) {
            char want[64], got[64];
            snprintf(want, sizeof want, "%0*ld", width, vs[i]);
            size_t n = cg_put_decimal(got, vs[i], width);
            got[n] = '\0';
            ck_assert_str_eq(got, want);
        }
}
END_TEST

/* A fixed-point number prints as "%.*f" would: halves, near-halves,
 * huge, tiny, negative and random values, every number of decimals. */
START_TEST(test_buf_put_fixed)
{
    static const double xs[] = {0, 1, 0.5, 1.5, 2.5, 0.0000005, 0.0000015, 0.1234565,
                                0.9999995, 0.99999949999, 123456.7890125, 1e6 + 0.5e-6,
                                1099511.627776, 4e12, 1e300, 1e-300, -0.0, -1.25, 0.1, 0.7};
    unsigned long long seed = 42;
    for (int d = 0; d <= 9; d++)
        for (size_t i = 0; i < sizeof xs / sizeof xs[0] + 2000; i++) {
            double x;
            if (i < sizeof xs / sizeof xs[0]) {
                x = xs[i];
            } else {
                seed = seed * 6364136223846793005ull + 1442695040888963407ull;
                x = (double)(seed >> 11) / 9007199254740992.0; /* [0, 1) */
                if (i % 3 == 1)
                    x *= 1e7;
                if (i % 3 == 2)
                    x = (double)(seed >> 40) / 1e6 + 5e-7; /* near a half of the last place */
            }
            cg_buf b = {0};
            char want[400];
            snprintf(want, sizeof want, "%.*f", d, x);
            ck_assert_int_eq(cg_buf_put_fixed(&b, x, d), CG_OK);
            ck_assert_str_eq(b.data, want);
            cg_buf_free(&b);
        }
}
END_TEST

/* Aligning pads what was appended since an offset, as "%*s" and "%-*s". */
START_TEST(test_buf_align)
{
    cg_buf b = {0};
    ck_assert_int_eq(cg_buf_puts(&b, "ab|"), CG_OK);
    ck_assert_int_eq(cg_buf_puts(&b, "xyz"), CG_OK);
    ck_assert_int_eq(cg_buf_align_right(&b, 3, 6), CG_OK);
    ck_assert_str_eq(b.data, "ab|   xyz");
    ck_assert_int_eq(cg_buf_align_right(&b, 3, 2), CG_OK); /* already wider */
    ck_assert_str_eq(b.data, "ab|   xyz");
    size_t at = b.len;
    ck_assert_int_eq(cg_buf_puts(&b, "k"), CG_OK);
    ck_assert_int_eq(cg_buf_align_left(&b, at, 4), CG_OK);
    ck_assert_int_eq(cg_buf_putc(&b, '|'), CG_OK);
    ck_assert_str_eq(b.data, "ab|   xyzk   |");
    ck_assert_uint_eq(b.len, strlen(b.data));
    cg_buf_free(&b);
}
END_TEST

START_TEST(test_buf_clear)
{
    cg_buf b = {0};
    cg_buf_clear(&b); /* an empty buffer stays empty */
    ck_assert_ptr_null(b.data);
    ck_assert_uint_eq(b.len, 0);
    ck_assert_int_eq(cg_buf_printf(&b, "%0300d", 7), CG_OK);
    ck_assert_uint_eq(b.len, 300);
    char *data = b.data;
    size_t cap = b.cap;
    cg_buf_clear(&b);
    ck_assert_uint_eq(b.len, 0);
    ck_assert_str_eq(b.data, "");
    ck_assert_ptr_eq(b.data, data); /* memory kept */
    ck_assert_uint_eq(b.cap, cap);
    ck_assert_int_eq(cg_buf_puts(&b, "again"), CG_OK);
    ck_assert_str_eq(b.data, "again");
    ck_assert_ptr_eq(b.data, data);
    cg_buf_free(&b);
}
END_TEST

START_TEST(test_buf_reserve)
{
    cg_buf b = {0};
    ck_assert_int_eq(cg_buf_reserve(&b, 100), CG_OK);
    ck_assert_uint_ge(b.cap, 101);
    ck_assert_uint_eq(b.len, 0);
    ck_assert_int_eq(cg_buf_reserve(&b, (size_t)-1), CG_ENOMEM); /* overflow */
    ck_assert_uint_eq(b.len, 0);
    cg_buf_free(&b);
}
END_TEST

/* A buffer with a sink hands it everything, in pieces at the ends of
 * items once it holds CG_BUF_SPILL_BYTES; a sink's failure is returned;
 * without a sink, the ends of items change nothing. */
START_TEST(test_buf_sink)
{
    unit_pieces k = {{0}, 0, 0};
    cg_buf_sink sink = {unit_keep_piece, &k};
    cg_buf b = {0}, plain = {0};
    b.sink = &sink;
    char item[100];
    memset(item, 'x', sizeof item);
    size_t items = 3 * CG_BUF_SPILL_BYTES / sizeof item + 7;
    for (size_t i = 0; i < items; i++) {
        item[0] = (char)('a' + i % 26);
        ck_assert_int_eq(cg_buf_append(&b, item, sizeof item), CG_OK);
        ck_assert_int_eq(cg_buf_append(&plain, item, sizeof item), CG_OK);
        size_t held = b.len;
        ck_assert_int_eq(cg_buf_item_end(&b), CG_OK);
        ck_assert_uint_eq(b.len, held >= CG_BUF_SPILL_BYTES ? 0 : held);
        ck_assert_uint_lt(b.len, CG_BUF_SPILL_BYTES);
        ck_assert_int_eq(cg_buf_item_end(&plain), CG_OK);
    }
    ck_assert_uint_eq(k.pieces, 3);
    ck_assert_int_eq(cg_buf_spill(&b), CG_OK);
    ck_assert_uint_eq(k.pieces, 4);
    ck_assert_uint_eq(b.len, 0);
    ck_assert_str_eq(b.data, "");
    ck_assert_uint_eq(plain.len, items * sizeof item);
    ck_assert_uint_eq(k.all.len, plain.len);
    ck_assert_int_eq(memcmp(k.all.data, plain.data, plain.len), 0);
    ck_assert_int_eq(cg_buf_spill(&plain), CG_OK); /* no sink: kept */
    ck_assert_uint_eq(plain.len, items * sizeof item);
    k.fail_at = k.pieces + 1;
    ck_assert_int_eq(cg_buf_append(&b, item, sizeof item), CG_OK);
    ck_assert_int_eq(cg_buf_spill(&b), CG_EIO);
    cg_buf_free(&b);
    cg_buf_free(&plain);
    cg_buf_free(&k.all);
}
END_TEST

/* ---- error records ---- */

typedef struct print_case {
    const char *path;
    long line, column;
    cg_status status;
    const char *message;
    const char *printed;
} print_case;

static const print_case prints[] = {
    {"a/b.txt", 3, 7, CG_EINPUT, "bad thing", "citegraph: a/b.txt:3:7: bad thing\n"},
    {"a/b.txt", 3, 0, CG_EINPUT, "bad thing", "citegraph: a/b.txt:3: bad thing\n"},
    {"a/b.txt", 0, 0, CG_EIO, "cannot open", "citegraph: a/b.txt: cannot open\n"},
    {"a/b.txt", 0, 9, CG_EIO, "cannot open", "citegraph: a/b.txt: cannot open\n"},
    {NULL, 0, 0, CG_EUSAGE, "no input", "citegraph: no input\n"},
    {"", 4, 2, CG_EUSAGE, "no input", "citegraph: no input\n"},
    {"r.yaml", 12, 1, CG_ECONFIG, "", "citegraph: r.yaml:12:1: configuration error\n"},
    {NULL, 0, 0, CG_ENOMEM, "", "citegraph: out of memory\n"},
};

START_TEST(test_error_print)
{
    const print_case *c = &prints[_i];
    cg_error err;
    cg_error_clear(&err);
    ck_assert_int_eq(cg_error_set(&err, c->status, c->path, c->line, c->column, "%s", c->message),
                     c->status);
    ck_assert_int_eq(err.status, c->status);
    ck_assert_str_eq(err.path, c->path ? c->path : "");
    ck_assert_int_eq(err.line, c->line);
    ck_assert_int_eq(err.column, c->column);
    ck_assert_str_eq(err.message, c->message);
    FILE *fp = tmpfile();
    ck_assert_ptr_nonnull(fp);
    cg_error_print(&err, fp);
    rewind(fp);
    char got[256];
    size_t n = fread(got, 1, sizeof got - 1, fp);
    got[n] = '\0';
    fclose(fp);
    ck_assert_str_eq(got, c->printed);
}
END_TEST

START_TEST(test_error_set_format)
{
    cg_error err;
    ck_assert_int_eq(cg_error_set(&err, CG_ELIMIT, "f", 1, 2, "%d bytes over %s", 12, "limit"),
                     CG_ELIMIT);
    ck_assert_str_eq(err.message, "12 bytes over limit");
    /* a message longer than the record is cut, still terminated */
    char longmsg[1000];
    memset(longmsg, 'm', sizeof longmsg - 1);
    longmsg[sizeof longmsg - 1] = '\0';
    cg_error_set(&err, CG_EIO, longmsg, 0, 0, "%s", longmsg);
    ck_assert_uint_eq(strlen(err.message), sizeof err.message - 1);
    ck_assert_uint_eq(strlen(err.path), 999);
    /* no record: only the status comes back */
    ck_assert_int_eq(cg_error_set(NULL, CG_EIO, "x", 1, 1, "lost"), CG_EIO);
    cg_error_clear(&err);
    ck_assert_int_eq(err.status, CG_OK);
    ck_assert_str_eq(err.path, "");
    ck_assert_str_eq(err.message, "");
    ck_assert_int_eq(err.line, 0);
    ck_assert_int_eq(err.column, 0);
    cg_error_clear(NULL);
}
END_TEST

static const struct {
    cg_status status;
    const char *name;
} status_names[] = {
    {CG_OK, "success"},
    {CG_ENOMEM, "out of memory"},
    {CG_EIO, "input/output error"},
    {CG_EINPUT, "unsupported input"},
    {CG_ECONFIG, "configuration error"},
    {CG_EUSAGE, "usage error"},
    {CG_ELIMIT, "size limit exceeded"},
    {(cg_status)99, "unknown error"},
};

START_TEST(test_status_name)
{
    ck_assert_str_eq(cg_status_name(status_names[_i].status), status_names[_i].name);
}
END_TEST

START_TEST(test_ascii)
{
    ck_assert(cg_ascii_caseeq("Add.1", "ADD.1", 5));
    ck_assert(cg_ascii_caseeq("abc", "abd", 2));
    ck_assert(!cg_ascii_caseeq("abc", "abd", 3));
    ck_assert(!cg_ascii_caseeq("a[", "A{", 2)); /* only letters fold */
    ck_assert(!cg_ascii_caseeq("\xc3\xa9", "\xc3\x89", 2));
    ck_assert_uint_eq(cg_ascii_lower('Q'), 'q');
    ck_assert_uint_eq(cg_ascii_lower('@'), '@');
    ck_assert_uint_eq(cg_ascii_lower(0xC9), 0xC9);
}
END_TEST

/* ---- allocation failure ---- */

START_TEST(test_alloc_fail_first)
{
    cg_buf b = {0};
    cg_alloc_fail_after(1);
    ck_assert_int_eq(cg_buf_append(&b, "x", 1), CG_ENOMEM);
    ck_assert_ptr_null(b.data);
    ck_assert_uint_eq(b.len, 0);
    ck_assert_int_eq(cg_buf_append(&b, "x", 1), CG_OK); /* only one failure */
    ck_assert_str_eq(b.data, "x");
    cg_buf_free(&b);
}
END_TEST

/* The Nth allocation fails, the ones before and after it succeed. */
static const long fail_nth[] = {1, 2, 3, 5};

START_TEST(test_alloc_fail_nth)
{
    long nth = fail_nth[_i];
    cg_buf bufs[6];
    memset(bufs, 0, sizeof bufs);
    cg_alloc_fail_after(nth);
    for (long i = 1; i <= 6; i++) {
        cg_status st = cg_buf_append(&bufs[i - 1], "abc", 3);
        ck_assert_msg(st == (i == nth ? CG_ENOMEM : CG_OK), "allocation %ld of %ld: status %d", i,
                      nth, (int)st);
        if (i == nth) {
            ck_assert_ptr_null(bufs[i - 1].data);
            ck_assert_int_eq(cg_buf_append(&bufs[i - 1], "abc", 3), CG_OK); /* works again */
        }
        ck_assert_str_eq(bufs[i - 1].data, "abc");
    }
    for (int i = 0; i < 6; i++)
        cg_buf_free(&bufs[i]);
    cg_alloc_fail_after(0);
}
END_TEST

START_TEST(test_alloc_fail_growth)
{
    /* a failed growth keeps what the buffer held */
    cg_buf b = {0};
    ck_assert_int_eq(cg_buf_puts(&b, "keep"), CG_OK);
    char big[200];
    memset(big, 'y', sizeof big);
    cg_alloc_fail_after(1);
    ck_assert_int_eq(cg_buf_append(&b, big, sizeof big), CG_ENOMEM);
    ck_assert_uint_eq(b.len, 4);
    ck_assert_str_eq(b.data, "keep");
    ck_assert_int_eq(cg_buf_append(&b, big, sizeof big), CG_OK);
    ck_assert_uint_eq(b.len, 204);
    /* no allocation needed: the countdown is not consumed */
    cg_buf_clear(&b);
    cg_alloc_fail_after(1);
    ck_assert_int_eq(cg_buf_puts(&b, "fits"), CG_OK);
    ck_assert_int_eq(cg_buf_printf(&b, "%0400d", 1), CG_ENOMEM);
    ck_assert_str_eq(b.data, "fits");
    cg_buf_free(&b);
}
END_TEST

START_TEST(test_alloc_hooks)
{
    cg_alloc_fail_after(2);
    char *a = cg_strdup("one");
    char *b = cg_strdup("two");
    char *c = cg_strndup("three", 3);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_null(b);
    ck_assert_ptr_nonnull(c);
    ck_assert_str_eq(a, "one");
    ck_assert_str_eq(c, "thr");
    cg_free(a);
    cg_free(c);
    cg_alloc_fail_after(0); /* disabled: nothing fails */
    int *z = cg_calloc(4, sizeof *z);
    ck_assert_ptr_nonnull(z);
    ck_assert_int_eq(z[0] | z[1] | z[2] | z[3], 0);
    cg_free(z);
    ck_assert_ptr_null(cg_calloc((size_t)-1 / 2, 4)); /* overflow */
    cg_alloc_fail_after(1);
    ck_assert_ptr_null(cg_malloc(8));
    void *p = cg_realloc(NULL, 8);
    ck_assert_ptr_nonnull(p);
    cg_alloc_fail_after(1);
    ck_assert_ptr_null(cg_realloc(p, 64)); /* p stays valid */
    cg_free(p);
    cg_alloc_fail_after(0);
}
END_TEST

/* ---- atomic output ---- */

START_TEST(test_atomic_commit)
{
    char dir[] = "/tmp/cgatomXXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/out.txt", dir);
    cg_atomic_file af;
    cg_error err;
    cg_error_clear(&err);
    ck_assert_int_eq(cg_atomic_open(&af, path, &err), CG_OK);
    ck_assert_ptr_nonnull(af.fp);
    ck_assert_str_eq(af.path, path);
    ck_assert_int_eq(strncmp(af.tmp_path, path, strlen(path)), 0);
    ck_assert_int_eq(access(af.tmp_path, F_OK), 0); /* the temporary is beside the target */
    fputs("hello\n", af.fp);
    ck_assert_int_eq(access(path, F_OK), -1); /* not there before commit */
    ck_assert_int_eq(cg_atomic_commit(&af, &err), CG_OK);
    ck_assert_ptr_null(af.path);
    ck_assert_ptr_null(af.tmp_path);
    ck_assert_int_eq(access(path, F_OK), 0);
    ck_assert_int_eq(count_entries(dir), 1); /* no temporary left */
    char got[256];
    read_back(path, got);
    ck_assert_str_eq(got, "hello\n");
    /* a second commit replaces the file */
    ck_assert_int_eq(cg_atomic_open(&af, path, &err), CG_OK);
    fputs("second", af.fp);
    read_back(path, got);
    ck_assert_str_eq(got, "hello\n");
    ck_assert_int_eq(cg_atomic_commit(&af, &err), CG_OK);
    read_back(path, got);
    ck_assert_str_eq(got, "second");
    ck_assert_int_eq(count_entries(dir), 1);
    ck_assert_int_eq(err.status, CG_OK);
    ck_assert_int_eq(unlink(path), 0);
    ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

START_TEST(test_atomic_abort)
{
    char dir[] = "/tmp/cgatomXXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/out.txt", dir);
    cg_atomic_file af;
    cg_error err;
    /* nothing there before: abort leaves nothing */
    ck_assert_int_eq(cg_atomic_open(&af, path, &err), CG_OK);
    fputs("partial", af.fp);
    cg_atomic_abort(&af);
    ck_assert_ptr_null(af.fp);
    ck_assert_ptr_null(af.path);
    ck_assert_ptr_null(af.tmp_path);
    ck_assert_int_eq(count_entries(dir), 0);
    /* an old file: abort leaves it as it was */
    FILE *fp = fopen(path, "w");
    ck_assert_ptr_nonnull(fp);
    fputs("old", fp);
    fclose(fp);
    ck_assert_int_eq(cg_atomic_open(&af, path, &err), CG_OK);
    fputs("new", af.fp);
    cg_atomic_abort(&af);
    char got[256];
    read_back(path, got);
    ck_assert_str_eq(got, "old");
    ck_assert_int_eq(count_entries(dir), 1);
    cg_atomic_abort(&af); /* a second abort is harmless */
    ck_assert_int_eq(unlink(path), 0);
    ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

START_TEST(test_atomic_missing_folder)
{
    cg_atomic_file af;
    cg_error err;
    cg_error_clear(&err);
    const char *path = "/nonexistent-cg/dir/out.txt";
    ck_assert_int_eq(cg_atomic_open(&af, path, &err), CG_EIO);
    ck_assert_int_eq(err.status, CG_EIO);
    ck_assert_str_eq(err.path, path);
    ck_assert_str_eq(err.message, "cannot create output file: No such file or directory");
    ck_assert_ptr_null(af.fp);
    ck_assert_ptr_null(af.path);
    ck_assert_ptr_null(af.tmp_path);
}
END_TEST

START_TEST(test_atomic_open_nomem)
{
    cg_atomic_file af;
    cg_error err;
    cg_error_clear(&err);
    for (long n = 1; n <= 2; n++) { /* the name, then the temporary's name */
        cg_alloc_fail_after(n);
        ck_assert_int_eq(cg_atomic_open(&af, "/tmp/cg-never-created.txt", &err), CG_ENOMEM);
        cg_alloc_fail_after(0);
        ck_assert_int_eq(err.status, CG_ENOMEM);
        ck_assert_ptr_null(af.fp);
        ck_assert_ptr_null(af.path);
        ck_assert_ptr_null(af.tmp_path);
        ck_assert_int_eq(access("/tmp/cg-never-created.txt", F_OK), -1);
    }
}
END_TEST

/* ---- write failures ---- */

START_TEST(test_write_all)
{
    FILE *fp = tmpfile();
    ck_assert_ptr_nonnull(fp);
    cg_error err;
    cg_error_clear(&err);
    ck_assert_int_eq(cg_write_all(fp, "tmp", "abc", 3, &err), CG_OK);
    ck_assert_int_eq(cg_write_all(fp, "tmp", NULL, 0, &err), CG_OK);
    rewind(fp);
    char got[8] = "";
    ck_assert_uint_eq(fread(got, 1, sizeof got - 1, fp), 3);
    ck_assert_str_eq(got, "abc");
    fclose(fp);
    ck_assert_int_eq(err.status, CG_OK);
}
END_TEST

START_TEST(test_full_disk)
{
    FILE *fp = fopen("/dev/full", "w");
    if (fp == NULL)
        return; /* no /dev/full on this system */
    setvbuf(fp, NULL, _IONBF, 0);
    cg_error err;
    cg_error_clear(&err);
    errno = 0;
    ck_assert_int_eq(cg_write_all(fp, "/dev/full", "abc", 3, &err), CG_EIO);
    ck_assert_int_eq(err.status, CG_EIO);
    ck_assert_str_eq(err.path, "/dev/full");
    ck_assert_str_eq(err.message, "write failed: No space left on device");
    fclose(fp);
}
END_TEST

static Suite *core_suite(void)
{
    Suite *s = suite_create("core");
    TCase *tc = tcase_create("buf");
    tcase_add_test(tc, test_buf_append);
    tcase_add_test(tc, test_buf_putc_growth);
    tcase_add_test(tc, test_buf_put_count);
    tcase_add_test(tc, test_buf_put_fixed);
    tcase_add_test(tc, test_put_decimal);
    tcase_add_test(tc, test_buf_align);
    tcase_add_loop_test(tc, test_buf_printf_growth, 0,
                        (int)(sizeof printf_widths / sizeof printf_widths[0]));
    tcase_add_test(tc, test_buf_clear);
    tcase_add_test(tc, test_buf_reserve);
    tcase_add_test(tc, test_buf_sink);
    suite_add_tcase(s, tc);

    tc = tcase_create("error");
    tcase_add_loop_test(tc, test_error_print, 0, (int)(sizeof prints / sizeof prints[0]));
    tcase_add_test(tc, test_error_set_format);
    tcase_add_loop_test(tc, test_status_name, 0,
                        (int)(sizeof status_names / sizeof status_names[0]));
    tcase_add_test(tc, test_ascii);
    suite_add_tcase(s, tc);

    tc = tcase_create("alloc");
    tcase_add_test(tc, test_alloc_fail_first);
    tcase_add_loop_test(tc, test_alloc_fail_nth, 0, (int)(sizeof fail_nth / sizeof fail_nth[0]));
    tcase_add_test(tc, test_alloc_fail_growth);
    tcase_add_test(tc, test_alloc_hooks);
    suite_add_tcase(s, tc);

    tc = tcase_create("output");
    tcase_add_test(tc, test_atomic_commit);
    tcase_add_test(tc, test_atomic_abort);
    tcase_add_test(tc, test_atomic_missing_folder);
    tcase_add_test(tc, test_atomic_open_nomem);
    tcase_add_test(tc, test_write_all);
    tcase_add_test(tc, test_full_disk);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_MAIN(core_suite)
