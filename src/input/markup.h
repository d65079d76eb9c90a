/* Private to the input module: markup removal with an offset map. */
#ifndef CITEGRAPH_INPUT_MARKUP_H
#define CITEGRAPH_INPUT_MARKUP_H

#include "citegraph/text.h"

/* Fills text->clean and text->segs from text->raw. */
cg_status cg_markup_normalize(cg_text *text, cg_markup markup);

#endif
