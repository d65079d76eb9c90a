#!/bin/sh
# Byte-identical outputs: across runs, and whatever order the file
# system lists a folder's files in.  The same corpus is laid out twice
# under the same path, its files created in opposite orders (so that
# readdir returns them differently), and every output of every command
# is compared byte for byte.  The corpus is laid out on tmpfs
# (/dev/shm) when there is one: it lists files newest first, so the two
# layouts are listed in opposite orders.  The references are also the
# same with each narrower scan forced.  Standalone: uses $BIN, prints "N passed, N failed".
set -u
. "$(dirname "$0")/lib.sh"
REG=${REG:-data/registry}
tmp=$(mktemp -d)
corpus=$( { [ -d /dev/shm ] && [ -w /dev/shm ] && mktemp -d -p /dev/shm; } || echo "$tmp/corpus")
trap 'rm -rf "$tmp" "$corpus"' EXIT

sources=$(ls data/corpus/sample/* test/gold/docs/*)
# lay_out ORDER: the corpus under $corpus, files created in ORDER
lay_out() {
    rm -rf "$corpus"
    mkdir -p "$corpus/a/b" "$corpus/c"
    list=$sources
    [ "$1" = reverse ] && list=$(printf '%s\n' $sources | sort -r)
    for f in $list; do
        base=$(basename "$f" .txt)
        case $base in
            0*) dest=$corpus/a/$base.txt ;;
            A_*) dest=$corpus/a/b/$base.md ;;
            *) dest=$corpus/c/$base.txt ;;
        esac
        cp "$f" "$dest"
    done
    ls -f "$corpus/a" | tr '\n' ' '
}

# outputs DIR: every output of every command into DIR
outputs() {
    mkdir -p "$1"
    "$BIN" extract --registry "$REG" "$corpus" >"$1/refs.tsv" 2>>"$1/err"
    "$BIN" extract --registry "$REG" -f jsonl "$corpus" >"$1/refs.jsonl" 2>>"$1/err"
    for f in dot graphml csv json; do
        "$BIN" graph --registry "$REG" -o "$1/graph.$f" "$corpus" 2>>"$1/err"
    done
    for f in text csv json md; do
        "$BIN" report --registry "$REG" -f $f "$corpus" >"$1/report.$f" 2>>"$1/err"
    done
}

order1=$(lay_out forward)
outputs "$tmp/run1"
outputs "$tmp/run2"
order2=$(lay_out reverse)
outputs "$tmp/run3"
if [ "$order1" != "$order2" ]; then ok "the two layouts are listed in different orders"; else
    echo "     (this file system listed both layouts in the same order)"; fi
if [ -s "$tmp/run1/err" ]; then fail "no errors"; head -3 "$tmp/run1/err"; else ok "no errors"; fi
for f in refs.tsv refs.jsonl graph.dot graph.graphml graph.csv graph.json \
         report.text report.csv report.json report.md; do
    if [ "$(wc -c <"$tmp/run1/$f")" -lt 100 ]; then fail "$f: output written"; continue; fi
    if cmp -s "$tmp/run1/$f" "$tmp/run2/$f"; then ok "$f: same across runs"; else
        fail "$f: differs across runs"; fi
    if cmp -s "$tmp/run1/$f" "$tmp/run3/$f"; then ok "$f: same whatever the listing order"; else
        fail "$f: differs with the listing order"; diff "$tmp/run1/$f" "$tmp/run3/$f" | head -5; fi
done
# the same references whatever the scans the processor offers: each
# narrower scan forced (32 or 16 bytes at a time, byte by byte)
for scan in avx2 sse2 bytes; do
    CITEGRAPH_SCAN=$scan "$BIN" extract --registry "$REG" "$corpus" >"$tmp/refs.$scan.tsv" 2>/dev/null
    if cmp -s "$tmp/run1/refs.tsv" "$tmp/refs.$scan.tsv"; then ok "CITEGRAPH_SCAN=$scan: same references"
    else fail "CITEGRAPH_SCAN=$scan: references differ"; diff "$tmp/run1/refs.tsv" "$tmp/refs.$scan.tsv" | head -5; fi
done
e2e_done determinism
