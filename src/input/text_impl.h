/* Private to the input module: what the whole-file and the piece loaders
 * of text.c and piece.c share. */
#ifndef CITEGRAPH_INPUT_TEXT_IMPL_H
#define CITEGRAPH_INPUT_TEXT_IMPL_H

#include <stdint.h>

#include "citegraph/text.h"

/* Takes ownership of data (len bytes, room for a NUL at len; mapped bytes
 * of a read-only file mapping, or 0 if allocated): checks, converts
 * UTF-16 and strips a BOM (unless base, data's offset in its file, is
 * not 0), normalises.  Releases data on failure. */
cg_status text_adopt(cg_text *text, char *data, size_t len, size_t mapped, cg_markup markup,
                     const char *name, uint64_t base, cg_error *err);

/* Line and line start of raw offset off, counting on from a known
 * (from, line, line_start); "\r\n" and a lone '\r' end a line too. */
void position_from(const char *raw, size_t from, long line, size_t line_start, size_t off,
                   long *out_line, size_t *out_start);

#endif
