/* citegraph: the command line.  Dispatches to one command a verb. */
#include <stdio.h>
#include <string.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "cli.h"

static const char usage[] =
    "usage: citegraph COMMAND [OPTIONS] PATH...\n"
    "\n"
    "Find the references that United Nations documents make to each other.\n"
    "\n"
    "Commands:\n"
    "  extract   print every reference of the documents (TSV or JSON Lines)\n"
    "  report    rank the vertices of the citation graph\n"
    "  graph     write the citation graph (DOT, GraphML, CSV, JSON)\n"
    "  docs      print each document's id, aliases, title and date\n"
    "\n"
    "Options:\n"
    "  -h, --help     show this help (citegraph COMMAND --help for a command)\n"
    "  -V, --version  show the version\n"
    "\n"
    "Exit status: 0 every input read; 1 some inputs skipped (reported on\n"
    "stderr); 2 usage or fatal error.\n";

int main(int argc, char **argv)
{
#if defined(__GLIBC__)
    /* keep freed document buffers for the next document instead of
     * returning them to the kernel, which zeroes every page again */
    mallopt(M_MMAP_THRESHOLD, 256 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
#endif
    if (argc < 2) {
        fputs(usage, stderr);
        return CG_EXIT_FATAL;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
        fputs(usage, stdout);
        return CG_EXIT_OK;
    }
    if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
        printf("citegraph %s\n", CITEGRAPH_VERSION);
        return CG_EXIT_OK;
    }
    if (strcmp(cmd, "extract") == 0)
        return cmd_extract(argc - 2, argv + 2, argv[0]);
    if (strcmp(cmd, "report") == 0)
        return cmd_report(argc - 2, argv + 2, argv[0]);
    if (strcmp(cmd, "graph") == 0)
        return cmd_graph(argc - 2, argv + 2, argv[0]);
    if (strcmp(cmd, "docs") == 0)
        return cmd_docs(argc - 2, argv + 2, argv[0]);
    fprintf(stderr, "citegraph: unknown command '%s'\n%s", cmd, usage);
    return CG_EXIT_FATAL;
}
