#!/bin/sh
# citegraph run: every output of the main job, and the committed outputs
# of the sample corpus (graphs/sample/) are what it writes today.
set -u
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ok() { echo "ok   $1"; passed=$((passed + 1)); }
fail() { echo "FAIL $1"; failed=$((failed + 1)); }

if "$BIN" run -o "$tmp/out/deeper" data/corpus/sample >"$tmp/stdout" 2>"$tmp/stderr"; then
    ok "run exits 0"; else fail "run exits $?"; cat "$tmp/stderr"; fi
for f in references.tsv graph.dot graph.graphml report.txt report.csv report.html; do
    if [ -s "$tmp/out/deeper/$f" ]; then ok "run writes $f"; else fail "run writes no $f"; fi
    if cmp -s "$tmp/out/deeper/$f" "graphs/sample/$f"; then ok "graphs/sample/$f is up to date"; else
        fail "graphs/sample/$f differs from what citegraph run writes (run make run)"
        diff "graphs/sample/$f" "$tmp/out/deeper/$f" | head -5; fi
done
if command -v dot >/dev/null 2>&1; then
    if grep -q '<svg' "$tmp/out/deeper/graph.svg" 2>/dev/null; then ok "run draws graph.svg"; else
        fail "run draws no graph.svg"; fi
    if cmp -s "$tmp/out/deeper/graph.svg" graphs/sample/graph.svg; then ok "graphs/sample/graph.svg is up to date"; else
        fail "graphs/sample/graph.svg differs from what citegraph run draws (run make run)"; fi
else
    if grep -q 'not drawn' "$tmp/stderr"; then ok "run says graph.svg is not drawn"; else
        fail "run is silent without dot"; fi
fi
# the same rows as extract, and the report's first rows on stdout
"$BIN" extract data/corpus/sample >"$tmp/extract.tsv"
if cmp -s "$tmp/extract.tsv" "$tmp/out/deeper/references.tsv"; then ok "references.tsv is extract's output"; else
    fail "references.tsv differs from extract's output"; fi
rows=$(grep -cE '^ +[0-9]+ ' "$tmp/stdout")
if [ "$rows" -eq 20 ]; then ok "run prints the top 20"; else fail "run prints $rows rows"; fi
"$BIN" run -q -t 0 -o "$tmp/q" data/corpus/sample >"$tmp/stdout2"
if [ ! -s "$tmp/stdout2" ]; then ok "run --top 0 prints nothing"; else fail "run --top 0 prints"; fi
# deterministic: a second run writes the same bytes
"$BIN" run -q -o "$tmp/again" data/corpus/sample >/dev/null
if diff -r "$tmp/q" "$tmp/again" >/dev/null; then ok "run is deterministic"; else fail "run differs between runs"; fi
# the outputs are made on the threads of --jobs: the same bytes whatever their number
"$BIN" run -q -t 0 -j 1 -o "$tmp/j1" data/corpus/sample >/dev/null
"$BIN" run -q -t 0 -j 3 -o "$tmp/j3" data/corpus/sample >/dev/null
if diff -r "$tmp/j1" "$tmp/j3" >/dev/null && diff -r "$tmp/q" "$tmp/j1" >/dev/null; then
    ok "run -j 1 and -j 3 write the same bytes"; else fail "run differs with the number of threads"; fi
# no temporary file left behind
if ls -a "$tmp/again" | grep -q 'tmp'; then fail "run leaves temporary files"; else ok "run leaves no temporary file"; fi
# a folder that cannot be made
touch "$tmp/file"
"$BIN" run -q -o "$tmp/file/sub" data/corpus/sample >/dev/null 2>"$tmp/err"
st=$?
if [ "$st" -eq 2 ] && grep -q "$tmp/file" "$tmp/err"; then ok "run into a non-folder: exit 2, named"; else
    fail "run into a non-folder: exit $st"; cat "$tmp/err"; fi
e2e_done run
