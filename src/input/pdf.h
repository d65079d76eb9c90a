/* Private to the input module: the text of a PDF file. */
#ifndef CITEGRAPH_INPUT_PDF_H
#define CITEGRAPH_INPUT_PDF_H

#include "citegraph/core.h"

/* Reads the text layer of the PDF at path into out (UTF-8, no NUL
 * added): lines in reading order, a blank line between paragraphs and
 * pages, running headers and footers dropped, superscript digits as
 * Unicode superscripts (footnote marks).  Fails with CG_EINPUT when the
 * file is not a PDF poppler can open or has no text layer. */
cg_status cg_pdf_read_text(const char *path, cg_buf *out, cg_error *err);

#endif
