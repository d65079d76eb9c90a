/* The docs listing: one row a document of the corpus with its id, the
 * aliases of that id, how it was found (spec 6), and what its masthead
 * or the manifest says of it.  TSV with a header, or JSON Lines. */
#include <string.h>

#include "export_impl.h"

static const char *const columns[] = {"file", "id", "aliases", "how", "date", "title", "organ",
                                      "session"};
#define NCOLUMNS (sizeof columns / sizeof columns[0])

cg_status cg_docs_write_header(cg_buf *out, cg_refs_format format)
{
    return format == CG_REFS_TSV ? cg_tsv_put_header(out, columns, NCOLUMNS) : CG_OK;
}

cg_status cg_docs_write(cg_buf *out, cg_refs_format format, const char *file,
                        const cg_identity *who)
{
    const char *values[NCOLUMNS] = {file, who->id.id, who->id.aliases, cg_how_name(who->how),
                                    who->desc.date, who->desc.title, who->desc.organ,
                                    who->desc.session};
    cg_status st = format == CG_REFS_TSV ? CG_OK : cg_buf_putc(out, '{');
    for (size_t i = 0; i < NCOLUMNS && st == CG_OK; i++) {
        if (format == CG_REFS_TSV) {
            st = cg_tsv_put_field(out, values[i]);
            if (st == CG_OK)
                st = cg_buf_putc(out, i + 1 < NCOLUMNS ? '\t' : '\n');
            continue;
        }
        st = cg_buf_printf(out, "%s\"%s\":", i ? "," : "", columns[i]);
        if (st == CG_OK && i == 2) { /* aliases: a list */
            st = cg_buf_putc(out, '[');
            for (const char *p = values[i]; st == CG_OK && *p;) {
                size_t n = strcspn(p, "|");
                st = cg_json_put_string(out, p, n);
                p += n;
                if (*p == '|' && st == CG_OK) {
                    st = cg_buf_putc(out, ',');
                    p++;
                }
            }
            if (st == CG_OK)
                st = cg_buf_putc(out, ']');
        } else if (st == CG_OK) {
            st = cg_json_put_string(out, values[i], strlen(values[i]));
        }
    }
    if (st == CG_OK && format != CG_REFS_TSV)
        st = cg_buf_puts(out, "}\n");
    return st;
}
