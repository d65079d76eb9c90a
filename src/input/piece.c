/* Large files read in pieces.  Piece k runs from the break after
 * k * CG_PIECE_BYTES to the break after the next multiple; a break is
 * looked for in the CG_PIECE_SLACK bytes after its multiple, which both
 * pieces that share it read, so that pieces read independently (by any
 * thread, in any order) still tile the file: every byte in exactly one.
 * A break is the end of a blank line (a paragraph ends), else the end
 * of a line, else the start of a character. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "citegraph/text.h"
#include "text_impl.h"

size_t cg_text_pieces(uint64_t size, cg_markup markup)
{
    if (size < CG_PIECE_FILE_MIN || markup == CG_MARKUP_HTML || markup == CG_MARKUP_PDF)
        return 1;
    return (size_t)((size + CG_PIECE_BYTES - 1) / CG_PIECE_BYTES);
}

/* Offset in w (n bytes, the first at a multiple of CG_PIECE_BYTES) of the
 * break that ends a piece there: after the first blank line, else after
 * the first line feed, else the first byte that starts a character. */
static size_t break_in(const char *w, size_t n)
{
    const char *end = w + n;
    for (const char *p = memchr(w, '\n', n); p != NULL;
         p = memchr(p + 1, '\n', (size_t)(end - p - 1))) {
        const char *q = p + 1;
        while (q < end && (*q == ' ' || *q == '\t' || *q == '\r'))
            q++;
        if (q < end && *q == '\n')
            return (size_t)(q + 1 - w);
        if (q >= end)
            break;
    }
    const char *lf = memchr(w, '\n', n);
    if (lf != NULL)
        return (size_t)(lf + 1 - w);
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)w[i] & 0xC0) != 0x80)
            return i;
    return n;
}

/* Reads up to n bytes at off into buf; the count read (short at the end
 * of the file), or -1 with errno. */
static ssize_t read_at(int fd, char *buf, size_t n, off_t off)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = pread(fd, buf + got, n - got, off + (off_t)got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return -1;
        if (r == 0)
            break;
        got += (size_t)r;
    }
    return (ssize_t)got;
}

/* Whether the file open as fd starts with a UTF-16 byte-order mark. */
static int starts_utf16(int fd)
{
    unsigned char bom[2];
    if (read_at(fd, (char *)bom, 2, 0) != 2)
        return 0;
    return (bom[0] == 0xFF && bom[1] == 0xFE) || (bom[0] == 0xFE && bom[1] == 0xFF);
}

/* Opens path for reading its pieces: a regular file, or an error. */
static cg_status open_regular(const char *path, int *fd, cg_error *err)
{
    *fd = open(path, O_RDONLY | O_CLOEXEC);
    if (*fd < 0)
        return cg_error_set(err, CG_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
    struct stat sb;
    if (fstat(*fd, &sb) != 0) {
        int e = errno;
        close(*fd);
        return cg_error_set(err, CG_EIO, path, 0, 0, "cannot stat: %s", strerror(e));
    }
    if (!S_ISREG(sb.st_mode)) {
        close(*fd);
        return cg_error_set(err, CG_EINPUT, path, 0, 0, "not a regular file; skipped");
    }
    return CG_OK;
}

cg_status cg_text_load_piece(cg_text *text, const char *path, cg_markup markup, size_t k,
                             long *line_ends, cg_error *err)
{
    memset(text, 0, sizeof *text);
    *line_ends = 0;
    int fd;
    cg_status st = open_regular(path, &fd, err);
    if (st != CG_OK)
        return st;
    if (starts_utf16(fd)) {
        /* UTF-16 has no byte breaks: read whole as the first piece */
        close(fd);
        if (k == 0)
            return cg_text_load(text, path, markup, err);
        char *none = cg_malloc(1);
        if (none == NULL)
            return cg_error_set(err, CG_ENOMEM, path, 0, 0, "out of memory");
        return text_adopt(text, none, 0, 0, markup, path, 0, NULL, err);
    }
    const size_t span = CG_PIECE_BYTES + CG_PIECE_SLACK;
    char *buf = cg_malloc(span + 1);
    if (buf == NULL) {
        close(fd);
        return cg_error_set(err, CG_ENOMEM, path, 0, 0, "out of memory");
    }
    /* the start: the break in the window after the nominal start (read
     * once more below, so that the piece lands at the buffer's start) */
    uint64_t base = (uint64_t)k * CG_PIECE_BYTES;
    size_t start = 0;
    ssize_t r = 0;
    if (k > 0 && (r = read_at(fd, buf, CG_PIECE_SLACK, (off_t)base)) >= 0)
        start = break_in(buf, (size_t)r);
    if (r >= 0)
        r = read_at(fd, buf, span - start, (off_t)(base + start));
    int e = errno;
    close(fd);
    if (r < 0) {
        cg_free(buf);
        return cg_error_set(err, CG_EIO, path, 0, 0, "cannot read: %s", strerror(e));
    }
    /* the end: the break in the window after the next nominal start */
    size_t got = (size_t)r, nominal = CG_PIECE_BYTES - start;
    size_t len = got <= nominal ? got : nominal + break_in(buf + nominal, got - nominal);
    buf[len] = '\0';
    return text_adopt(text, buf, len, 0, markup, path, base + start, line_ends, err);
}
