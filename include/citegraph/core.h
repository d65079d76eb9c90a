/* citegraph core: status codes, error records, growable buffers and
 * atomic file output.  Every other module builds on these. */
#ifndef CITEGRAPH_CORE_H
#define CITEGRAPH_CORE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

/* Status of a fallible call.  CG_OK is zero; everything else is a failure. */
typedef enum cg_status {
    CG_OK = 0,
    CG_ENOMEM,   /* an allocation failed */
    CG_EIO,      /* a file or folder could not be read or written */
    CG_EINPUT,   /* an input document is not text we accept */
    CG_ECONFIG,  /* a registry or manifest is malformed */
    CG_EUSAGE,   /* the caller asked for something impossible */
    CG_ELIMIT    /* an input exceeds a documented size limit */
} cg_status;

/* A failure described for a person: where (path, line, column) and why. */
typedef struct cg_error {
    cg_status status;
    char path[1024];  /* file the error is about, "" if none */
    long line;        /* 1-based line, 0 if unknown */
    long column;      /* 1-based column, 0 if unknown */
    char message[512];
} cg_error;

/* Short English name of a status code ("out of memory", ...). */
const char *cg_status_name(cg_status status);

/* Fills err (if not NULL) and returns status; message is printf-style. */
cg_status cg_error_set(cg_error *err, cg_status status, const char *path,
                       long line, long column, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* Resets an error record to CG_OK with no message. */
void cg_error_clear(cg_error *err);

/* Writes "citegraph: path:line:col: message" (parts present only) to out. */
void cg_error_print(const cg_error *err, FILE *out);

/* Where a streamed buffer hands its bytes on: write(ctx, bytes, n). */
typedef struct cg_buf_sink {
    cg_status (*write)(void *ctx, const char *bytes, size_t n);
    void *ctx;
} cg_buf_sink;

/* A growable byte buffer, always NUL-terminated when data is not NULL.
 * With a sink, a long output made into it is handed on in pieces at the
 * ends of its items (cg_buf_item_end), so that it is never held whole. */
typedef struct cg_buf {
    char *data;
    size_t len;
    size_t cap;
    const cg_buf_sink *sink; /* NULL: everything appended stays */
} cg_buf;

/* What a streamed buffer holds before it hands it on. */
#define CG_BUF_SPILL_BYTES ((size_t)1 << 18)

/* Ensures room for extra more bytes plus the terminating NUL. */
cg_status cg_buf_reserve(cg_buf *buf, size_t extra);

/* Appends n bytes after making room: cg_buf_append's slower half. */
cg_status cg_buf_append_grow(cg_buf *buf, const void *bytes, size_t n);

/* Appends n bytes.  Inline, as the next two: they are called for every
 * field of every output, mostly with constant strings whose length the
 * compiler then knows. */
inline cg_status cg_buf_append(cg_buf *buf, const void *bytes, size_t n)
{
    if (n >= buf->cap - buf->len) /* no room for n bytes and the NUL */
        return cg_buf_append_grow(buf, bytes, n);
    if (n) /* bytes may be NULL then */
        memcpy(buf->data + buf->len, bytes, n);
    buf->len += n;
    buf->data[buf->len] = '\0';
    return CG_OK;
}

/* Appends a NUL-terminated string. */
inline cg_status cg_buf_puts(cg_buf *buf, const char *s)
{
    return cg_buf_append(buf, s, strlen(s));
}

/* Appends one byte. */
inline cg_status cg_buf_putc(cg_buf *buf, char c)
{
    return cg_buf_append(buf, &c, 1);
}

/* Writes v in decimal at out, zero-padded to at least width bytes as
 * printf's "%0*ld" does (room for 21 + width bytes, no NUL); returns the
 * number of bytes written. */
size_t cg_put_decimal(char *out, long v, int width);

/* Appends a count (a whole number kept in a double) as "%.0f" prints it. */
cg_status cg_buf_put_count(cg_buf *buf, double x);

/* Appends x with decimals (at most 9) digits after the point, as "%.*f" prints it. */
cg_status cg_buf_put_fixed(cg_buf *buf, double x, int decimals);

/* Right-aligns the bytes appended since offset start in width columns
 * (spaces before them), as printf's "%*s" does; nothing if they fill it. */
cg_status cg_buf_align_right(cg_buf *buf, size_t start, size_t width);

/* Left-aligns the bytes appended since offset start in width columns
 * (spaces after them), as printf's "%-*s" does. */
cg_status cg_buf_align_left(cg_buf *buf, size_t start, size_t width);

/* Appends printf-style formatted text. */
cg_status cg_buf_printf(cg_buf *buf, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Hands everything buf holds to its sink and empties it (no sink: nothing). */
cg_status cg_buf_spill(cg_buf *buf);

/* Marks the end of an item (a vertex, a row) of a long output: with a
 * sink, hands buf on once it holds CG_BUF_SPILL_BYTES or more.  Writers
 * call it only where nothing before is still to be changed. */
inline cg_status cg_buf_item_end(cg_buf *buf)
{
    return buf->sink && buf->len >= CG_BUF_SPILL_BYTES ? cg_buf_spill(buf) : CG_OK;
}

/* Empties the buffer, keeping its memory. */
void cg_buf_clear(cg_buf *buf);

/* Releases the buffer's memory and empties it. */
void cg_buf_free(cg_buf *buf);

/* Allocation hooks: every allocation of the library goes through these,
 * so tests can make the Nth one fail. */
void *cg_malloc(size_t size);
/* Resizes like realloc(3), through the library's allocation hook. */
void *cg_realloc(void *ptr, size_t size);
/* Allocates zeroed memory for n items of size bytes, overflow-checked. */
void *cg_calloc(size_t n, size_t size);
/* Releases memory from cg_malloc, cg_realloc or cg_calloc. */
void cg_free(void *ptr);
/* Copies a NUL-terminated string into new memory (NULL on failure). */
char *cg_strdup(const char *s);
/* Copies n bytes into a new NUL-terminated string (NULL on failure). */
char *cg_strndup(const char *s, size_t n);
/* Makes the nth allocation from now fail (0 disables); for tests. */
void cg_alloc_fail_after(long n);
/* Allocations left before the one set to fail (0: none pending); for tests. */
long cg_alloc_fail_pending(void);

/* An output file written atomically: a temporary beside the target,
 * renamed over it on commit, removed on abort.  A target that exists
 * and is not a regular file (a device, a pipe) is written in place. */
typedef struct cg_atomic_file {
    FILE *fp;
    char *path;
    char *tmp_path;
    size_t written; /* bytes written by cg_atomic_write ... */
    size_t queued;  /* ... of which handed to the disk's writeback */
} cg_atomic_file;

/* Opens a temporary file next to path for writing (the pages cached of a file it replaces dropped). */
cg_status cg_atomic_open(cg_atomic_file *af, const char *path, cg_error *err);

/* Flushes, syncs and closes the temporary, which stays to be renamed by
 * cg_atomic_commit or removed by cg_atomic_abort (removed on failure). */
cg_status cg_atomic_close(cg_atomic_file *af, cg_error *err);

/* Flushes, syncs and renames the temporary over the target (closed
 * beforehand or not). */
cg_status cg_atomic_commit(cg_atomic_file *af, cg_error *err);

/* Closes and removes the temporary; the target is untouched. */
void cg_atomic_abort(cg_atomic_file *af);

/* Installs SIGINT, SIGTERM and SIGHUP handlers that remove the temporary
 * being written, then end the process by the same signal (for programs). */
void cg_atomic_cleanup_on_signals(void);

/* Writes n bytes to the temporary, reporting a failure against name;
 * every 8 MiB written are handed to the disk's writeback at once, so
 * that the sync before the commit finds little left to write. */
cg_status cg_atomic_write(cg_atomic_file *af, const char *name, const char *bytes, size_t n,
                          cg_error *err);

/* Writes all of buf to fp, reporting a failure against name. */
cg_status cg_write_all(FILE *fp, const char *name, const char *buf, size_t n,
                       cg_error *err);

/* ASCII lower case of c; other bytes unchanged. */
static inline unsigned char cg_ascii_lower(unsigned char c)
{
    return (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
}

/* Whether the n bytes at a and b are equal ignoring ASCII case. */
int cg_ascii_caseeq(const char *a, const char *b, size_t n);

#endif
