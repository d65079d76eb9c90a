/* citegraph export: writing references and graphs in the formats other
 * tools read.  Writers append to a buffer; the caller decides where the
 * bytes go (stdout, or an atomically written file). */
#ifndef CITEGRAPH_EXPORT_H
#define CITEGRAPH_EXPORT_H

#include "citegraph/core.h"
#include "citegraph/ref.h"
#include "citegraph/text.h"

/* Formats of the extract command's rows. */
typedef enum cg_refs_format {
    CG_REFS_TSV,  /* header row, then tab-separated columns */
    CG_REFS_JSONL /* one JSON object a line */
} cg_refs_format;

/* Appends the header row (TSV; nothing for JSONL). */
cg_status cg_refs_write_header(cg_buf *out, cg_refs_format format);

/* Appends one row per reference of a document: file as given, its
 * source id, then kind, target, text as written, column, aliases, notes. */
cg_status cg_refs_write(cg_buf *out, cg_refs_format format, const char *file,
                        const char *source, cg_text *text, const cg_refs *refs);

/* Appends s[0..n) as a JSON string literal, quotes included. */
cg_status cg_json_put_string(cg_buf *out, const char *s, size_t n);

#endif
