/* The option parser of the command line: short and long options, values
 * inline or in the next argument, "--" ending the options. */
#include "options.h"

#include <string.h>

#include "cli.h"

static const cli_long longs[] = {
    {"help", 'h'},     {"format", 'f'}, {"registry", 'r'}, {"output", 'o'},
    {"top", 't'},      {"kind", 'k'},   {"min-cited", 'm'}, {"version", 'V'},
    {"quiet", 'q'},    {"jobs", 'j'},   {"manifest", 'M'}, {NULL, 0}};

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
