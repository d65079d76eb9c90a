/* Private to the command line: a small option parser for "-x VALUE",
 * "--long VALUE", "--long=VALUE" and "--" (getopt_long without globals). */
#ifndef CITEGRAPH_CLI_OPTIONS_H
#define CITEGRAPH_CLI_OPTIONS_H

enum { CLI_OPTS_END = -1, CLI_OPTS_ARG = 0, CLI_OPTS_UNKNOWN = '?' };

/* One long option and the short letter it stands for. */
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

/* Next item: CLI_OPTS_ARG (o->arg), an option letter, CLI_OPTS_UNKNOWN, or END. */
int cli_opts_next(cli_opts *o);

/* Takes the option's value into o->arg; reports and returns 0 if missing. */
int cli_opts_value(cli_opts *o, const char *name);

#endif
