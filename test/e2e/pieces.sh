#!/bin/sh
# A large file read in pieces: the same rows whatever the threads, every
# row's line and column pointing at its text in the file, one document
# in the graph, and a bad byte that skips its piece only.  Standalone:
# uses $BIN, prints "N passed, N failed".
set -u
. "$(dirname "$0")/lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# about 10 MiB: the sample letters and gold documents again and again
mkdir -p "$tmp/in"
: >"$tmp/in/big.txt"
while [ "$(wc -c <"$tmp/in/big.txt")" -lt 10500000 ]; do
    for f in data/corpus/sample/*.txt test/gold/docs/*.txt; do cat "$f"; printf '\n\n'; done >>"$tmp/in/big.txt"
done

"$BIN" extract -q -j 1 "$tmp/in/big.txt" >"$tmp/j1" 2>"$tmp/err"
st=$?
if [ "$st" -eq 0 ] && [ "$(wc -l <"$tmp/j1")" -gt 1000 ]; then ok "large file read ($(wc -l <"$tmp/j1") rows)"; else
    fail "large file: status $st, $(wc -l <"$tmp/j1") rows"; head -3 "$tmp/err"; fi
for j in 2 3; do
    "$BIN" extract -q -j "$j" "$tmp/in/big.txt" >"$tmp/j$j" 2>/dev/null
    if cmp -s "$tmp/j1" "$tmp/j$j"; then ok "same rows with $j threads"; else fail "rows differ with $j threads"; fi
done

# every row's line and column (characters) start its text, in the file
bad=$(LC_ALL=C awk -F '\t' '
    NR == FNR { line[FNR] = $0; next }
    FNR > 1 {
        s = line[$2]; c = 0; at = 0
        for (i = 1; i <= length(s) && c < $7; i++) {
            b = substr(s, i, 1)
            if (b < "\200" || b >= "\300") { c++; at = i }
        }
        if (substr(s, at, 1) != substr($6, 1, 1)) { n++; if (n < 4) print "row " FNR ": " $2 ":" $7 " " $6 > "/dev/stderr" }
    }
    END { print n + 0 }' "$tmp/in/big.txt" "$tmp/j1")
if [ "$bad" -eq 0 ]; then ok "every row's line and column point at its text"; else fail "$bad rows point elsewhere"; fi

# one document in the graph, cited as often as the rows say
"$BIN" report -q --format csv "$tmp/in/big.txt" >"$tmp/report.csv" 2>/dev/null
"$BIN" graph -q --format json "$tmp/in/big.txt" >"$tmp/graph.json" 2>/dev/null
docs=$(grep -o '"documents": *[0-9]*' "$tmp/graph.json" | grep -o '[0-9]*$')
if [ "${docs:-}" = 1 ]; then ok "one document in the graph"; else fail "documents in the graph: ${docs:-none}"; fi

# a bad byte in the middle: its piece skipped and reported by line, the rest read
lines=$(wc -l <"$tmp/in/big.txt")
mid=$((lines / 2))
awk -v m="$mid" 'NR == m { printf "bad \377 byte\n" } { print }' "$tmp/in/big.txt" >"$tmp/in/bad.txt"
"$BIN" extract -q "$tmp/in/bad.txt" >"$tmp/bad" 2>"$tmp/err"
st=$?
if [ "$st" -eq 1 ] && grep -q "bad.txt:$mid:5: invalid UTF-8" "$tmp/err"; then ok "bad byte reported at its line in the file"; else
    fail "bad byte: status $st"; head -3 "$tmp/err"; fi
last=$(tail -n 1 "$tmp/j1" | cut -f2)
got=$(tail -n 1 "$tmp/bad" | cut -f2)
if [ "$(wc -l <"$tmp/bad")" -gt $(($(wc -l <"$tmp/j1") * 3 / 4)) ] && [ "$got" -eq $((last + 1)) ]; then
    ok "the pieces after the bad one read, lines counted on"; else fail "after the bad piece: last line $got, want $((last + 1))"; fi

e2e_done pieces
