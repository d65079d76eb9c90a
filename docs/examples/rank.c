/* rank: the references most cited by a corpus, through the citegraph
 * library.  Reads every document under the paths given, extracts its
 * references, builds the citation graph and prints the ten best-ranked
 * vertices that the corpus cites.
 *
 *   cc rank.c $(pkg-config --cflags --libs citegraph) -o rank
 *   ./rank [-r REGISTRY-DIR] PATH...
 *
 * Without -r the registry installed with the library is used. */
#include <stdio.h>
#include <string.h>

#include <citegraph/citegraph.h>

/* Prints a problem met while listing the corpus. */
static void report(const cg_error *err, int fatal, void *ctx)
{
    (void)fatal;
    (void)ctx;
    cg_error_print(err, stderr);
}

/* Extracts the references of every document of corpus into the builder. */
static int read_corpus(const cg_registry *reg, const cg_corpus *corpus, cg_graph_builder *b)
{
    cg_extractor *ex = cg_extractor_new(reg);
    if (ex == NULL)
        return 0;
    cg_refs refs = {0};
    int ok = 1;
    for (size_t i = 0; i < corpus->n && ok; i++) {
        const cg_corpus_file *f = &corpus->files[i];
        cg_text text;
        cg_error err;
        cg_error_clear(&err);
        if (cg_text_load(&text, f->path, (cg_markup)f->markup, &err) != CG_OK) {
            cg_error_print(&err, stderr); /* skipped */
            continue;
        }
        cg_docid id;
        cg_docid_from_path(reg, f->rel, &id);
        cg_refs_clear(&refs);
        ok = cg_extract(ex, &text, &id, &refs) == CG_OK &&
             cg_graph_builder_add(b, &id, &refs) == CG_OK;
        cg_text_free(&text);
    }
    cg_refs_free(&refs);
    cg_extractor_free(ex);
    return ok;
}

int main(int argc, char **argv)
{
    char dir[4096];
    const char *dirs[1] = {dir};
    int first = 1;
    if (argc > 2 && strcmp(argv[1], "-r") == 0) {
        snprintf(dir, sizeof dir, "%s", argv[2]);
        first = 3;
    } else if (!cg_registry_default_dir(argv[0], dir, sizeof dir)) {
        fprintf(stderr, "rank: no registry in %s; use -r DIR\n", dir);
        return 2;
    }
    if (first >= argc) {
        fprintf(stderr, "usage: rank [-r REGISTRY-DIR] PATH...\n");
        return 2;
    }

    cg_registry reg;
    cg_error err;
    cg_error_clear(&err);
    if (cg_registry_load(&reg, dirs, 1, &err) != CG_OK) {
        cg_error_print(&err, stderr);
        return 2;
    }
    cg_corpus corpus;
    cg_graph_builder *b = cg_graph_builder_new();
    cg_graph graph;
    cg_metrics m;
    int status = 2;
    if (b != NULL &&
        cg_corpus_collect(&corpus, (const char *const *)argv + first, (size_t)(argc - first),
                          report, NULL) == CG_OK) {
        if (read_corpus(&reg, &corpus, b) && cg_graph_build(b, &graph, &err) == CG_OK) {
            if (cg_metrics_compute(&graph, &m, &err) == CG_OK) {
                printf("%zu documents, %zu references\n", graph.ndocs, graph.nrefs);
                size_t shown = 0;
                for (size_t i = 0; i < graph.nv && shown < 10; i++) {
                    size_t v = m.rank[i];
                    if (graph.v[v].in_corpus)
                        continue; /* only what the corpus cites */
                    printf("%2zu  cited by %.0f  %-10s  %s\n", ++shown, m.cited_by[v],
                           cg_vkind_name(graph.v[v].kind), graph.v[v].id);
                }
                cg_metrics_free(&m);
                status = corpus.failures ? 1 : 0;
            } else {
                cg_error_print(&err, stderr);
            }
            cg_graph_free(&graph);
        } else {
            fprintf(stderr, "rank: %s\n", err.message[0] ? err.message : "out of memory");
        }
        cg_corpus_free(&corpus);
    }
    cg_graph_builder_free(b);
    cg_registry_free(&reg);
    return status;
}
