/* citegraph: the command line.  Dispatches to one command a verb. */
#include <stdio.h>
#include <string.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "cli.h"

/* A command: its verb, what it does (one line of --help), its entry. */
typedef struct command {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv, const char *argv0);
} command;

static const command commands[] = {
    {"extract", "print every reference of the documents (TSV or JSON Lines)", cmd_extract},
    {"report", "rank the vertices of the citation graph (text, CSV, JSON, Markdown, HTML)",
     cmd_report},
    {"graph", "write the citation graph (DOT, GraphML, CSV, JSON)", cmd_graph},
    {"run", "the main job: references, graph, drawing and report into a folder", cmd_run},
    {"docs", "print each document's id, aliases, title and date", cmd_docs},
    {"annotate", "write a document as HTML with every reference a link", cmd_annotate},
};
enum { NCOMMANDS = sizeof commands / sizeof commands[0] };

static void usage(FILE *out)
{
    fputs("usage: citegraph COMMAND [OPTIONS] PATH...\n"
          "       citegraph COMMAND --help\n"
          "\n"
          "Find the references that United Nations documents make to each other.\n"
          "\n"
          "Commands:\n",
          out);
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(out, "  %-9s %s\n", commands[i].name, commands[i].summary);
    fputs("\n"
          "Options:\n"
          "  -h, --help     show this help (citegraph COMMAND --help for a command)\n"
          "  -V, --version  show the version\n"
          "\n"
          "A progress line is drawn on stderr when it is a terminal; see\n"
          "--quiet and --progress in each command's help.  More: man citegraph.\n"
          "\n" CLI_EXIT_HELP,
          out);
}

static const command *find_command(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

int main(int argc, char **argv)
{
#if defined(__GLIBC__)
    /* keep freed document buffers for the next document instead of
     * returning them to the kernel, which zeroes every page again */
    mallopt(M_MMAP_THRESHOLD, 256 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
#endif
    if (argc < 2) {
        usage(stderr);
        return CG_EXIT_FATAL;
    }
    const char *name = argv[1];
    if (strcmp(name, "-V") == 0 || strcmp(name, "--version") == 0) {
        printf("citegraph %s\n", CITEGRAPH_VERSION);
        return CG_EXIT_OK;
    }
    if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0 || strcmp(name, "help") == 0) {
        if (argc > 2 && strcmp(name, "help") == 0) { /* help COMMAND */
            const command *c = find_command(argv[2]);
            if (c == NULL) {
                cli_error("unknown command '%s'", argv[2]);
                usage(stderr);
                return CG_EXIT_FATAL;
            }
            char help[] = "--help";
            char *args[] = {help, NULL};
            return c->run(1, args, argv[0]);
        }
        usage(stdout);
        return CG_EXIT_OK;
    }
    const command *c = find_command(name);
    if (c == NULL) {
        cli_error("unknown command '%s'", name);
        usage(stderr);
        return CG_EXIT_FATAL;
    }
    cg_atomic_cleanup_on_signals(); /* no temporary output left behind */
    return c->run(argc - 2, argv + 2, argv[0]);
}
