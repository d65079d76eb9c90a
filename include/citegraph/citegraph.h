/* citegraph: references between United Nations documents.
 *
 * Use, in the order the data flows:
 *   cg_registry_load()   the registry (series, bodies, lexicon, ICJ cases)
 *   cg_corpus_collect()  the files of a corpus
 *   cg_manifest_load()   what the user states of them (YAML)
 *   cg_text_load()       one document as checked, normalised text
 *   cg_identities_add(), cg_identities_resolve()   every document's id
 *                        (manifest, file name, masthead, the corpus)
 *   cg_extractor_new(), cg_extract()   its references, with canonical ids
 *   cg_refs_write()      rows in TSV or JSON Lines
 *   cg_graph_builder_add(), cg_graph_builder_describe(), cg_graph_build()
 *                        the citation graph
 *   cg_metrics_compute() its measures and ranking
 *   cg_report_write(), cg_graph_write()        tables and graph files
 * Each *_free releases what the matching call made; it is the caller's
 * responsibility to call it. */
#ifndef CITEGRAPH_H
#define CITEGRAPH_H

#define CITEGRAPH_VERSION "0.1.0"

#include "citegraph/core.h"
#include "citegraph/corpus.h"
#include "citegraph/export.h"
#include "citegraph/extract.h"
#include "citegraph/graph.h"
#include "citegraph/identity.h"
#include "citegraph/lex.h"
#include "citegraph/manifest.h"
#include "citegraph/metrics.h"
#include "citegraph/ref.h"
#include "citegraph/registry.h"
#include "citegraph/text.h"

#endif
