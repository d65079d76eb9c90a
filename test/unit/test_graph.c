/* Unit suite of the graph, metrics and graph export modules: alias
 * merging, weights, self-loops, ranking, PageRank, escaping. */
#include <math.h>

#include "unit.h"

/* A document for add_doc: its id, joint aliases, and references as
 * "target" or "target=alias1|alias2" strings, NULL-terminated. */
static void add_doc(cg_graph_builder *b, const char *id, const char *aliases, cg_kind kind,
                    const char *const *targets)
{
    cg_docid doc;
    snprintf(doc.id, sizeof doc.id, "%s", id);
    snprintf(doc.aliases, sizeof doc.aliases, "%s", aliases ? aliases : "");
    cg_refs refs = {0};
    for (size_t i = 0; targets && targets[i]; i++) {
        char t[256];
        snprintf(t, sizeof t, "%s", targets[i]);
        char *eq = strchr(t, '=');
        if (eq)
            *eq++ = '\0';
        ck_assert_int_eq(cg_refs_add(&refs, kind, 0, i, i + 1, t, eq), CG_OK);
    }
    ck_assert_int_eq(cg_graph_builder_add(b, &doc, &refs), CG_OK);
    cg_refs_free(&refs);
}

static void build(cg_graph_builder *b, cg_graph *g, cg_metrics *m)
{
    cg_error err;
    cg_error_clear(&err);
    ck_assert_int_eq(cg_graph_build(b, g, &err), CG_OK);
    ck_assert_int_eq(cg_metrics_compute(g, m, &err), CG_OK);
    cg_graph_builder_free(b);
}

static long vertex(const cg_graph *g, const char *id)
{
    long v = cg_graph_find(g, id);
    ck_assert_msg(v >= 0, "no vertex %s", id);
    return v;
}

/* Weight of the edge from -> to, 0 if there is none. */
static double weight(const cg_graph *g, const char *from, const char *to)
{
    igraph_integer_t eid;
    igraph_get_eid(&g->g, &eid, vertex(g, from), vertex(g, to), IGRAPH_DIRECTED, 0);
    return eid < 0 ? 0 : g->weight[eid];
}

START_TEST(test_alias_merging)
{
    cg_graph_builder *b = cg_graph_builder_new();
    ck_assert_ptr_nonnull(b);
    /* the bare alias is read before the joint symbol that makes it one */
    add_doc(b, "doc:b", NULL, CG_KIND_SYMBOL, (const char *const[]){"S/2023/145", NULL});
    add_doc(b, "doc:a", NULL, CG_KIND_SYMBOL,
            (const char *const[]){"A/77/774=S/2023/145", NULL});
    /* a document's own joint symbol: its aliases resolve to it */
    add_doc(b, "A/78/1", "S/2023/9", CG_KIND_SYMBOL, NULL);
    add_doc(b, "doc:c", NULL, CG_KIND_SYMBOL, (const char *const[]){"S/2023/9", NULL});
    cg_graph g;
    cg_metrics m;
    build(b, &g, &m);
    ck_assert_int_eq(cg_graph_find(&g, "S/2023/145"), -1);
    ck_assert_int_eq(cg_graph_find(&g, "S/2023/9"), -1);
    long v = vertex(&g, "A/77/774");
    ck_assert_double_eq(m.cited_by[v], 2);
    ck_assert_double_eq(weight(&g, "doc:b", "A/77/774"), 1);
    ck_assert_double_eq(weight(&g, "doc:c", "A/78/1"), 1);
    long d = vertex(&g, "A/78/1");
    ck_assert_int_eq(g.v[d].in_corpus, 1);
    ck_assert_int_eq(g.v[d].year, 2023);
    ck_assert_str_eq(g.v[d].organ, "General Assembly");
    ck_assert_int_eq((int)g.nv, 5);
    ck_assert_int_eq((int)g.ndocs, 4);
    cg_metrics_free(&m);
    cg_graph_free(&g);
}
END_TEST

START_TEST(test_weights)
{
    cg_graph_builder *b = cg_graph_builder_new();
    add_doc(b, "doc:a", NULL, CG_KIND_RESOLUTION,
            (const char *const[]){"S/RES/853 (1993)", "S/RES/853 (1993)", "S/RES/853 (1993)",
                                  "A/RES/48/114", NULL});
    add_doc(b, "doc:b", NULL, CG_KIND_RESOLUTION, (const char *const[]){"S/RES/853 (1993)", NULL});
    cg_graph g;
    cg_metrics m;
    build(b, &g, &m);
    ck_assert_int_eq((int)g.ne, 3);
    ck_assert_int_eq((int)igraph_ecount(&g.g), 3);
    ck_assert_int_eq((int)g.nrefs, 5);
    ck_assert_double_eq(weight(&g, "doc:a", "S/RES/853 (1993)"), 3);
    long v = vertex(&g, "S/RES/853 (1993)");
    ck_assert_double_eq(m.cited_by[v], 2);
    ck_assert_double_eq(m.mentions[v], 4);
    ck_assert_double_eq(m.cites[vertex(&g, "doc:a")], 2);
    ck_assert_int_eq(g.v[v].kind, CG_VKIND_RESOLUTION);
    ck_assert_int_eq(g.v[v].year, 1993);
    ck_assert_int_eq(g.v[vertex(&g, "doc:a")].kind, CG_VKIND_DOCUMENT);
    ck_assert_int_eq(g.v[vertex(&g, "A/RES/48/114")].year, 1993);
    /* the best-ranked vertex is the most cited */
    ck_assert_int_eq((long)m.rank[0], v);
    cg_metrics_free(&m);
    cg_graph_free(&g);
}
END_TEST

START_TEST(test_no_self_loops)
{
    cg_graph_builder *b = cg_graph_builder_new();
    /* A/78/1 cites S/2023/9, which another document makes its alias */
    add_doc(b, "A/78/1", NULL, CG_KIND_SYMBOL, (const char *const[]){"S/2023/9", "A/78/2", NULL});
    add_doc(b, "doc:x", NULL, CG_KIND_SYMBOL, (const char *const[]){"A/78/1=S/2023/9", NULL});
    cg_graph g;
    cg_metrics m;
    build(b, &g, &m);
    igraph_bool_t loops = 1;
    ck_assert_int_eq(igraph_has_loop(&g.g, &loops), IGRAPH_SUCCESS);
    ck_assert_int_eq(loops, 0);
    ck_assert_int_eq((int)g.ne, 2);
    ck_assert_double_eq(weight(&g, "A/78/1", "A/78/2"), 1);
    ck_assert_double_eq(weight(&g, "doc:x", "A/78/1"), 1);
    cg_metrics_free(&m);
    cg_graph_free(&g);
}
END_TEST

START_TEST(test_ranking_ties_by_id)
{
    cg_graph_builder *b = cg_graph_builder_new();
    add_doc(b, "doc:z", NULL, CG_KIND_SYMBOL,
            (const char *const[]){"S/2000/2", "A/55/1", "S/2000/1", NULL});
    cg_graph g;
    cg_metrics m;
    build(b, &g, &m);
    ck_assert_int_eq((int)g.nv, 4);
    ck_assert_str_eq(g.v[m.rank[0]].id, "A/55/1");
    ck_assert_str_eq(g.v[m.rank[1]].id, "S/2000/1");
    ck_assert_str_eq(g.v[m.rank[2]].id, "S/2000/2");
    ck_assert_str_eq(g.v[m.rank[3]].id, "doc:z");
    /* the sorted ranking agrees with the public comparison, pair by pair */
    for (size_t i = 0; i + 1 < g.nv; i++)
        ck_assert_int_lt(cg_metrics_compare(&g, &m, m.rank[i], m.rank[i + 1]), 0);
    ck_assert_int_gt(cg_metrics_compare(&g, &m, m.rank[3], m.rank[0]), 0);
    ck_assert_int_eq(cg_metrics_compare(&g, &m, m.rank[1], m.rank[1]), 0);
    cg_metrics_free(&m);
    cg_graph_free(&g);
}
END_TEST

START_TEST(test_pagerank_sums_to_one)
{
    cg_graph_builder *b = cg_graph_builder_new();
    add_doc(b, "doc:a", NULL, CG_KIND_SYMBOL,
            (const char *const[]){"A/1/1", "A/1/1", "A/1/2", "doc:b", NULL});
    add_doc(b, "doc:b", NULL, CG_KIND_SYMBOL, (const char *const[]){"A/1/2", "doc:c", NULL});
    add_doc(b, "doc:c", NULL, CG_KIND_SYMBOL, (const char *const[]){"doc:a", NULL});
    cg_graph g;
    cg_metrics m;
    build(b, &g, &m);
    double sum = 0;
    for (size_t i = 0; i < g.nv; i++) {
        ck_assert(m.pagerank[i] > 0);
        sum += m.pagerank[i];
    }
    ck_assert_double_eq_tol(sum, 1.0, 1e-9);
    /* doc:b sits on the paths doc:a -> doc:b -> doc:c */
    ck_assert(m.betweenness[vertex(&g, "doc:b")] > 0);
    ck_assert_str_eq(m.betweenness_method, "exact");
    double maxhub = 0;
    for (size_t i = 0; i < g.nv; i++)
        maxhub = fmax(maxhub, m.hub[i]);
    ck_assert_double_eq_tol(maxhub, 1.0, 1e-9);
    cg_metrics_free(&m);
    cg_graph_free(&g);
}
END_TEST

/* Reference measures computed here, independently of igraph, on the
 * weighted adjacency matrix w[from][to] of n vertices. */
enum { KN = 6 };

static void reference_pagerank(double w[KN][KN], double *pr)
{
    double out[KN] = {0}, next[KN];
    for (int i = 0; i < KN; i++) {
        pr[i] = 1.0 / KN;
        for (int j = 0; j < KN; j++)
            out[i] += w[i][j];
    }
    for (int it = 0; it < 1000; it++) {
        double dangling = 0;
        for (int i = 0; i < KN; i++)
            if (out[i] == 0)
                dangling += pr[i];
        for (int j = 0; j < KN; j++) {
            next[j] = (1 - 0.85) / KN + 0.85 * dangling / KN;
            for (int i = 0; i < KN; i++)
                if (out[i] > 0)
                    next[j] += 0.85 * pr[i] * w[i][j] / out[i];
        }
        for (int j = 0; j < KN; j++)
            pr[j] = next[j];
    }
}

static void reference_hits(double w[KN][KN], double *hub, double *auth)
{
    for (int i = 0; i < KN; i++)
        hub[i] = 1;
    for (int it = 0; it < 2000; it++) {
        double max = 0;
        for (int j = 0; j < KN; j++) {
            auth[j] = 0;
            for (int i = 0; i < KN; i++)
                auth[j] += w[i][j] * hub[i];
            max = fmax(max, auth[j]);
        }
        for (int j = 0; j < KN; j++)
            auth[j] /= max;
        max = 0;
        for (int i = 0; i < KN; i++) {
            hub[i] = 0;
            for (int j = 0; j < KN; j++)
                hub[i] += w[i][j] * auth[j];
            max = fmax(max, hub[i]);
        }
        for (int i = 0; i < KN; i++)
            hub[i] /= max;
    }
}

START_TEST(test_measures_known_answer)
{
    /* D1 cites X twice and Y; D2 cites X and D1; D3 cites D2, X, and Z
     * three times.  Betweenness by hand: D2 is on the only shortest paths
     * D3 -> D1 and D3 -> Y, D1 on D2 -> Y and D3 -> Y: 2 each. */
    cg_graph_builder *b = cg_graph_builder_new();
    static const char *const d1[] = {"X", "X", "Y", NULL};
    static const char *const d2[] = {"X", "D1", NULL};
    static const char *const d3[] = {"D2", "X", "Z", "Z", "Z", NULL};
    add_doc(b, "D1", NULL, CG_KIND_SYMBOL, d1);
    add_doc(b, "D2", NULL, CG_KIND_SYMBOL, d2);
    add_doc(b, "D3", NULL, CG_KIND_SYMBOL, d3);
    cg_graph g;
    cg_metrics m;
    build(b, &g, &m);
    static const char *const names[KN] = {"D1", "D2", "D3", "X", "Y", "Z"};
    double w[KN][KN] = {{0}};
    w[0][3] = 2, w[0][4] = 1, w[1][3] = 1, w[1][0] = 1, w[2][1] = 1, w[2][3] = 1, w[2][5] = 3;
    static const double cited_by[KN] = {1, 1, 0, 3, 1, 1}, mentions[KN] = {1, 1, 0, 4, 1, 3},
                        cites[KN] = {2, 2, 3, 0, 0, 0}, betweenness[KN] = {2, 2, 0, 0, 0, 0};
    double pr[KN], hub[KN], auth[KN];
    reference_pagerank(w, pr);
    reference_hits(w, hub, auth);
    ck_assert_uint_eq(g.nv, KN);
    ck_assert_uint_eq(g.ne, 7);
    for (int i = 0; i < KN; i++) {
        long v = vertex(&g, names[i]);
        ck_assert_msg(m.cited_by[v] == cited_by[i], "%s cited_by %g", names[i], m.cited_by[v]);
        ck_assert_msg(m.mentions[v] == mentions[i], "%s mentions %g", names[i], m.mentions[v]);
        ck_assert_msg(m.cites[v] == cites[i], "%s cites %g", names[i], m.cites[v]);
        ck_assert_msg(m.betweenness[v] == betweenness[i], "%s betweenness %g", names[i],
                      m.betweenness[v]);
        ck_assert_msg(fabs(m.pagerank[v] - pr[i]) < 1e-6, "%s pagerank %g, want %g", names[i],
                      m.pagerank[v], pr[i]);
        ck_assert_msg(fabs(m.hub[v] - hub[i]) < 1e-4, "%s hub %g, want %g", names[i], m.hub[v],
                      hub[i]);
        ck_assert_msg(fabs(m.authority[v] - auth[i]) < 1e-4, "%s authority %g, want %g",
                      names[i], m.authority[v], auth[i]);
    }
    ck_assert_double_eq(weight(&g, "D1", "X"), 2);
    ck_assert_double_eq(weight(&g, "D3", "Z"), 3);
    cg_metrics_free(&m);
    cg_graph_free(&g);
}
END_TEST

/* The measures in two parts: the ranking first (hubs, authorities and
 * betweenness still 0), then the rest; the same bytes as in one call. */
START_TEST(test_metrics_in_two_parts)
{
    cg_graph_builder *b = cg_graph_builder_new();
    static const char *const d1[] = {"X", "Y", "D2", NULL};
    static const char *const d2[] = {"X", "Z", NULL};
    static const char *const d3[] = {"D1", "X", "Z", NULL};
    add_doc(b, "D1", NULL, CG_KIND_SYMBOL, d1);
    add_doc(b, "D2", NULL, CG_KIND_SYMBOL, d2);
    add_doc(b, "D3", NULL, CG_KIND_SYMBOL, d3);
    cg_graph g;
    cg_error err;
    cg_error_clear(&err);
    ck_assert_int_eq(cg_graph_build(b, &g, &err), CG_OK);
    cg_graph_builder_free(b);
    cg_metrics whole, parts;
    ck_assert_int_eq(cg_metrics_compute_within(&g, 1e9, &whole, &err), CG_OK);
    ck_assert_int_eq(cg_metrics_rank(&g, &parts, &err), CG_OK);
    size_t n = g.nv;
    ck_assert_int_eq(memcmp(parts.rank, whole.rank, n * sizeof *parts.rank), 0);
    ck_assert_int_eq(memcmp(parts.pagerank, whole.pagerank, n * sizeof(double)), 0);
    for (size_t v = 0; v < n; v++)
        ck_assert(parts.hub[v] == 0 && parts.authority[v] == 0 && parts.betweenness[v] == 0);
    ck_assert_int_eq(cg_metrics_finish(&g, 1e9, &parts, &err), CG_OK);
    double *const a[] = {whole.cited_by, whole.mentions, whole.cites, whole.pagerank,
                         whole.authority, whole.hub, whole.betweenness};
    double *const c[] = {parts.cited_by, parts.mentions, parts.cites, parts.pagerank,
                         parts.authority, parts.hub, parts.betweenness};
    for (size_t k = 0; k < sizeof a / sizeof a[0]; k++)
        ck_assert_int_eq(memcmp(a[k], c[k], n * sizeof(double)), 0);
    ck_assert_str_eq(parts.betweenness_method, whole.betweenness_method);
    ck_assert(whole.hub[vertex(&g, "D3")] > 0);
    cg_metrics_free(&whole);
    cg_metrics_free(&parts);
    cg_graph_free(&g);
}
END_TEST

START_TEST(test_betweenness_budget)
{
    cg_graph_builder *b = cg_graph_builder_new();
    static const char *const d1[] = {"X", "Y", NULL};
    static const char *const d2[] = {"D1", "X", NULL};
    add_doc(b, "D1", NULL, CG_KIND_SYMBOL, d1);
    add_doc(b, "D2", NULL, CG_KIND_SYMBOL, d2);
    cg_graph g;
    cg_error err;
    cg_error_clear(&err);
    ck_assert_int_eq(cg_graph_build(b, &g, &err), CG_OK);
    cg_graph_builder_free(b);
    cg_metrics m;
    ck_assert_int_eq(cg_metrics_compute_within(&g, 0, &m, &err), CG_OK);
    /* two citing vertices, each searching 4 vertices and 4 edges */
    ck_assert(fabs(cg_metrics_betweenness_cost(&g, &m) - 2 * 8 * CG_METRICS_SECONDS_PER_STEP) < 1e-15);
    ck_assert_msg(strncmp(m.betweenness_method, "cutoff 4 (exact: about", 22) == 0, "%s",
                  m.betweenness_method);
    double cut = m.betweenness[vertex(&g, "D1")];
    cg_metrics_free(&m);
    ck_assert_int_eq(cg_metrics_compute_within(&g, 1e9, &m, &err), CG_OK);
    ck_assert_str_eq(m.betweenness_method, "exact");
    /* paths of at most 4 edges: here the cutoff changes nothing */
    ck_assert(m.betweenness[vertex(&g, "D1")] == cut && cut == 1);
    cg_metrics_free(&m);
    cg_graph_free(&g);
}
END_TEST

START_TEST(test_empty_graph)
{
    cg_graph_builder *b = cg_graph_builder_new();
    cg_graph g;
    cg_metrics m;
    build(b, &g, &m);
    ck_assert_int_eq((int)g.nv, 0);
    cg_buf out = {0};
    for (int f = CG_GRAPH_DOT; f <= CG_GRAPH_JSON; f++)
        ck_assert_int_eq(cg_graph_write(&out, (cg_graph_format)f, &g, &m, NULL), CG_OK);
    for (int f = CG_REPORT_TEXT; f <= CG_REPORT_MD; f++)
        ck_assert_int_eq(cg_report_write(&out, (cg_report_format)f, &g, &m, m.rank, 0), CG_OK);
    cg_buf_free(&out);
    cg_metrics_free(&m);
    cg_graph_free(&g);
}
END_TEST

/* Hubs and authorities are the very bytes igraph_hub_and_authority_scores
 * gives, on graphs of documents citing each other and common targets
 * with repeats (weights), one of them in two parts that share nothing. */
START_TEST(test_hits_as_igraph)
{
    unsigned long seed = 12345u + (unsigned long)_i * 7919u;
    size_t docs = 4 + (size_t)_i * 9, targets = 10 + (size_t)_i * 13;
    cg_graph_builder *b = cg_graph_builder_new();
    char ids[64][32];
    const char *cited[65];
    for (size_t d = 0; d < docs; d++) {
        size_t k = 0, many = 1 + (seed >> 7) % 40;
        for (; k < many && k < 64; k++) {
            seed = seed * 6364136223846793005u + 1442695040888963407u;
            size_t t = (size_t)(seed >> 33) % (targets + docs);
            if (_i == 3) /* two halves that share no vertex */
                t = t / 2 * 2 + d % 2;
            if (t < targets)
                snprintf(ids[k], sizeof ids[k], "A/%d/%zu", d % 2 && _i == 3 ? 2 : 1, t);
            else
                snprintf(ids[k], sizeof ids[k], "doc:%zu", t - targets);
            cited[k] = ids[k];
        }
        cited[k] = NULL;
        char id[32];
        snprintf(id, sizeof id, "doc:%zu", d);
        add_doc(b, id, NULL, CG_KIND_SYMBOL, cited);
    }
    cg_graph g;
    cg_metrics m;
    build(b, &g, &m);
    ck_assert_uint_gt(g.ne, 0);
    igraph_vector_t w, hub, authority;
    igraph_vector_init(&w, (igraph_integer_t)g.ne);
    for (size_t e = 0; e < g.ne; e++)
        VECTOR(w)[e] = g.weight[e];
    igraph_vector_init(&hub, 0);
    igraph_vector_init(&authority, 0);
    igraph_real_t value;
    ck_assert_int_eq(igraph_hub_and_authority_scores(&g.g, &hub, &authority, &value, 1, &w, NULL),
                     IGRAPH_SUCCESS);
    for (size_t v = 0; v < g.nv; v++) {
        ck_assert_msg(m.hub[v] == VECTOR(hub)[v], "hub of %s: %.17g, igraph %.17g", g.v[v].id,
                      m.hub[v], VECTOR(hub)[v]);
        ck_assert_msg(m.authority[v] == VECTOR(authority)[v], "authority of %s: %.17g, igraph %.17g",
                      g.v[v].id, m.authority[v], VECTOR(authority)[v]);
    }
    igraph_vector_destroy(&w);
    igraph_vector_destroy(&hub);
    igraph_vector_destroy(&authority);
    /* a graph without edges: every score 0 */
    size_t ne = g.ne;
    g.ne = 0;
    cg_error err;
    cg_error_clear(&err);
    ck_assert_int_eq(cg_metrics_hits(&g, m.hub, m.authority, &err), CG_OK);
    for (size_t v = 0; v < g.nv; v++)
        ck_assert(m.hub[v] == 0 && m.authority[v] == 0);
    g.ne = ne;
    cg_metrics_free(&m);
    cg_graph_free(&g);
}
END_TEST

/* Every graph file and report made into a buffer with a sink is handed
 * on in pieces (it is larger than a piece) that make the same bytes as
 * the file made whole. */
START_TEST(test_write_streamed)
{
    enum { TARGETS = 3000 };
    static char ids[TARGETS][64];
    static const char *targets[TARGETS + 1];
    for (size_t i = 0; i < TARGETS; i++) {
        snprintf(ids[i], sizeof ids[i], "https://example.org/a/rather/long/address/%zu", i);
        targets[i] = ids[i];
    }
    targets[TARGETS] = NULL;
    cg_graph_builder *b = cg_graph_builder_new();
    add_doc(b, "doc:a", NULL, CG_KIND_URL, targets);
    add_doc(b, "doc:b", NULL, CG_KIND_URL, targets + TARGETS / 2);
    cg_graph g;
    cg_metrics m;
    build(b, &g, &m);
    for (int r = 0; r < 2; r++)
        for (int f = 0; f < (r ? 3 : 4); f++) {
            cg_buf whole = {0}, streamed = {0};
            unit_pieces k = {{0}, 0, 0};
            cg_buf_sink sink = {unit_keep_piece, &k};
            streamed.sink = &sink;
            if (r == 0) {
                ck_assert_int_eq(cg_graph_write(&whole, (cg_graph_format)f, &g, &m, NULL), CG_OK);
                ck_assert_int_eq(cg_graph_write(&streamed, (cg_graph_format)f, &g, &m, NULL),
                                 CG_OK);
            } else {
                static const cg_report_format reports[] = {CG_REPORT_TEXT, CG_REPORT_CSV,
                                                           CG_REPORT_HTML};
                ck_assert_int_eq(cg_report_write(&whole, reports[f], &g, &m, m.rank, g.nv), CG_OK);
                ck_assert_int_eq(cg_report_write(&streamed, reports[f], &g, &m, m.rank, g.nv),
                                 CG_OK);
            }
            ck_assert_int_eq(cg_buf_spill(&streamed), CG_OK);
            ck_assert_uint_gt(whole.len, CG_BUF_SPILL_BYTES);
            ck_assert_uint_eq(k.all.len, whole.len);
            ck_assert_int_eq(memcmp(k.all.data, whole.data, whole.len), 0);
            int split = (r == 0 && f <= CG_GRAPH_GRAPHML) || r == 1; /* the others are not */
            if (split)
                ck_assert_uint_gt(k.pieces, 1);
            cg_buf_free(&whole);
            cg_buf_free(&streamed);
            cg_buf_free(&k.all);
        }
    cg_metrics_free(&m);
    cg_graph_free(&g);
}
END_TEST

/* DOT and GraphML made in two parts (vertices, then edges, which read no
 * measure) are the bytes of the whole; the other formats are not split. */
START_TEST(test_write_in_parts)
{
    cg_graph_builder *b = cg_graph_builder_new();
    add_doc(b, "doc:a", NULL, CG_KIND_SYMBOL, (const char *const[]){"S/2023/1", "A/78/2", NULL});
    add_doc(b, "doc:b", NULL, CG_KIND_SYMBOL, (const char *const[]){"S/2023/1", "S/2023/1", NULL});
    cg_graph g;
    cg_metrics m;
    build(b, &g, &m);
    unsigned char keep[16] = {0};
    ck_assert_uint_le(g.nv, sizeof keep);
    keep[vertex(&g, "doc:a")] = keep[vertex(&g, "S/2023/1")] = 1;
    for (int f = CG_GRAPH_DOT; f <= CG_GRAPH_GRAPHML; f++)
        for (int k = 0; k < 2; k++) {
            cg_buf whole = {0}, parts = {0}, edges = {0};
            const unsigned char *kept = k ? keep : NULL;
            ck_assert_int_eq(cg_graph_write(&whole, (cg_graph_format)f, &g, &m, kept), CG_OK);
            ck_assert_int_eq(cg_graph_write_edges(&edges, (cg_graph_format)f, &g, kept), CG_OK);
            ck_assert_int_eq(cg_graph_write_vertices(&parts, (cg_graph_format)f, &g, &m, kept),
                             CG_OK);
            ck_assert_uint_lt(parts.len, whole.len);
            ck_assert_int_eq(cg_buf_append(&parts, edges.data, edges.len), CG_OK);
            ck_assert_str_eq(parts.data, whole.data);
            cg_buf_free(&whole);
            cg_buf_free(&parts);
            cg_buf_free(&edges);
        }
    cg_buf out = {0};
    ck_assert_int_eq(cg_graph_write_vertices(&out, CG_GRAPH_CSV, &g, &m, NULL), CG_EUSAGE);
    ck_assert_int_eq(cg_graph_write_edges(&out, CG_GRAPH_JSON, &g, NULL), CG_EUSAGE);
    cg_buf_free(&out);
    cg_metrics_free(&m);
    cg_graph_free(&g);
}
END_TEST

START_TEST(test_escaping)
{
    cg_graph_builder *b = cg_graph_builder_new();
    add_doc(b, "doc:q\"<&>", NULL, CG_KIND_URL,
            (const char *const[]){"https://x.org/a\"b<c&d", NULL});
    cg_graph g;
    cg_metrics m;
    build(b, &g, &m);
    cg_buf out = {0};
    ck_assert_int_eq(cg_graph_write(&out, CG_GRAPH_DOT, &g, &m, NULL), CG_OK);
    ck_assert_ptr_nonnull(strstr(out.data, "[label=\"x.org/a\\\"b<c&d\""));
    ck_assert_ptr_nonnull(strstr(out.data, "\"doc:q\\\"<&>\" -> \"https://x.org/a\\\"b<c&d\""));
    cg_buf_clear(&out);
    ck_assert_int_eq(cg_graph_write(&out, CG_GRAPH_GRAPHML, &g, &m, NULL), CG_OK);
    ck_assert_ptr_nonnull(strstr(out.data, "<node id=\"https://x.org/a&quot;b&lt;c&amp;d\">"));
    ck_assert_ptr_nonnull(strstr(out.data, "<data key=\"label\">x.org/a&quot;b&lt;c&amp;d</data>"));
    ck_assert_ptr_nonnull(strstr(out.data, "source=\"doc:q&quot;&lt;&amp;&gt;\""));
    ck_assert_ptr_null(strstr(out.data, "a\"b"));
    cg_buf_clear(&out);
    ck_assert_int_eq(cg_csv_put_field(&out, "a,\"b\""), CG_OK);
    ck_assert_str_eq(out.data, "\"a,\"\"b\"\"\"");
    cg_buf_clear(&out);
    ck_assert_int_eq(cg_md_put_escaped(&out, "a|b_c"), CG_OK);
    ck_assert_str_eq(out.data, "a\\|b\\_c");
    cg_buf_clear(&out);
    ck_assert_int_eq(cg_put_real(&out, -0.0), CG_OK);
    ck_assert_int_eq(cg_put_real(&out, 1.0 / 3.0), CG_OK);
    ck_assert_str_eq(out.data, "00.333333");
    cg_buf_free(&out);
    cg_metrics_free(&m);
    cg_graph_free(&g);
}
END_TEST

/* The escapers on plain runs, specials at either end and together,
 * control bytes, characters and broken UTF-8 between runs. */
static const struct {
    const char *in, *xml, *dot, *csv;
} escapes[] = {
    {"", "", "\"\"", ""},
    {"plain text 123", "plain text 123", "\"plain text 123\"", "plain text 123"},
    {"&a<b>c\"d'e", "&amp;a&lt;b&gt;c&quot;d&apos;e", "\"&a<b>c\\\"d'e\"", "\"&a<b>c\"\"d'e\""},
    {"\"\"", "&quot;&quot;", "\"\\\"\\\"\"", "\"\"\"\"\"\""},
    {"a\\b", "a\\b", "\"a\\\\b\"", "a\\b"},
    {"tab\there\x01x", "tab\there x", "\"tab here x\"", "tab\there\x01x"},
    {"line\nend", "line\nend", "\"line\\nend\"", "\"line\nend\""},
    {"caf\xc3\xa9 au lait", "caf\xc3\xa9 au lait", "\"caf\xc3\xa9 au lait\"", "caf\xc3\xa9 au lait"},
    {"bad\xff byte\xc3", "bad\xef\xbf\xbd byte\xef\xbf\xbd", "\"bad\xef\xbf\xbd byte\xef\xbf\xbd\"",
     "bad\xef\xbf\xbd byte\xef\xbf\xbd"},
    {"a,b", "a,b", "\"a,b\"", "\"a,b\""},
};

START_TEST(test_escapers)
{
    cg_buf out = {0};
    ck_assert_int_eq(cg_xml_put_escaped(&out, escapes[_i].in), CG_OK);
    ck_assert_str_eq(out.data ? out.data : "", escapes[_i].xml);
    cg_buf_clear(&out);
    ck_assert_int_eq(cg_dot_put_string(&out, escapes[_i].in), CG_OK);
    ck_assert_str_eq(out.data, escapes[_i].dot);
    cg_buf_clear(&out);
    ck_assert_int_eq(cg_csv_put_field(&out, escapes[_i].in), CG_OK);
    ck_assert_str_eq(out.data ? out.data : "", escapes[_i].csv);
    cg_buf_free(&out);
}
END_TEST

START_TEST(test_described_documents)
{
    /* a document read under a symbol another cites; its masthead and a manifest attribute */
    const char *yaml = "documents:\n  a.txt:\n    sender: \"Ruritania, \\\"the\\\" <state>\"\n";
    cg_manifest man;
    cg_error err;
    cg_error_clear(&err);
    ck_assert_int_eq(cg_manifest_parse(&man, yaml, strlen(yaml), "m.yaml", "", &err), CG_OK);
    cg_graph_builder *b = cg_graph_builder_new();
    add_doc(b, "A/78/764", NULL, CG_KIND_SYMBOL, (const char *const[]){"A/78/1", NULL});
    cg_identity who;
    memset(&who, 0, sizeof who);
    snprintf(who.id.id, sizeof who.id.id, "A/78/764");
    snprintf(who.desc.title, sizeof who.desc.title, "Letter dated 8 February 2024");
    snprintf(who.desc.date, sizeof who.desc.date, "2024-02-09");
    snprintf(who.desc.organ, sizeof who.desc.organ, "General Assembly; Security Council");
    who.entry = cg_manifest_find(&man, "a.txt", NULL);
    ck_assert_int_eq(cg_graph_builder_describe(b, &who), CG_OK);
    /* a second document of the same id does not replace the first's */
    snprintf(who.desc.title, sizeof who.desc.title, "Another");
    ck_assert_int_eq(cg_graph_builder_describe(b, &who), CG_OK);
    add_doc(b, "doc:b", NULL, CG_KIND_SYMBOL, (const char *const[]){"A/78/764", NULL});
    cg_graph g;
    cg_metrics m;
    build(b, &g, &m);
    const cg_vertex *x = &g.v[vertex(&g, "A/78/764")];
    ck_assert_int_eq(x->in_corpus, 1);
    ck_assert_str_eq(x->title, "Letter dated 8 February 2024");
    ck_assert_str_eq(x->date, "2024-02-09");
    ck_assert_ptr_null(x->session);
    ck_assert_str_eq(x->organ, "General Assembly; Security Council");
    ck_assert_uint_eq(x->nattrs, 1);
    ck_assert_ptr_null(g.v[vertex(&g, "A/78/1")].title);
    ck_assert_str_eq(g.v[vertex(&g, "A/78/1")].organ, "General Assembly");
    cg_buf out = {0};
    ck_assert_int_eq(cg_graph_write(&out, CG_GRAPH_GRAPHML, &g, &m, NULL), CG_OK);
    ck_assert_ptr_nonnull(strstr(out.data, "<key id=\"sender\" for=\"node\" attr.name=\"sender\" attr.type=\"string\"/>"));
    ck_assert_ptr_nonnull(strstr(out.data, "<data key=\"sender\">Ruritania, &quot;the&quot; &lt;state&gt;</data>"));
    ck_assert_ptr_nonnull(strstr(out.data, "<data key=\"date\">2024-02-09</data>"));
    cg_buf_clear(&out);
    ck_assert_int_eq(cg_graph_write(&out, CG_GRAPH_CSV, &g, &m, NULL), CG_OK);
    ck_assert_ptr_nonnull(strstr(out.data, ",source,target,weight,title,date,organ,session,sender\r\n"));
    ck_assert_ptr_nonnull(strstr(out.data, ",Letter dated 8 February 2024,2024-02-09,General Assembly; Security Council,,\"Ruritania, \"\"the\"\" <state>\"\r\n"));
    ck_assert_ptr_nonnull(strstr(out.data, "edge,,,,,,,,,,,,,A/78/764,A/78/1,1,,,,,\r\n"));
    cg_buf_clear(&out);
    ck_assert_int_eq(cg_graph_write(&out, CG_GRAPH_JSON, &g, &m, NULL), CG_OK);
    ck_assert_ptr_nonnull(strstr(out.data, "\"title\": \"Letter dated 8 February 2024\", \"date\": \"2024-02-09\", \"session\": null, \"sender\": \"Ruritania, \\\"the\\\" <state>\""));
    ck_assert_ptr_nonnull(strstr(out.data, "\"title\": null"));
    cg_buf_free(&out);
    cg_metrics_free(&m);
    cg_graph_free(&g);
    cg_manifest_free(&man);
}
END_TEST

START_TEST(test_ids)
{
    ck_assert_int_eq(cg_graph_year("S/2023/888"), 2023);
    ck_assert_int_eq(cg_graph_year("A/78/738"), 2023);
    ck_assert_int_eq(cg_graph_year("A/C.3/78/L.12/Rev.1"), 2023);
    ck_assert_int_eq(cg_graph_year("S/RES/853 (1993)"), 1993);
    ck_assert_int_eq(cg_graph_year("icj:180:order:2023-11-17"), 2023);
    ck_assert_int_eq(cg_graph_year("A/HRC/RES/46/2"), 0);
    /* sessions in roman numerals: session N opened in 1945 + N */
    ck_assert_int_eq(cg_graph_year("A/RES/3212 (XXIX)"), 1974);
    ck_assert_int_eq(cg_graph_year("A/RES/1514 (XV)"), 1960);
    ck_assert_int_eq(cg_graph_year("A/RES/377 A (V)"), 1950);
    ck_assert_int_eq(cg_graph_year("A/RES/1962 (XVIII)"), 1963);
    ck_assert_int_eq(cg_graph_year("A/RES/181 (II)"), 1947);
    ck_assert_int_eq(cg_graph_year("A/RES/2254 (ES-V)"), 0);
    ck_assert_int_eq(cg_graph_year("A/RES/2248 (S-V)"), 0);
    ck_assert_int_eq(cg_graph_year("A/RES/1 (XL)"), 0);
    ck_assert_int_eq(cg_graph_year("A/RES/48/114"), 1993);
    ck_assert_int_eq(cg_graph_year("E/RES/1996/31"), 1996);
    ck_assert_int_eq(cg_graph_year("E/CN.4/RES/1998/50"), 1998);
    ck_assert_int_eq(cg_graph_year("A/HRC/WGAD/2024/46"), 2024);
    /* a four-digit last component is a number, not a year */
    ck_assert_int_eq(cg_graph_year("S/1999"), 0);
    ck_assert_int_eq(cg_graph_year("S/2010"), 0);
    ck_assert_int_eq(cg_graph_year("S/RES/1454 (2002)"), 2002);
    ck_assert_int_eq(cg_graph_year("S/25199"), 0);
    ck_assert_int_eq(cg_graph_year("https://x.org/2020/a"), 0);
    ck_assert_str_eq(cg_graph_organ("A/HRC/8/6"), "Human Rights Council");
    ck_assert_str_eq(cg_graph_organ("S/2023/888"), "Security Council");
    ck_assert_str_eq(cg_graph_organ("E/CN.4/1999/79"), "ECOSOC");
    ck_assert_str_eq(cg_graph_organ("CAT/C/SVN/CO/3"), "");
    char label[128];
    cg_graph_label("icj:180:order:2023-11-17", CG_VKIND_ICJ, label, sizeof label);
    ck_assert_str_eq(label, "ICJ order 17 Nov 2023 (case 180)");
    cg_graph_label("icj::order:2021-12-07", CG_VKIND_ICJ, label, sizeof label);
    ck_assert_str_eq(label, "ICJ order 7 Dec 2021");
    cg_graph_label("https://www.un.org/a/b?x=1#y", CG_VKIND_URL, label, sizeof label);
    ck_assert_str_eq(label, "www.un.org/a/b");
    cg_graph_label("A/78/1", CG_VKIND_SYMBOL, label, sizeof label);
    ck_assert_str_eq(label, "A/78/1");
    ck_assert_int_eq(cg_vkind_parse("document"), CG_VKIND_DOCUMENT);
    ck_assert_int_eq(cg_vkind_parse("nope"), -1);
}
END_TEST

/* Every allocation failure is reported as such, without a leak or crash. */
START_TEST(test_alloc_failures)
{
    for (long n = 1; n < 400; n++) {
        cg_graph_builder *b = cg_graph_builder_new();
        if (b == NULL) {
            cg_alloc_fail_after(0);
            continue;
        }
        cg_alloc_fail_after(n);
        cg_docid doc;
        snprintf(doc.id, sizeof doc.id, "doc:a");
        snprintf(doc.aliases, sizeof doc.aliases, "S/2023/1");
        cg_refs refs = {0};
        cg_alloc_fail_after(0);
        ck_assert_int_eq(cg_refs_add(&refs, CG_KIND_SYMBOL, 0, 0, 1, "A/1/1", "S/1/1"), CG_OK);
        ck_assert_int_eq(cg_refs_add(&refs, CG_KIND_SYMBOL, 0, 0, 1, "A/1/2", NULL), CG_OK);
        cg_alloc_fail_after(n);
        cg_status st = cg_graph_builder_add(b, &doc, &refs);
        cg_graph g;
        cg_metrics m;
        cg_error err;
        cg_error_clear(&err);
        if (st == CG_OK && (st = cg_graph_build(b, &g, &err)) == CG_OK) {
            st = cg_metrics_compute(&g, &m, &err);
            if (st == CG_OK) {
                cg_buf out = {0};
                st = cg_graph_write(&out, CG_GRAPH_GRAPHML, &g, &m, NULL);
                cg_buf_free(&out);
                cg_metrics_free(&m);
            }
            cg_graph_free(&g);
        }
        ck_assert(st == CG_OK || st == CG_ENOMEM);
        cg_alloc_fail_after(0);
        cg_refs_free(&refs);
        cg_graph_builder_free(b);
    }
}
END_TEST

static Suite *graph_suite(void)
{
    Suite *s = suite_create("graph");
    TCase *tc = tcase_create("graph");
    tcase_add_test(tc, test_alias_merging);
    tcase_add_test(tc, test_weights);
    tcase_add_test(tc, test_no_self_loops);
    tcase_add_test(tc, test_ranking_ties_by_id);
    tcase_add_test(tc, test_pagerank_sums_to_one);
    tcase_add_test(tc, test_measures_known_answer);
    tcase_add_test(tc, test_betweenness_budget);
    tcase_add_test(tc, test_metrics_in_two_parts);
    tcase_add_test(tc, test_empty_graph);
    tcase_add_test(tc, test_write_in_parts);
    tcase_add_test(tc, test_write_streamed);
    tcase_add_loop_test(tc, test_hits_as_igraph, 0, 6);
    tcase_add_test(tc, test_escaping);
    tcase_add_loop_test(tc, test_escapers, 0, (int)(sizeof escapes / sizeof escapes[0]));
    tcase_add_test(tc, test_described_documents);
    tcase_add_test(tc, test_ids);
    tcase_add_test(tc, test_alloc_failures);
    suite_add_tcase(s, tc);
    return s;
}

UNIT_MAIN(graph_suite)
