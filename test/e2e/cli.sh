#!/bin/sh
# The manners of the command line: --help and --version everywhere, the
# same option forms in every command, the progress line (never on a pipe
# unless --progress; --quiet silences it and the notes on skipped files).
set -u
. "$(dirname "$0")/lib.sh"
CORPUS=${CORPUS:-data/corpus/sample}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# check NAME WANT-STATUS -- command...: stdout in $tmp/out, stderr in $tmp/err
check() {
    name=$1 want=$2
    shift 3
    "$@" >"$tmp/out" 2>"$tmp/err"
    got=$?
    if [ "$got" -eq "$want" ]; then ok "$name"; else
        fail "$name: exit status $got, want $want"; sed 's/^/     /' "$tmp/err" | head -3; fi
}

version=$(sed -n 's/^#define CITEGRAPH_VERSION "\(.*\)"$/\1/p' include/citegraph/citegraph.h)
check "--version" 0 -- "$BIN" --version
if [ "$(cat "$tmp/out")" = "citegraph $version" ]; then ok "version is the header's ($version)"; else
    fail "version: $(cat "$tmp/out"), header: $version"; fi
check "-V" 0 -- "$BIN" -V
check "--help" 0 -- "$BIN" --help
commands=$(sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' "$tmp/out")
for c in $commands; do
    path=$CORPUS # annotate reads one document
    [ "$c" = annotate ] && path=$(ls -d "$CORPUS"/* | head -n 1)
    check "$c --help" 0 -- "$BIN" "$c" --help
    if head -n 1 "$tmp/out" | grep -q "^usage: citegraph $c "; then ok "$c --help: usage line"; else
        fail "$c --help: no usage line"; fi
    if [ ! -s "$tmp/err" ]; then ok "$c --help: nothing on stderr"; else fail "$c --help: stderr"; fi
    cp "$tmp/out" "$tmp/help-$c"
    check "help $c" 0 -- "$BIN" help "$c"
    if cmp -s "$tmp/out" "$tmp/help-$c"; then ok "help $c = $c --help"; else fail "help $c differs"; fi
    check "$c -h" 0 -- "$BIN" "$c" -h
    check "$c --version" 0 -- "$BIN" "$c" --version
    check "$c unknown option" 2 -- "$BIN" "$c" --bogus "$CORPUS"
    if grep -q "unknown option '--bogus'" "$tmp/err" && grep -q "^usage:" "$tmp/err"; then
        ok "$c unknown option: message and usage"; else fail "$c unknown option: message"; fi
    check "$c no PATH" 2 -- "$BIN" "$c"
    check "$c --registry without a value" 2 -- "$BIN" "$c" --registry
    if grep -q "needs a value" "$tmp/err"; then ok "$c: value needed"; else fail "$c: value needed"; fi
    # common options are accepted by every command, in every form
    check "$c -q -r DIR" 0 -- "$BIN" "$c" -q -r data/registry "$path"
    check "$c --registry=DIR" 0 -- "$BIN" "$c" --registry=data/registry "$path"
    check "$c -rDIR" 0 -- "$BIN" "$c" -rdata/registry "$path"
    check "$c PATH before options" 0 -- "$BIN" "$c" "$path" --quiet
done
check "help of an unknown command" 2 -- "$BIN" help frobnicate
check "-- ends the options" 1 -- "$BIN" extract -- --quiet
if grep -q -- "--quiet: no such file" "$tmp/err"; then ok "-- makes --quiet a PATH"; else
    fail "-- makes --quiet a PATH"; fi

# progress: never on a pipe by default; --progress asks for it
check "no progress on a pipe" 0 -- "$BIN" extract "$CORPUS"
if [ ! -s "$tmp/err" ]; then ok "stderr empty on a pipe"; else fail "stderr on a pipe: $(head -1 "$tmp/err")"; fi
nfiles=$(ls "$CORPUS" | grep -cE '\.(txt|md|html?)$')
check "--progress" 0 -- "$BIN" extract --progress "$CORPUS"
if grep -Eq "^citegraph: $nfiles/$nfiles files  [0-9.]+/[0-9.]+ MB  [0-9.]+ MB/s  in [0-9]+:[0-9]{2}\$" "$tmp/err"; then
    ok "--progress: final line"; else fail "--progress: $(cat "$tmp/err")"; fi
cmp -s "$tmp/out" test/e2e/expected/sample.tsv && ok "--progress: stdout unchanged" ||
    fail "--progress changed stdout"
check "--progress --quiet" 0 -- "$BIN" report --progress --quiet "$CORPUS"
if [ ! -s "$tmp/err" ]; then ok "--quiet wins over --progress"; else fail "--quiet: $(head -1 "$tmp/err")"; fi
# --quiet: notes on files of other types go, errors stay
mkdir -p "$tmp/tree"
printf 'See S/2023/888.\n' >"$tmp/tree/a.txt"
printf 'PK' >"$tmp/tree/b.docx"
check "note without --quiet" 0 -- "$BIN" extract "$tmp/tree"
if grep -q "b.docx: skipped" "$tmp/err"; then ok "skipped file noted"; else fail "skipped file not noted"; fi
check "note with --quiet" 0 -- "$BIN" extract --quiet "$tmp/tree"
if [ ! -s "$tmp/err" ]; then ok "--quiet: no note"; else fail "--quiet: $(head -1 "$tmp/err")"; fi
check "errors with --quiet" 1 -- "$BIN" extract --quiet "$tmp/tree" "$tmp/nope.txt"
if grep -q "nope.txt: no such file" "$tmp/err"; then ok "--quiet: errors still reported"; else
    fail "--quiet hid an error"; fi
# on a terminal (when script(1) can make one), a short run draws nothing
if command -v script >/dev/null 2>&1 && script -qc true /dev/null >/dev/null 2>&1; then
    script -qc "\"$BIN\" extract \"$CORPUS\" >/dev/null" /dev/null >"$tmp/tty" 2>&1
    if [ ! -s "$tmp/tty" ]; then ok "terminal: short run draws nothing"; else
        fail "terminal: short run drew $(od -c "$tmp/tty" | head -2)"; fi
    script -qc "\"$BIN\" extract --progress \"$CORPUS\" >/dev/null" /dev/null >"$tmp/tty" 2>&1
    if grep -q "^.citegraph: $nfiles/$nfiles files" "$tmp/tty"; then ok "terminal: --progress redraws in place"; else
        fail "terminal: --progress: $(od -c "$tmp/tty" | head -2)"; fi
fi

# --jobs: the same bytes whatever the number of threads
"$BIN" extract -j 1 "$CORPUS" >"$tmp/j1"
for j in 2 3 8; do
    "$BIN" extract --jobs "$j" "$CORPUS" >"$tmp/jn"
    if cmp -s "$tmp/j1" "$tmp/jn"; then ok "extract -j $j: same output as -j 1"; else
        fail "extract -j $j differs from -j 1"; fi
done
"$BIN" report -j 1 --format csv "$CORPUS" >"$tmp/r1"
"$BIN" report -j 4 --format csv "$CORPUS" >"$tmp/r4"
if cmp -s "$tmp/r1" "$tmp/r4"; then ok "report -j 4: same output as -j 1"; else fail "report -j 4 differs"; fi
check "--jobs 0 is refused" 2 -- "$BIN" extract --jobs 0 "$CORPUS"

# --betweenness-budget: exact within the budget, else the cutoff, said in the report
check "--betweenness-budget 0" 0 -- "$BIN" report --betweenness-budget 0 "$CORPUS"
if grep -q '^betweenness  *cutoff 4 (exact: about' "$tmp/out"; then ok "budget 0: cutoff in the report"; else
    fail "budget 0: $(grep betweenness "$tmp/out")"; fi
check "--betweenness-budget 60" 0 -- "$BIN" report --betweenness-budget=60 "$CORPUS"
if grep -q '^betweenness  *exact$' "$tmp/out"; then ok "budget 60: exact"; else fail "budget 60: not exact"; fi
check "--betweenness-budget -1 is refused" 2 -- "$BIN" graph --betweenness-budget -1 "$CORPUS"
check "--betweenness-budget x is refused" 2 -- "$BIN" run --betweenness-budget x "$CORPUS"

e2e_done cli
