/* Document loading: read a file, check it is UTF-8 text (no NUL, no
 * invalid sequences; UTF-16 with a BOM converted) and normalise it, both
 * in one pass over the bytes (markup.c), or only check it when no clean
 * text is made.  Positions: clean offset -> raw offset -> line and column. */
#include "citegraph/text.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "../core/byteset.h"
#include "markup.h"
#include "pdf.h"
#include "text_impl.h"

/* Files from this size on are mapped rather than read. */
#define CG_TEXT_MAP_MIN ((size_t)4 << 20)

int cg_markup_from_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (dot == NULL || (slash && dot < slash))
        return -1;
    dot++;
    if (strcmp(dot, "txt") == 0 || strcmp(dot, "TXT") == 0)
        return CG_MARKUP_PLAIN;
    if (strcmp(dot, "md") == 0 || strcmp(dot, "markdown") == 0)
        return CG_MARKUP_MARKDOWN;
    if (strcmp(dot, "html") == 0 || strcmp(dot, "htm") == 0 ||
        strcmp(dot, "HTML") == 0 || strcmp(dot, "HTM") == 0)
        return CG_MARKUP_HTML;
    if (strcmp(dot, "pdf") == 0 || strcmp(dot, "PDF") == 0)
        return CG_MARKUP_PDF;
    return -1;
}

#if CG_BYTESET_AVX2
/* Where the run of ASCII bytes without NUL from i stops, 64 bytes at a
 * time (short of it by less than 64). */
__attribute__((target("avx2"))) static size_t ascii_run_avx2(const unsigned char *s, size_t i,
                                                             size_t len)
{
    const __m256i zero = _mm256_setzero_si256();
    while (len - i >= 64) {
        __m256i a = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
        __m256i b = _mm256_loadu_si256((const __m256i *)(const void *)(s + i + 32));
        __m256i bad = _mm256_or_si256(_mm256_or_si256(a, b),
                                      _mm256_or_si256(_mm256_cmpeq_epi8(a, zero),
                                                      _mm256_cmpeq_epi8(b, zero)));
        if (_mm256_movemask_epi8(bad) != 0)
            break;
        i += 64;
    }
    return i;
}

/* Line feeds in raw[at, off) 64 bytes at a time, into *count; returns
 * where it stopped (short of off by less than 64), or at when a carriage
 * return was seen. */
__attribute__((target("avx2"))) static size_t line_feeds_avx2(const char *raw, size_t at,
                                                              size_t off, long *count)
{
    const __m256i lfv = _mm256_set1_epi8('\n'), crv = _mm256_set1_epi8('\r');
    const __m256i zero = _mm256_setzero_si256();
    size_t i = at;
    long n = 0;
    __m256i crs = zero;
    while (off - i >= 64) {
        /* each byte counter takes two a block: 127 blocks before a sum */
        size_t blocks = (off - i) / 64 < 127 ? (off - i) / 64 : 127;
        __m256i acc = zero;
        for (size_t k = 0; k < blocks; k++, i += 64) {
            __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(raw + i));
            __m256i w = _mm256_loadu_si256((const __m256i *)(const void *)(raw + i + 32));
            acc = _mm256_sub_epi8(acc, _mm256_cmpeq_epi8(v, lfv));
            acc = _mm256_sub_epi8(acc, _mm256_cmpeq_epi8(w, lfv));
            crs = _mm256_or_si256(crs, _mm256_or_si256(_mm256_cmpeq_epi8(v, crv),
                                                       _mm256_cmpeq_epi8(w, crv)));
        }
        __m256i sums = _mm256_sad_epu8(acc, zero);
        n += _mm256_extract_epi64(sums, 0) + _mm256_extract_epi64(sums, 1) +
             _mm256_extract_epi64(sums, 2) + _mm256_extract_epi64(sums, 3);
    }
    if (_mm256_movemask_epi8(crs) != 0)
        return at;
    *count += n;
    return i;
}
#endif

int utf8_valid_from(const char *bytes, size_t *at, size_t to, size_t len, size_t *bad)
{
    const unsigned char *s = (const unsigned char *)bytes;
    size_t i = *at;
    while (i < to) {
#if CG_BYTESET_AVX2
        if (cg_byteset_avx2())
            i = ascii_run_avx2(s, i, to);
#endif
#if defined(__SSE2__)
        /* fast path: 32 ASCII bytes without NUL */
        const __m128i zero = _mm_setzero_si128();
        while (i + 32 <= to) {
            __m128i a = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 16));
            __m128i bad = _mm_or_si128(_mm_or_si128(a, b),
                                       _mm_or_si128(_mm_cmpeq_epi8(a, zero), _mm_cmpeq_epi8(b, zero)));
            if (_mm_movemask_epi8(bad) != 0)
                break;
            i += 32;
        }
#endif
        /* fast path: 8 ASCII bytes without NUL */
        while (i + 8 <= to) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if ((w & 0x8080808080808080ULL) != 0 ||
                ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL) != 0)
                break;
            i += 8;
        }
        if (i >= to)
            break;
        size_t n = utf8_char_len(s, i, len);
        if (n == 0) {
            *bad = i;
            return 0;
        }
        i += n;
    }
    *at = i;
    return 1;
}

int cg_utf8_valid(const char *bytes, size_t len, size_t *bad)
{
    size_t at = 0;
    return utf8_valid_from(bytes, &at, len, len, bad);
}

/* Characters in raw[a, b): the bytes that do not continue a UTF-8
 * sequence, sixteen then eight at a time. */
static long chars_in(const char *raw, size_t a, size_t b)
{
    long n = 0;
#if defined(__SSE2__)
    /* as signed bytes, the continuation bytes 0x80 to 0xBF are those
     * not above (char)0xBF; counted in byte counters summed every 255 blocks */
    const __m128i cont = _mm_set1_epi8((char)0xBF), zero = _mm_setzero_si128();
    while (b - a >= 16) {
        __m128i acc = zero;
        for (int k = 0; k < 255 && b - a >= 16; k++, a += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(raw + a));
            acc = _mm_sub_epi8(acc, _mm_cmpgt_epi8(v, cont));
        }
        __m128i sums = _mm_sad_epu8(acc, zero);
        n += _mm_cvtsi128_si32(sums) + _mm_cvtsi128_si32(_mm_unpackhi_epi64(sums, sums));
    }
#endif
    /* a byte starts a character when its bit 7 is clear or its bit 6 set */
    const uint64_t ones = 0x0101010101010101ULL;
    while (b - a >= 8) {
        uint64_t w;
        memcpy(&w, raw + a, 8);
        n += (long)((((~w >> 7) | (w >> 6)) & ones) * ones >> 56);
        a += 8;
    }
    for (; a < b; a++)
        n += ((unsigned char)raw[a] & 0xC0) != 0x80;
    return n;
}

void position_from(const char *raw, size_t from, long line,
                          size_t line_start, size_t off, long *out_line,
                          size_t *out_start)
{
#if defined(__SSE2__)
    /* line feeds counted 64 (AVX2) then sixteen bytes at a time, in byte
     * counters summed every 127 or 255 blocks; a carriage return anywhere:
     * the exact walk below */
    const __m128i lfv = _mm_set1_epi8('\n'), crv = _mm_set1_epi8('\r');
    const __m128i zero = _mm_setzero_si128();
    size_t at = from;
    long count = 0;
#if CG_BYTESET_AVX2
    if (cg_byteset_avx2() && off > at)
        at = line_feeds_avx2(raw, at, off, &count);
#endif
    __m128i crs = zero;
    while (off > at && off - at >= 16) {
        __m128i acc = zero;
        for (int k = 0; k < 255 && off - at >= 16; k++, at += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(raw + at));
            acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(v, lfv));
            crs = _mm_or_si128(crs, _mm_cmpeq_epi8(v, crv));
        }
        __m128i sums = _mm_sad_epu8(acc, zero);
        count += _mm_cvtsi128_si32(sums) + _mm_cvtsi128_si32(_mm_unpackhi_epi64(sums, sums));
    }
    if (at > from && _mm_movemask_epi8(crs) == 0) {
        if (count) {
            /* back to the last line feed, sixteen bytes at a time */
            size_t last = at;
            int m = 0;
            while (last - from >= 16 &&
                   (m = _mm_movemask_epi8(_mm_cmpeq_epi8(
                        _mm_loadu_si128((const __m128i *)(const void *)(raw + last - 16)), lfv))) == 0)
                last -= 16;
            if (m != 0)
                last -= 16 - (size_t)(32 - __builtin_clz((unsigned)m));
            else
                while (raw[last - 1] != '\n')
                    last--;
            line += count;
            line_start = last;
        }
        from = at;
    }
#endif
    if (off - from < 32) {
        /* a few bytes: one by one */
        for (size_t i = from; i < off; i++)
            if (raw[i] == '\n' || (raw[i] == '\r' && raw[i + 1] != '\n')) {
                line++;
                line_start = i + 1;
            }
        from = off;
    }
    for (size_t i = from; i < off; i++) {
        /* jump to the next line end */
        const char *nl = memchr(raw + i, '\n', off - i);
        const char *cr = memchr(raw + i, '\r', (size_t)((nl ? nl : raw + off) - (raw + i)));
        const char *brk = cr ? cr : nl;
        if (brk == NULL)
            break;
        i = (size_t)(brk - raw);
        if (raw[i] == '\n' || raw[i + 1] != '\n') {
            line++;
            line_start = i + 1;
        }
    }
    *out_line = line;
    *out_start = line_start;
}

static cg_status utf16_to_utf8(const unsigned char *s, size_t len, int big,
                               cg_buf *out, const char *name, cg_error *err)
{
    for (size_t i = 0; i + 1 < len; i += 2) {
        unsigned u = big ? (unsigned)(s[i] << 8 | s[i + 1]) : (unsigned)(s[i + 1] << 8 | s[i]);
        unsigned cp = u;
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (i + 3 >= len)
                return cg_error_set(err, CG_EINPUT, name, 0, 0,
                                    "invalid UTF-16: unpaired surrogate at byte %zu", i);
            unsigned lo = big ? (unsigned)(s[i + 2] << 8 | s[i + 3]) : (unsigned)(s[i + 3] << 8 | s[i + 2]);
            if (lo < 0xDC00 || lo > 0xDFFF)
                return cg_error_set(err, CG_EINPUT, name, 0, 0,
                                    "invalid UTF-16: unpaired surrogate at byte %zu", i);
            cp = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
            i += 2;
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            return cg_error_set(err, CG_EINPUT, name, 0, 0,
                                "invalid UTF-16: unpaired surrogate at byte %zu", i);
        }
        if (cp == 0)
            return cg_error_set(err, CG_EINPUT, name, 0, 0,
                                "binary file: NUL character at byte %zu", i);
        char b[4];
        size_t n;
        if (cp < 0x80) { b[0] = (char)cp; n = 1; }
        else if (cp < 0x800) { b[0] = (char)(0xC0 | cp >> 6); b[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
        else if (cp < 0x10000) { b[0] = (char)(0xE0 | cp >> 12); b[1] = (char)(0x80 | ((cp >> 6) & 0x3F)); b[2] = (char)(0x80 | (cp & 0x3F)); n = 3; }
        else { b[0] = (char)(0xF0 | cp >> 18); b[1] = (char)(0x80 | ((cp >> 12) & 0x3F)); b[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); b[3] = (char)(0x80 | (cp & 0x3F)); n = 4; }
        if (cg_buf_append(out, b, n) != CG_OK)
            return cg_error_set(err, CG_ENOMEM, name, 0, 0, "out of memory");
    }
    if (len % 2)
        return cg_error_set(err, CG_EINPUT, name, 0, 0, "invalid UTF-16: odd number of bytes");
    return CG_OK;
}

/* Releases raw bytes: a file mapping of mapped bytes when mapped is not 0. */
static void release_raw(char *data, size_t mapped)
{
    if (mapped)
        munmap(data, mapped);
    else
        cg_free(data);
}

cg_status text_adopt(cg_text *text, char *data, size_t len, size_t mapped, cg_markup markup,
                     const char *name, uint64_t base, long *line_ends, cg_error *err)
{
    memset(text, 0, sizeof *text);
    text->cursor_line = 1;
    text->cursor_column = 1;
    if (line_ends)
        *line_ends = 0;
    if (len > CG_TEXT_MAX_BYTES) {
        release_raw(data, mapped);
        return cg_error_set(err, CG_ELIMIT, name, 0, 0,
                            "file too large (%zu bytes; the limit is %zu)", len,
                            (size_t)CG_TEXT_MAX_BYTES);
    }
    const unsigned char *u = (const unsigned char *)data;
    if (base > 0) {
        /* a piece after the first: no byte-order mark to look for */
    } else if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        cg_buf converted = {0};
        cg_status st = utf16_to_utf8(u + 2, len - 2, u[0] == 0xFE, &converted, name, err);
        release_raw(data, mapped);
        mapped = 0;
        if (st == CG_OK && converted.data == NULL)
            st = cg_buf_reserve(&converted, 1) == CG_OK ? CG_OK
                 : cg_error_set(err, CG_ENOMEM, name, 0, 0, "out of memory");
        if (st != CG_OK) {
            cg_buf_free(&converted);
            return st;
        }
        data = converted.data;
        len = converted.len;
    } else if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        memmove(data, data + 3, len - 3);
        len -= 3;
    }
    if (!mapped)
        data[len] = '\0'; /* a mapping is followed by a zero byte */
    text->raw = data;
    text->raw_mapped = mapped;
    text->raw_len = len;
    /* checked with the markup removal, in the same pass; else alone */
    size_t bad = 0;
    cg_status st;
    if (markup != CG_MARKUP_NONE) {
        st = cg_markup_normalize(text, markup, line_ends, &bad);
    } else {
        st = cg_utf8_valid(data, len, &bad) ? CG_OK : CG_EINPUT;
        if (line_ends) {
            size_t start;
            position_from(data, 0, 0, 0, len, line_ends, &start);
        }
    }
    if (st == CG_EINPUT) {
        long line;
        size_t start;
        position_from(data, 0, 1, 0, bad, &line, &start);
        long col = 1 + chars_in(data, start, bad);
        st = data[bad] == '\0'
            ? cg_error_set(err, CG_EINPUT, name, line, col,
                           "binary file (NUL byte at offset %ju); skipped",
                           (uintmax_t)(base + bad))
            : cg_error_set(err, CG_EINPUT, name, line, col,
                           "invalid UTF-8 (byte 0x%02X at offset %ju); skipped",
                           (unsigned char)data[bad], (uintmax_t)(base + bad));
    } else if (st != CG_OK) {
        st = cg_error_set(err, CG_ENOMEM, name, 0, 0, "out of memory");
    }
    if (st != CG_OK)
        cg_text_free(text);
    return st;
}

cg_status cg_text_from_bytes(cg_text *text, const char *bytes, size_t len,
                             cg_markup markup, const char *name, cg_error *err)
{
    memset(text, 0, sizeof *text);
    if (markup == CG_MARKUP_PDF)
        return cg_error_set(err, CG_EUSAGE, name, 0, 0, "a PDF is read from its file");
    if (len > CG_TEXT_MAX_BYTES)
        return cg_error_set(err, CG_ELIMIT, name, 0, 0,
                            "file too large (%zu bytes; the limit is %zu)", len,
                            (size_t)CG_TEXT_MAX_BYTES);
    char *copy = cg_malloc(len + 1);
    if (copy == NULL)
        return cg_error_set(err, CG_ENOMEM, name, 0, 0, "out of memory");
    if (len)
        memcpy(copy, bytes, len);
    return text_adopt(text, copy, len, 0, markup, name, 0, NULL, err);
}

/* The path of the file this thread mapped last, for the bus error
 * handler (SIGBUS goes to the thread that touched the lost page). */
static _Thread_local char mapped_path[1024];
static _Thread_local size_t mapped_path_len;
static pthread_once_t bus_handler_once = PTHREAD_ONCE_INIT;

/* A mapped file that shrank while mapped: its lost pages raise SIGBUS.
 * Stop with a message naming it and the fatal status. */
static void on_bus_error(int sig)
{
    (void)sig;
    static const char head[] = "citegraph: ";
    static const char tail[] = ": the file shrank while being read; stopping\n";
    ssize_t w = write(STDERR_FILENO, head, sizeof head - 1);
    w = write(STDERR_FILENO, mapped_path, mapped_path_len);
    w = write(STDERR_FILENO, tail, sizeof tail - 1);
    (void)w;
    _exit(2);
}

/* Installs on_bus_error, unless the program handles SIGBUS itself. */
static void install_bus_handler(void)
{
    struct sigaction old;
    if (sigaction(SIGBUS, NULL, &old) != 0 || old.sa_handler != SIG_DFL)
        return;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_bus_error;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGBUS, &sa, NULL);
}

/* Notes path as mapped by this thread; installs on_bus_error once. */
static void note_mapped(const char *path)
{
    size_t n = strlen(path);
    if (n >= sizeof mapped_path)
        n = sizeof mapped_path - 1;
    memcpy(mapped_path, path, n);
    mapped_path_len = n;
    pthread_once(&bus_handler_once, install_bus_handler);
}

/* Maps a large file of size bytes read-only, followed by a zero byte;
 * NULL (read it instead) for small files, a byte-order mark, or when
 * the mapping fails.  *mapped gets the length to unmap. */
static char *map_file(int fd, size_t size, size_t *mapped)
{
    if (size < CG_TEXT_MAP_MIN)
        return NULL;
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t total = (size + 1 + page - 1) / page * page;
    /* zero pages first, so that the byte after the file reads as zero */
    char *base = mmap(NULL, total, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED)
        return NULL;
    if (mmap(base, size, PROT_READ, MAP_PRIVATE | MAP_FIXED | MAP_POPULATE, fd, 0) == MAP_FAILED) {
        munmap(base, total);
        return NULL;
    }
    const unsigned char *u = (const unsigned char *)base;
    if ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF) ||
        (u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)) {
        munmap(base, total);
        return NULL;
    }
    *mapped = total;
    return base;
}

void cg_text_prefetch(const char *path, uint64_t offset, uint64_t length)
{
    /* not blocking on a file that has become a FIFO since it was listed */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return;
    struct stat sb;
    if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && length > 0)
        (void)posix_fadvise(fd, (off_t)offset, (off_t)length, POSIX_FADV_WILLNEED);
    close(fd);
}

cg_status cg_text_load(cg_text *text, const char *path, cg_markup markup,
                       cg_error *err)
{
    memset(text, 0, sizeof *text);
    if (markup == CG_MARKUP_PDF) {
        cg_buf pdf = {0};
        cg_status st = cg_pdf_read_text(path, &pdf, err);
        if (st == CG_OK && cg_buf_reserve(&pdf, 1) != CG_OK)
            st = cg_error_set(err, CG_ENOMEM, path, 0, 0, "out of memory");
        if (st != CG_OK) {
            cg_buf_free(&pdf);
            return st;
        }
        return text_adopt(text, pdf.data, pdf.len, 0, CG_MARKUP_PLAIN, path, 0, NULL, err);
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return cg_error_set(err, CG_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
    struct stat sb;
    if (fstat(fd, &sb) != 0) {
        int e = errno;
        close(fd);
        return cg_error_set(err, CG_EIO, path, 0, 0, "cannot stat: %s", strerror(e));
    }
    if (!S_ISREG(sb.st_mode)) {
        close(fd);
        return cg_error_set(err, CG_EINPUT, path, 0, 0, "not a regular file; skipped");
    }
    if ((uintmax_t)sb.st_size > CG_TEXT_MAX_BYTES) {
        close(fd);
        return cg_error_set(err, CG_ELIMIT, path, 0, 0,
                            "file too large (%jd bytes; the limit is %zu)",
                            (intmax_t)sb.st_size, (size_t)CG_TEXT_MAX_BYTES);
    }
    size_t mapped;
    char *map = map_file(fd, (size_t)sb.st_size, &mapped);
    if (map != NULL) {
        close(fd);
        note_mapped(path);
        return text_adopt(text, map, (size_t)sb.st_size, mapped, markup, path, 0, NULL, err);
    }
    cg_buf data = {0};
    cg_status st = text_read_all(fd, path, (size_t)sb.st_size, &data, err);
    close(fd);
    if (st != CG_OK)
        return st;
    return text_adopt(text, data.data, data.len, 0, markup, path, 0, NULL, err);
}

cg_status text_read_all(int fd, const char *path, size_t size, cg_buf *out, cg_error *err)
{
    if (cg_buf_reserve(out, size + 1) != CG_OK)
        return cg_error_set(err, CG_ENOMEM, path, 0, 0, "out of memory");
    for (;;) {
        if (out->cap - out->len < 2 && cg_buf_reserve(out, 65536) != CG_OK) {
            cg_buf_free(out);
            return cg_error_set(err, CG_ENOMEM, path, 0, 0, "out of memory");
        }
        ssize_t n = read(fd, out->data + out->len, out->cap - out->len - 1);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            cg_buf_free(out);
            return cg_error_set(err, CG_EIO, path, 0, 0, "cannot read: %s", strerror(e));
        }
        if (n == 0)
            break;
        out->len += (size_t)n;
        if (out->len > CG_TEXT_MAX_BYTES) {
            cg_buf_free(out);
            return cg_error_set(err, CG_ELIMIT, path, 0, 0,
                                "file too large (the limit is %zu bytes)",
                                (size_t)CG_TEXT_MAX_BYTES);
        }
    }
    out->data[out->len] = '\0';
    return CG_OK;
}

/* Bytes read at a time for a document's head. */
#define HEAD_CHUNK ((size_t)16 * 1024)

/* Whether the first len bytes of data hold the head: lines line ends, or
 * one at or after byte bytes.  *at and *seen carry the scan over the
 * calls as the bytes grow. */
static int head_read(const char *data, size_t len, size_t lines, size_t bytes, size_t *at,
                     size_t *seen)
{
    while (*seen < lines) {
        const char *nl = memchr(data + *at, '\n', len - *at);
        if (nl == NULL) {
            *at = len;
            return 0;
        }
        *at = (size_t)(nl - data) + 1;
        ++*seen;
        if (*at >= bytes)
            return 1;
    }
    return 1;
}

cg_status cg_text_load_head(cg_text *text, const char *path, size_t lines, size_t bytes,
                            cg_error *err)
{
    memset(text, 0, sizeof *text);
    size_t max = 2 * bytes;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return cg_error_set(err, CG_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
    struct stat sb;
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || (uintmax_t)sb.st_size <= max) {
        close(fd); /* small or special: read whole, with every check */
        return cg_text_load(text, path, CG_MARKUP_NONE, err);
    }
    char *data = cg_malloc(max + 1);
    if (data == NULL) {
        close(fd);
        return cg_error_set(err, CG_ENOMEM, path, 0, 0, "out of memory");
    }
    size_t len = 0, at = 0, seen = 0;
    while (len < max && !head_read(data, len, lines, bytes, &at, &seen)) {
        size_t want = max - len < HEAD_CHUNK ? max - len : HEAD_CHUNK;
        ssize_t n = read(fd, data + len, want);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int e = errno;
            close(fd);
            cg_free(data);
            return cg_error_set(err, CG_EIO, path, 0, 0, "cannot read: %s", strerror(e));
        }
        if (n == 0)
            break;
        len += (size_t)n;
    }
    close(fd);
    const unsigned char *u = (const unsigned char *)data;
    if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        cg_free(data); /* UTF-16: its lines do not end on a byte */
        return cg_text_load(text, path, CG_MARKUP_NONE, err);
    }
    /* whole lines only, so that no character is cut */
    while (len > 0 && data[len - 1] != '\n')
        len--;
    return text_adopt(text, data, len, 0, CG_MARKUP_NONE, path, 0, NULL, err);
}

void cg_text_free(cg_text *text)
{
    if (text->clean != text->raw)
        cg_free(text->clean); /* else the raw bytes needed no change */
    release_raw(text->raw, text->raw_mapped);
    cg_free(text->segs);
    memset(text, 0, sizeof *text);
}

/* The key of segment i: its clean offset, or its raw one when by_raw
 * (both grow along the segments). */
static inline size_t seg_key(const cg_text *text, size_t i, int by_raw)
{
    return by_raw ? text->segs[i].raw : text->segs[i].clean;
}

/* The last segment that starts at or before off (0 if none does).  From
 * the segment *hint when it starts at or before off: galloping forward,
 * so that lookups in order cost little; else a binary search from the
 * first.  Stores the answer in *hint. */
static inline size_t seg_before(const cg_text *text, size_t off, int by_raw, size_t *hint)
{
    size_t lo = 0, hi = text->nsegs;
    size_t h = *hint;
    if (h < text->nsegs && seg_key(text, h, by_raw) <= off) {
        lo = h;
        for (size_t step = 1;; step *= 2) {
            if (step >= text->nsegs - lo || seg_key(text, lo + step, by_raw) > off) {
                hi = step >= text->nsegs - lo ? text->nsegs : lo + step;
                break;
            }
            lo += step;
        }
    }
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (seg_key(text, mid, by_raw) <= off)
            lo = mid;
        else
            hi = mid;
    }
    *hint = lo;
    return lo;
}

size_t cg_text_clean_offset_at(const cg_text *text, size_t raw, size_t *hint)
{
    if (text->nsegs == 0 || raw < text->segs[0].raw)
        return raw < text->clean_len ? raw : text->clean_len;
    size_t lo = seg_before(text, raw, 1, hint);
    size_t c = text->segs[lo].clean + (raw - text->segs[lo].raw);
    if (lo + 1 < text->nsegs && c > text->segs[lo + 1].clean)
        c = text->segs[lo + 1].clean;
    return c < text->clean_len ? c : text->clean_len;
}

size_t cg_text_clean_offset(const cg_text *text, size_t raw)
{
    size_t hint = 0;
    return cg_text_clean_offset_at(text, raw, &hint);
}

size_t cg_text_raw_offset_at(const cg_text *text, size_t off, size_t *hint)
{
    if (text->nsegs == 0)
        return off;
    const cg_text_seg *s = &text->segs[seg_before(text, off, 0, hint)];
    if (off < s->clean)
        return off;
    size_t raw = s->raw + (off - s->clean);
    return raw > text->raw_len ? text->raw_len : raw;
}

size_t cg_text_raw_offset(const cg_text *text, size_t off)
{
    size_t hint = 0;
    return cg_text_raw_offset_at(text, off, &hint);
}

void cg_text_position(cg_text *text, size_t raw_off, long *line, long *column)
{
    if (raw_off > text->raw_len)
        raw_off = text->raw_len;
    long l, col;
    size_t start;
    if (raw_off < text->cursor_off && raw_off >= text->cursor_line_start) {
        /* back on the cursor's line: the characters between taken off */
        l = text->cursor_line;
        start = text->cursor_line_start;
        col = text->cursor_column - chars_in(text->raw, raw_off, text->cursor_off);
    } else {
        if (raw_off < text->cursor_off) {
            text->cursor_off = 0;
            text->cursor_line = 1;
            text->cursor_line_start = 0;
            text->cursor_column = 1;
        }
        position_from(text->raw, text->cursor_off, text->cursor_line, text->cursor_line_start,
                      raw_off, &l, &start);
        /* characters counted on from the cursor when still on its line */
        size_t from = start == text->cursor_line_start ? text->cursor_off : start;
        col = (from == start ? 1 : text->cursor_column) + chars_in(text->raw, from, raw_off);
    }
    text->cursor_off = raw_off;
    text->cursor_line = l;
    text->cursor_line_start = start;
    text->cursor_column = col;
    *line = l + text->line_base;
    *column = col;
}
