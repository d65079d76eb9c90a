/* Private to the input module: markup removal with an offset map. */
#ifndef CITEGRAPH_INPUT_MARKUP_H
#define CITEGRAPH_INPUT_MARKUP_H

#include "citegraph/text.h"

/* Fills text->clean and text->segs from text->raw (raw_len bytes and a
 * zero byte), checking in the same pass that raw is UTF-8 without NUL:
 * CG_EINPUT with *bad the first offending offset if not, CG_ENOMEM when
 * out of memory.  When line_ends is not NULL, the line ends of raw
 * ("\r\n", '\n' or a lone '\r') are added to it, all of them whatever
 * the status. */
cg_status cg_markup_normalize(cg_text *text, cg_markup markup, long *line_ends, size_t *bad);

#endif
