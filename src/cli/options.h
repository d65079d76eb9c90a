/* Private to the command line: a small option parser for "-x VALUE",
 * "--long VALUE", "--long=VALUE" and "--" (getopt_long without globals),
 * and the one argument loop every command runs. */
#ifndef CITEGRAPH_CLI_OPTIONS_H
#define CITEGRAPH_CLI_OPTIONS_H

#include "cli.h"

enum { CLI_OPTS_END = -1, CLI_OPTS_ARG = 0, CLI_OPTS_UNKNOWN = '?' };

/* Codes of the options that have no short letter (above any letter). */
enum { CLI_OPT_PROGRESS = 256, CLI_OPT_BETWEENNESS_BUDGET };

/* What cli_parse_args returns when the command should go on. */
enum { CLI_ARGS_RUN = -1 };

/* One long option and the short letter (or code) it stands for. */
typedef struct cli_long {
    const char *name;
    int letter;
} cli_long;

/* Parser state over argv[0..argc) (argv[0] is the first argument). */
typedef struct cli_opts {
    int argc;
    char **argv;
    int i;
    int only_args;
    char *arg;         /* the argument, the option text, or the value */
    char *inline_val;  /* value of --name=value */
} cli_opts;

/* Starts parsing argv[0..argc). */
void cli_opts_init(cli_opts *o, int argc, char **argv);

/* Next item: CLI_OPTS_ARG (o->arg), an option letter or code, CLI_OPTS_UNKNOWN, or END. */
int cli_opts_next(cli_opts *o);

/* Takes the option's value into o->arg; reports and returns 0 if missing. */
int cli_opts_value(cli_opts *o, const char *name);

/* A command's own options: returns 1 if opt was taken, 0 after reporting
 * a bad value, -1 if opt is not one of the command's. */
typedef int (*cli_option_fn)(cli_opts *o, int opt, void *ctx);

/* The argument loop of a command: PATHs (into common->paths), the options
 * every command takes (--help, --version, --registry, --quiet,
 * --progress), own options through fn.  Returns CLI_ARGS_RUN when the
 * command should run, else the exit status to return (help printed,
 * usage error reported). */
int cli_parse_args(int argc, char **argv, const char *cmd, const char *usage,
                   cli_common *common, cli_option_fn fn, void *ctx);

/* The --format option of the commands that write rows (tsv or jsonl):
 * 1 taken, 0 bad (reported), -1 another option. */
int cli_refs_format_option(cli_opts *o, int opt, const char *cmd, cg_refs_format *format);

#endif
