/* The drawing of the citation graph: its DOT export (the documents read
 * and the most highly ranked targets only, so that the drawing stays
 * legible) laid out by
 * Graphviz's dot, run as a child process, its SVG read from a pipe.  The
 * pipe and the temporary file are closed on exec, so that a drawing made
 * on one thread while another starts a child hands it neither. */
#define _GNU_SOURCE /* pipe2, mkostemp */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"

extern char **environ;

/* Writes the DOT of graph (vertices keep) to a new temporary file; its path in tmp. */
static int write_dot(const cg_graph *graph, const cg_metrics *m, const unsigned char *keep,
                     char *tmp, size_t tmplen)
{
    const char *dir = getenv("TMPDIR");
    snprintf(tmp, tmplen, "%s/citegraph-XXXXXX", dir && dir[0] ? dir : "/tmp");
    int fd = mkostemp(tmp, O_CLOEXEC);
    if (fd < 0)
        return 0;
    cg_buf dot = {0};
    int ok = cg_graph_write(&dot, CG_GRAPH_DOT, graph, m, keep) == CG_OK;
    for (size_t off = 0; ok && off < dot.len;) {
        ssize_t n = write(fd, dot.data + off, dot.len - off);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            ok = 0;
        else
            off += (size_t)n;
    }
    cg_buf_free(&dot);
    if (close(fd) != 0)
        ok = 0;
    if (!ok)
        unlink(tmp);
    return ok;
}

/* Runs dot -Tsvg on the file; its output in svg.  Returns 0 with *why set on failure. */
static int run_dot(const char *path, cg_buf *svg, const char **why)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        *why = "The graph could not be drawn: no pipe to Graphviz.";
        return 0;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&fa, fds[0]);
    posix_spawn_file_actions_addclose(&fa, fds[1]);
    posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    /* neato: a compact drawing of a graph made mostly of stars */
    char *argv[] = {"dot", "-Kneato", "-Tsvg", (char *)path, NULL};
    pid_t pid;
    int rc = posix_spawnp(&pid, "dot", &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(fds[1]);
    if (rc != 0) {
        close(fds[0]);
        *why = rc == ENOENT ? "Graphviz is not installed (no dot program on the PATH): the graph "
                              "is not drawn.  Install it (Debian: graphviz) to see it here."
                            : "The graph could not be drawn: dot could not be started.";
        return 0;
    }
    char chunk[65536];
    int ok = 1;
    for (;;) {
        ssize_t n = read(fds[0], chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        if (cg_buf_append(svg, chunk, (size_t)n) != CG_OK)
            ok = 0;
    }
    close(fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (!ok || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || svg->data == NULL) {
        *why = "The graph could not be drawn: Graphviz dot failed.";
        return 0;
    }
    return 1;
}

char *cli_graph_svg(const cg_graph *graph, const cg_metrics *m, size_t max_vertices,
                    const char **why)
{
    unsigned char *keep = cg_calloc(graph->nv ? graph->nv : 1, 1);
    if (keep == NULL) {
        *why = "The graph could not be drawn: out of memory.";
        return NULL;
    }
    /* the documents read (up to a third of the drawing), then the most
     * highly ranked of the rest: the edges between them are the drawing */
    size_t kept = 0;
    for (size_t i = 0; i < graph->nv && kept < max_vertices / 3; i++)
        if (graph->v[m->rank[i]].in_corpus) {
            keep[m->rank[i]] = 1;
            kept++;
        }
    for (size_t i = 0; i < graph->nv && kept < max_vertices; i++)
        if (!keep[m->rank[i]]) {
            keep[m->rank[i]] = 1;
            kept++;
        }
    char tmp[4096];
    cg_buf svg = {0};
    char *out = NULL;
    if (!write_dot(graph, m, keep, tmp, sizeof tmp)) {
        *why = "The graph could not be drawn: no temporary file for Graphviz.";
    } else {
        if (run_dot(tmp, &svg, why)) {
            char *start = strstr(svg.data, "<svg");
            if (start == NULL)
                *why = "The graph could not be drawn: Graphviz wrote no SVG.";
            else
                out = cg_strdup(start);
        }
        unlink(tmp);
    }
    cg_buf_free(&svg);
    cg_free(keep);
    return out;
}

cg_status cli_report_html_drawn(cg_buf *out, const cg_graph *graph, const cg_metrics *m,
                                const size_t *rows, size_t n, const char *svg, const char *why)
{
    char note[160];
    if (svg != NULL)
        snprintf(note, sizeof note, "The documents read and the most highly ranked targets: "
                 "%zu of %zu vertices, drawn by Graphviz; hover over a vertex for its id.",
                 graph->nv < CLI_DRAWN_VERTICES ? graph->nv : (size_t)CLI_DRAWN_VERTICES,
                 graph->nv);
    return cg_report_write_html(out, graph, m, rows, n, 10, svg, svg ? note : why);
}

cg_status cli_report_html(cg_buf *out, const cg_graph *graph, const cg_metrics *m,
                          const size_t *rows, size_t n)
{
    const char *why = NULL;
    char *svg = cli_graph_svg(graph, m, CLI_DRAWN_VERTICES, &why);
    cg_status st = cli_report_html_drawn(out, graph, m, rows, n, svg, why);
    cg_free(svg);
    return st;
}
