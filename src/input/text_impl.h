/* Private to the input module: what the whole-file and the piece loaders
 * of text.c and piece.c and the scan of markup.c share. */
#ifndef CITEGRAPH_INPUT_TEXT_IMPL_H
#define CITEGRAPH_INPUT_TEXT_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "citegraph/text.h"

/* Takes ownership of data (len bytes, room for a NUL at len; mapped bytes
 * of a read-only file mapping, or 0 if allocated): checks, converts
 * UTF-16 and strips a BOM (unless base, data's offset in its file, is
 * not 0), normalises.  Releases data on failure.  When line_ends is not
 * NULL, it gets the number of line ends in the UTF-8 bytes, whether or
 * not they are valid (0 when UTF-16 or too large). */
cg_status text_adopt(cg_text *text, char *data, size_t len, size_t mapped, cg_markup markup,
                     const char *name, uint64_t base, long *line_ends, cg_error *err);

/* Reads the rest of the open file fd (path for errors; size: the bytes
 * expected, room made for them at once) into out, NUL-terminated.
 * CG_EIO, CG_ELIMIT above CG_TEXT_MAX_BYTES, CG_ENOMEM; out released
 * on failure. */
cg_status text_read_all(int fd, const char *path, size_t size, cg_buf *out, cg_error *err);

/* Length of the UTF-8 character at s[i], of len bytes in all: 1 to 4,
 * or 0 when the bytes there are not one (NUL, a byte that cannot start
 * one, a missing continuation byte, an overlong form, a surrogate, a
 * code point above U+10FFFF). */
static inline size_t utf8_char_len(const unsigned char *s, size_t i, size_t len)
{
    unsigned c = s[i];
    size_t need;
    unsigned min;
    if (c < 0x80)
        return c != 0;
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1; min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2; min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3; min = 0x10000;
    } else {
        return 0;
    }
    unsigned cp = c & (0x3F >> need);
    for (size_t k = 1; k <= need; k++) {
        if (i + k >= len || (s[i + k] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return need + 1;
}

/* cg_utf8_valid resumed: checks the characters of bytes (len in all)
 * that start in [*at, to), *at being where one starts; each may run
 * past to but not past len.  Returns 1 with *at moved to where the last
 * ends (to or a little more), or 0 with *bad the first offending offset. */
int utf8_valid_from(const char *bytes, size_t *at, size_t to, size_t len, size_t *bad);

/* Line and line start of raw offset off, counting on from a known
 * (from, line, line_start); "\r\n" and a lone '\r' end a line too. */
void position_from(const char *raw, size_t from, long line, size_t line_start, size_t off,
                   long *out_line, size_t *out_start);

#endif
