/* Fuzz target: a corpus built from raw bytes, its graph written in every
 * graph and report format, each output parsed back.  Lines starting with
 * '#' name a new document (any bytes, as a file name may hold; the first
 * document is "doc:fuzz"); lines
 * starting with '@' add a reference whose kind is the next byte and whose
 * target is the rest of the line, as is; other lines are text whose
 * references are extracted. */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

typedef struct corpus {
    cg_graph_builder *b;
    cg_docid doc;
    cg_refs refs;
    int open;
} corpus;

static void flush_doc(corpus *c)
{
    if (c->open)
        cg_graph_builder_add(c->b, &c->doc, &c->refs);
    cg_refs_clear(&c->refs);
    c->open = 0;
}

static void put_field(char *dst, size_t cap, const uint8_t *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++)
        if (s[i] != '\0')
            dst[k++] = (char)s[i];
    dst[k] = '\0';
}

static void check_graph(const cg_graph *g, const cg_metrics *m)
{
    static const char *const names[] = {"DOT", "GraphML", "graph CSV", "graph JSON"};
    cg_buf out = {0};
    check_why why = {0, NULL};
    size_t rows;
    for (int f = CG_GRAPH_DOT; f <= CG_GRAPH_JSON; f++) {
        cg_buf_clear(&out);
        if (cg_graph_write(&out, (cg_graph_format)f, g, m, NULL) != CG_OK)
            continue;
        const char *s = out.data ? out.data : "";
        int ok = f == CG_GRAPH_DOT       ? check_dot(s, out.len, &why)
                 : f == CG_GRAPH_GRAPHML ? check_xml(s, out.len, &why)
                 : f == CG_GRAPH_CSV     ? check_csv(s, out.len, &rows, &why)
                                         : check_json(s, out.len, &why);
        fuzz_require(ok, names[f], &why, s, out.len);
        if (f == CG_GRAPH_CSV && rows < 1 + g->nv) {
            why.reason = "fewer CSV rows than vertices";
            fuzz_require(0, names[f], &why, s, out.len);
        }
    }
    size_t *rows_all = m->rank;
    for (int f = CG_REPORT_TEXT; f <= CG_REPORT_MD; f++) {
        cg_buf_clear(&out);
        if (cg_report_write(&out, (cg_report_format)f, g, m, rows_all, g->nv) != CG_OK)
            continue;
        const char *s = out.data ? out.data : "";
        if (f == CG_REPORT_CSV)
            fuzz_require(check_csv(s, out.len, NULL, &why), "report CSV", &why, s, out.len);
        else if (f == CG_REPORT_JSON)
            fuzz_require(check_json(s, out.len, &why), "report JSON", &why, s, out.len);
    }
    cg_buf_free(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static cg_extractor *ex;
    if (ex == NULL && (ex = cg_extractor_new(fuzz_registry())) == NULL)
        abort();
    corpus c = {cg_graph_builder_new(), {"doc:fuzz", ""}, {0}, 1};
    if (c.b == NULL)
        return 0;
    size_t at = 0;
    while (at < size) {
        const uint8_t *nl = memchr(data + at, '\n', size - at);
        size_t len = nl ? (size_t)(nl - (data + at)) : size - at;
        const uint8_t *line = data + at;
        if (len > 0 && line[0] == '#') {
            flush_doc(&c);
            put_field(c.doc.id, sizeof c.doc.id, line + 1, len - 1);
            c.doc.aliases[0] = '\0';
            c.open = 1;
        } else if (c.open && len > 1 && line[0] == '@') {
            char target[512];
            put_field(target, sizeof target, line + 2, len - 2);
            if (target[0])
                cg_refs_add(&c.refs, (cg_kind)(line[1] % CG_KIND_COUNT), 0, 0, 1, target, NULL);
        } else if (c.open) {
            cg_text text;
            cg_error err;
            cg_error_clear(&err);
            if (cg_text_from_bytes(&text, (const char *)line, len, CG_MARKUP_PLAIN, "l", &err) ==
                CG_OK) {
                cg_extract(ex, &text, &c.doc, &c.refs);
                cg_text_free(&text);
            }
        }
        at += len + 1;
    }
    flush_doc(&c);
    cg_graph g;
    cg_metrics m;
    cg_error err;
    cg_error_clear(&err);
    if (cg_graph_build(c.b, &g, &err) == CG_OK) {
        if (cg_metrics_compute(&g, &m, &err) == CG_OK) {
            check_graph(&g, &m);
            cg_metrics_free(&m);
        }
        cg_graph_free(&g);
    }
    cg_refs_free(&c.refs);
    cg_graph_builder_free(c.b);
    return 0;
}
