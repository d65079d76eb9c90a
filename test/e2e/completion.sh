#!/bin/sh
# Bash completion (data/completion/citegraph.bash): the commands and every
# long option of each command's --help are offered, --format and --kind
# offer values the program accepts, --registry offers folders.
set -u
. "$(dirname "$0")/lib.sh"
COMPLETION=${COMPLETION:-data/completion/citegraph.bash}
if ! command -v bash >/dev/null 2>&1; then
    echo "completion: no bash, not tested"
    exit 0
fi

# complete WORD...: what bash offers for the last word
complete_words() {
    bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _citegraph
             printf "%s\n" "${COMPREPLY[@]}"' sh "$COMPLETION" "$BIN" "$@"
}
# has LIST WORD: whether WORD is a line of LIST
has() { printf '%s\n' "$1" | grep -qxF -- "$2"; }

if bash -n "$COMPLETION"; then ok "bash syntax"; else fail "bash syntax"; fi
offered=$(complete_words "")
commands=$("$BIN" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
for c in $commands help; do
    if has "$offered" "$c"; then ok "command $c offered"; else fail "command $c not offered"; fi
done
for c in $commands; do
    offered=$(complete_words "$c" --)
    for o in $("$BIN" "$c" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
        if has "$offered" "$o"; then ok "$c $o offered"; else fail "$c $o not offered"; fi
    done
    "$BIN" "$c" --help | grep -q -- '--format' || continue
    formats=$(complete_words "$c" --format "")
    if [ -n "$formats" ]; then ok "$c --format: $(echo $formats)"; else fail "$c --format: nothing"; fi
    for f in $formats; do
        if "$BIN" "$c" --format "$f" --help >/dev/null 2>&1; then ok "$c accepts --format $f"; else
            fail "$c rejects --format $f"; fi
    done
done
for k in $(complete_words report --kind ""); do
    if "$BIN" report --kind "$k" --help >/dev/null 2>&1; then ok "report accepts --kind $k"; else
        fail "report rejects --kind $k"; fi
done
offered=$(complete_words extract --registry data/reg)
if [ "$offered" = "data/registry" ]; then ok "--registry offers folders"; else
    fail "--registry offers: $offered"; fi
offered=$(complete_words help gr)
if [ "$offered" = "graph" ]; then ok "help offers commands"; else fail "help offers: $offered"; fi

e2e_done completion
