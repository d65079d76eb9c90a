# bash completion for citegraph: commands, options, and their values.
# Commands and options are read from the program's own --help, so they
# never go out of date; installed by "make install" into
# $(PREFIX)/share/bash-completion/completions/citegraph.

# The program as typed, with a leading ~ expanded.
_citegraph_prog()
{
    local prog=${COMP_WORDS[0]}
    printf '%s\n' "${prog/#\~/$HOME}"
}

# The commands listed under "Commands:" by citegraph --help.
_citegraph_commands()
{
    "$1" --help 2>/dev/null | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p'
}

# The long options listed by citegraph [COMMAND] --help.
_citegraph_options()
{
    "$1" ${2:+"$2"} --help 2>/dev/null |
        sed -n 's/^ \{1,\}\(-[a-zA-Z], \)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p'
}

# The values of --format shown in the usage line of citegraph COMMAND --help.
_citegraph_formats()
{
    "$1" "$2" --help 2>/dev/null | grep -o -- '--format [a-z]*\(|[a-z]*\)*' |
        head -n 1 | sed 's/^--format //; s/|/ /g'
}

_citegraph()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    local prog cmd= i
    prog=$(_citegraph_prog)
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
        -*) ;;
        *) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done
    COMPREPLY=()
    if [[ -z $cmd ]]; then
        if [[ $cur == -* ]]; then
            COMPREPLY=($(compgen -W "$(_citegraph_options "$prog")" -- "$cur"))
        else
            COMPREPLY=($(compgen -W "$(_citegraph_commands "$prog") help" -- "$cur"))
        fi
        return 0
    fi
    if [[ $cmd == help ]]; then
        [[ $COMP_CWORD -eq $((i + 1)) ]] &&
            COMPREPLY=($(compgen -W "$(_citegraph_commands "$prog")" -- "$cur"))
        return 0
    fi
    case $prev in
    -r | --registry)
        COMPREPLY=($(compgen -d -- "$cur"))
        return 0 ;;
    -o | --output)
        compopt -o filenames 2>/dev/null
        if [[ $cmd == run ]]; then
            COMPREPLY=($(compgen -d -- "$cur"))
        else
            COMPREPLY=($(compgen -f -- "$cur"))
        fi
        return 0 ;;
    -t | --top | -m | --min-cited)
        return 0 ;;
    -k | --kind)
        COMPREPLY=($(compgen -W "symbol resolution icj url other document" -- "$cur"))
        return 0 ;;
    -f | --format)
        COMPREPLY=($(compgen -W "$(_citegraph_formats "$prog" "$cmd")" -- "$cur"))
        return 0 ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_citegraph_options "$prog" "$cmd")" -- "$cur"))
    else
        compopt -o filenames 2>/dev/null
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
    return 0
}

complete -F _citegraph citegraph
