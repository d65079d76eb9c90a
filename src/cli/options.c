/* The option parser of the command line: short and long options, values
 * inline or in the next argument, "--" ending the options; and the loop
 * that gives every command the same handling of the common options. */
#include "options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const cli_long longs[] = {
    {"help", 'h'},      {"format", 'f'},   {"registry", 'r'}, {"output", 'o'},
    {"top", 't'},       {"kind", 'k'},     {"min-cited", 'm'}, {"version", 'V'},
    {"quiet", 'q'},     {"jobs", 'j'},     {"progress", CLI_OPT_PROGRESS},
    {"manifest", 'M'},  {"betweenness-budget", CLI_OPT_BETWEENNESS_BUDGET}, {NULL, 0}};

void cli_opts_init(cli_opts *o, int argc, char **argv)
{
    memset(o, 0, sizeof *o);
    o->argc = argc;
    o->argv = argv;
}

int cli_opts_next(cli_opts *o)
{
    o->inline_val = NULL;
    if (o->i >= o->argc)
        return CLI_OPTS_END;
    char *a = o->argv[o->i++];
    o->arg = a;
    if (o->only_args || a[0] != '-' || a[1] == '\0')
        return CLI_OPTS_ARG;
    if (strcmp(a, "--") == 0) {
        o->only_args = 1;
        return cli_opts_next(o);
    }
    if (a[1] != '-') {
        if (a[2] != '\0')
            o->inline_val = a + 2;
        return (unsigned char)a[1];
    }
    const char *name = a + 2;
    char *eq = strchr(a, '=');
    size_t n = eq ? (size_t)(eq - name) : strlen(name);
    if (eq)
        o->inline_val = eq + 1;
    for (size_t k = 0; longs[k].name; k++)
        if (strlen(longs[k].name) == n && strncmp(longs[k].name, name, n) == 0)
            return longs[k].letter;
    return CLI_OPTS_UNKNOWN;
}

int cli_opts_value(cli_opts *o, const char *name)
{
    if (o->inline_val) {
        o->arg = o->inline_val;
        return 1;
    }
    if (o->i >= o->argc) {
        cli_error("option --%s needs a value", name);
        return 0;
    }
    o->arg = o->argv[o->i++];
    return 1;
}

/* An option every command takes: 1 taken, 0 bad (reported), -1 not one;
 * *exit_now is set by the options that end the command (--help). */
static int common_option(cli_opts *o, int opt, const char *cmd, const char *usage,
                         cli_common *common, int *exit_now)
{
    switch (opt) {
    case 'h':
        fputs(usage, stdout);
        *exit_now = 1;
        return 1;
    case 'V':
        printf("citegraph %s\n", CITEGRAPH_VERSION);
        *exit_now = 1;
        return 1;
    case 'r':
        return cli_opts_value(o, "registry") && cli_add_registry(common, cmd, o->arg);
    case 'M':
        return cli_opts_value(o, "manifest") && cli_add_manifest(common, cmd, o->arg);
    case 'j': {
        size_t jobs;
        if (!cli_opts_value(o, "jobs") || !cli_parse_count("jobs", o->arg, &jobs))
            return 0;
        if (jobs < 1 || jobs > 256) {
            cli_error("%s: --jobs must be between 1 and 256", cmd);
            return 0;
        }
        common->jobs = (unsigned)jobs;
        return 1;
    }
    case 'q':
        common->progress = CLI_PROGRESS_OFF;
        common->quiet = 1;
        return 1;
    case CLI_OPT_PROGRESS:
        if (!common->quiet)
            common->progress = CLI_PROGRESS_ON;
        return 1;
    case CLI_OPT_BETWEENNESS_BUDGET: {
        if (!cli_opts_value(o, "betweenness-budget"))
            return 0;
        char *e;
        double v = strtod(o->arg, &e);
        if (e == o->arg || *e != '\0' || !(v >= 0) || v > 1e9) {
            cli_error("%s: --betweenness-budget takes seconds (a number, 0 or more), not '%s'",
                      cmd, o->arg);
            return 0;
        }
        common->betweenness_budget = v;
        common->has_budget = 1;
        return 1;
    }
    default:
        return -1;
    }
}

int cli_parse_args(int argc, char **argv, const char *cmd, const char *usage,
                   cli_common *common, cli_option_fn fn, void *ctx)
{
    cli_opts o;
    cli_opts_init(&o, argc, argv);
    common->paths = argv; /* paths overwrite the arguments already read */
    common->npaths = 0;
    int opt;
    while ((opt = cli_opts_next(&o)) != CLI_OPTS_END) {
        if (opt == CLI_OPTS_ARG) {
            common->paths[common->npaths++] = o.arg;
            continue;
        }
        int exit_now = 0;
        int taken = common_option(&o, opt, cmd, usage, common, &exit_now);
        if (taken < 0 && opt != CLI_OPTS_UNKNOWN && fn)
            taken = fn(&o, opt, ctx);
        if (taken == 0)
            return CG_EXIT_FATAL;
        if (exit_now)
            return CG_EXIT_OK;
        if (taken < 0) {
            fprintf(stderr, "citegraph: %s: unknown option '%s'\n%s", cmd, o.arg, usage);
            return CG_EXIT_FATAL;
        }
    }
    if (common->npaths == 0) {
        fprintf(stderr, "citegraph: %s: no PATH given\n%s", cmd, usage);
        return CG_EXIT_FATAL;
    }
    return CLI_ARGS_RUN;
}

int cli_refs_format_option(cli_opts *o, int opt, const char *cmd, cg_refs_format *format)
{
    if (opt != 'f')
        return -1;
    if (!cli_opts_value(o, "format"))
        return 0;
    if (strcmp(o->arg, "tsv") == 0)
        *format = CG_REFS_TSV;
    else if (strcmp(o->arg, "jsonl") == 0)
        *format = CG_REFS_JSONL;
    else {
        cli_error("%s: unknown format '%s' (expected tsv or jsonl)", cmd, o->arg);
        return 0;
    }
    return 1;
}
