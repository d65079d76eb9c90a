/* Private to the export module: what the HTML writers share. */
#ifndef CITEGRAPH_EXPORT_HTML_IMPL_H
#define CITEGRAPH_EXPORT_HTML_IMPL_H

#include <string.h>

#include "citegraph/export.h"

/* Appends a NUL-terminated string escaped for HTML. */
cg_status cg_html_put_str(cg_buf *out, const char *s);

/* Appends the doctype, head (title, style sheet) and the opening of the
 * body; wide gives the page a wider column (tables and figures). */
cg_status cg_html_page_start(cg_buf *out, const char *title, int wide);

/* Appends the end of the page. */
cg_status cg_html_page_end(cg_buf *out);

#endif
