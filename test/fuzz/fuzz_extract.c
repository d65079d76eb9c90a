/* Fuzz target: raw bytes as a document of one markup (FUZZ_MARKUP:
 * CG_MARKUP_PLAIN, _MARKDOWN or _HTML), loaded, extracted, and written
 * as TSV and JSON Lines rows that must parse back. */
#include "fuzz.h"

#include <stdlib.h>

#ifndef FUZZ_MARKUP
#define FUZZ_MARKUP CG_MARKUP_PLAIN
#endif

/* Number of columns of the extract command's TSV rows. */
static size_t tsv_columns(void)
{
    cg_buf head = {0};
    if (cg_refs_write_header(&head, CG_REFS_TSV) != CG_OK)
        abort();
    size_t n = 1;
    for (size_t i = 0; i < head.len; i++)
        n += head.data[i] == '\t';
    cg_buf_free(&head);
    return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static cg_extractor *ex;
    static size_t columns;
    if (ex == NULL) {
        ex = cg_extractor_new(fuzz_registry());
        columns = tsv_columns();
        if (ex == NULL)
            abort();
    }
    cg_text text;
    cg_error err;
    cg_error_clear(&err);
    if (cg_text_from_bytes(&text, (const char *)data, size, FUZZ_MARKUP, "fuzz", &err) != CG_OK)
        return 0;
    cg_docid self;
    if (!cg_docid_from_masthead(fuzz_registry(), &text, &self))
        cg_docid_from_path(fuzz_registry(), "fuzz.txt", &self);
    cg_refs refs = {0};
    if (cg_extract(ex, &text, &self, &refs) == CG_OK) {
        for (size_t i = 0; i < refs.n; i++)
            if (refs.items[i].start > refs.items[i].end || refs.items[i].end > text.clean_len)
                abort();
        cg_buf out = {0};
        check_why why = {0, NULL};
        if (cg_refs_write(&out, CG_REFS_TSV, "fuzz.txt", self.id, &text, &refs) == CG_OK)
            fuzz_require(check_tsv(out.data ? out.data : "", out.len, columns, &why), "TSV", &why,
                         out.data, out.len);
        cg_buf_clear(&out);
        if (cg_refs_write(&out, CG_REFS_JSONL, "fuzz.txt", self.id, &text, &refs) == CG_OK)
            fuzz_require(check_jsonl(out.data ? out.data : "", out.len, &why), "JSON Lines", &why,
                         out.data, out.len);
        cg_buf_free(&out);
    }
    cg_refs_free(&refs);
    cg_text_free(&text);
    return 0;
}
