/* igraph error and warning handlers that never abort: the reason is
 * recorded and the igraph call returns its error code to the caller. */
#include <stdio.h>

#include "citegraph/graph.h"

static char last_reason[512];

static void on_error(const char *reason, const char *file, int line, igraph_error_t code)
{
    (void)file;
    (void)line;
    snprintf(last_reason, sizeof last_reason, "%s (%s)", reason ? reason : "igraph error",
             igraph_strerror(code));
    /* release what igraph registered for cleanup, as the ignore handler does */
    IGRAPH_FINALLY_FREE();
}

static void on_warning(const char *reason, const char *file, int line)
{
    (void)file;
    (void)line;
    snprintf(last_reason, sizeof last_reason, "%s", reason ? reason : "igraph warning");
}

void cg_graph_igraph_handlers(void)
{
    igraph_set_error_handler(on_error);
    igraph_set_warning_handler(on_warning);
}

const char *cg_graph_igraph_reason(void)
{
    return last_reason;
}
