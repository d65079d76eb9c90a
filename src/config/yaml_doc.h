/* Private to the config module: what every YAML file loader shares —
 * loading a whole document with a nesting limit, reading scalars and
 * mapping keys, and errors that name file:line:column. */
#ifndef CITEGRAPH_CONFIG_YAML_DOC_H
#define CITEGRAPH_CONFIG_YAML_DOC_H

#include <stddef.h>
#include <stdio.h>
#include <yaml.h>

#include "citegraph/core.h"

/* Deepest nesting of sequences and mappings accepted (libyaml has no limit). */
#define CG_YAML_MAX_DEPTH 64

/* A loaded YAML document and the file it came from (for errors). */
typedef struct cg_yaml {
    yaml_document_t doc;
    const char *path;
    cg_error *err;
} cg_yaml;

/* Loads the file at path into y, checking the nesting first; errors name
 * path:line:column (CG_EIO if it cannot be opened, CG_ECONFIG if malformed). */
cg_status cg_yaml_load_file(cg_yaml *y, const char *path, cg_error *err);

/* Loads len bytes of YAML (name is used in errors) into y. */
cg_status cg_yaml_load_bytes(cg_yaml *y, const char *bytes, size_t len, const char *name,
                             cg_error *err);

/* Releases a document loaded by cg_yaml_load_file or cg_yaml_load_bytes. */
void cg_yaml_free(cg_yaml *y);

/* The root node, or NULL for an empty document. */
yaml_node_t *cg_yaml_root(cg_yaml *y);

/* The node of an index of the document. */
yaml_node_t *cg_yaml_node(cg_yaml *y, int index);

/* The text of a scalar node; NULL if n is not a scalar. */
const char *cg_yaml_scalar(const yaml_node_t *n);

/* The value of key in a mapping node; NULL if absent or map is not a mapping. */
yaml_node_t *cg_yaml_map_get(cg_yaml *y, yaml_node_t *map, const char *key);

/* Sets a CG_ECONFIG error at node's line and column; fmt has one %s for what. */
cg_status cg_yaml_fail_at(cg_yaml *y, const yaml_node_t *node, const char *fmt, const char *what);

/* Sets an out-of-memory error naming the file. */
cg_status cg_yaml_nomem(cg_yaml *y);

#endif
