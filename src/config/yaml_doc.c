/* Loading YAML documents for the config module: a first pass over the
 * events rejects nesting deeper than CG_YAML_MAX_DEPTH, a second builds
 * the node tree.  Every error names file:line:column. */
#include "yaml_doc.h"

#include <errno.h>
#include <string.h>

/* Points the parser at the input: a FILE, or bytes when fp is NULL. */
static void set_input(yaml_parser_t *parser, FILE *fp, const char *bytes, size_t len)
{
    if (fp)
        yaml_parser_set_input_file(parser, fp);
    else
        yaml_parser_set_input_string(parser, (const unsigned char *)bytes, len);
}

static cg_status syntax_error(const yaml_parser_t *parser, const char *path, cg_error *err)
{
    return cg_error_set(err, CG_ECONFIG, path, (long)parser->problem_mark.line + 1,
                        (long)parser->problem_mark.column + 1, "malformed YAML: %s",
                        parser->problem ? parser->problem : "syntax error");
}

/* Rejects documents nested deeper than CG_YAML_MAX_DEPTH before libyaml's
 * loader (which recurses) sees them. */
static cg_status check_depth(FILE *fp, const char *bytes, size_t len, const char *path,
                             cg_error *err)
{
    yaml_parser_t parser;
    yaml_event_t event;
    if (!yaml_parser_initialize(&parser))
        return cg_error_set(err, CG_ENOMEM, path, 0, 0, "out of memory");
    set_input(&parser, fp, bytes, len);
    int depth = 0;
    cg_status st = CG_OK;
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) {
            st = syntax_error(&parser, path, err);
            break;
        }
        yaml_event_type_t type = event.type;
        if (type == YAML_SEQUENCE_START_EVENT || type == YAML_MAPPING_START_EVENT) {
            if (++depth > CG_YAML_MAX_DEPTH) {
                st = cg_error_set(err, CG_ECONFIG, path, (long)event.start_mark.line + 1,
                                  (long)event.start_mark.column + 1,
                                  "YAML nested deeper than %d levels", CG_YAML_MAX_DEPTH);
                yaml_event_delete(&event);
                break;
            }
        } else if (type == YAML_SEQUENCE_END_EVENT || type == YAML_MAPPING_END_EVENT) {
            depth--;
        }
        yaml_event_delete(&event);
        if (type == YAML_STREAM_END_EVENT)
            break;
    }
    yaml_parser_delete(&parser);
    return st;
}

static cg_status load(cg_yaml *y, FILE *fp, const char *bytes, size_t len, const char *path,
                      cg_error *err)
{
    memset(y, 0, sizeof *y);
    y->path = path;
    y->err = err;
    cg_status st = check_depth(fp, bytes, len, path, err);
    if (st != CG_OK)
        return st;
    if (fp)
        rewind(fp);
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return cg_error_set(err, CG_ENOMEM, path, 0, 0, "out of memory");
    set_input(&parser, fp, bytes, len);
    if (!yaml_parser_load(&parser, &y->doc))
        st = syntax_error(&parser, path, err);
    yaml_parser_delete(&parser);
    return st;
}

cg_status cg_yaml_load_file(cg_yaml *y, const char *path, cg_error *err)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        memset(y, 0, sizeof *y);
        return cg_error_set(err, CG_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
    }
    cg_status st = load(y, fp, NULL, 0, path, err);
    fclose(fp);
    return st;
}

cg_status cg_yaml_load_bytes(cg_yaml *y, const char *bytes, size_t len, const char *name,
                             cg_error *err)
{
    return load(y, NULL, bytes, len, name, err);
}

void cg_yaml_free(cg_yaml *y)
{
    yaml_document_delete(&y->doc);
    memset(y, 0, sizeof *y);
}

yaml_node_t *cg_yaml_root(cg_yaml *y)
{
    return yaml_document_get_root_node(&y->doc);
}

yaml_node_t *cg_yaml_node(cg_yaml *y, int index)
{
    return yaml_document_get_node(&y->doc, index);
}

const char *cg_yaml_scalar(const yaml_node_t *n)
{
    return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

yaml_node_t *cg_yaml_map_get(cg_yaml *y, yaml_node_t *map, const char *key)
{
    if (map == NULL || map->type != YAML_MAPPING_NODE)
        return NULL;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        const char *k = cg_yaml_scalar(cg_yaml_node(y, p->key));
        if (k && strcmp(k, key) == 0)
            return cg_yaml_node(y, p->value);
    }
    return NULL;
}

cg_status cg_yaml_fail_at(cg_yaml *y, const yaml_node_t *node, const char *fmt, const char *what)
{
    long line = node ? (long)node->start_mark.line + 1 : 0;
    long col = node ? (long)node->start_mark.column + 1 : 0;
    return cg_error_set(y->err, CG_ECONFIG, y->path, line, col, fmt, what);
}

cg_status cg_yaml_nomem(cg_yaml *y)
{
    return cg_error_set(y->err, CG_ENOMEM, y->path, 0, 0, "out of memory");
}
