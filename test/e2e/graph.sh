#!/bin/sh
# End-to-end tests of the graph and report commands on the sample corpus:
# exit statuses, well-formed GraphML, balanced DOT, valid JSON, the CSV
# header, and byte-identical output across runs.  Standalone: uses $BIN
# (default build/citegraph) and prints "N passed, N failed".
set -u
BIN=${BIN:-build/citegraph}
CORPUS=${CORPUS:-data/corpus/sample}
REG=${REG:-data/registry}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }

# run NAME OUT -- command...: expects exit status 0, stdout into OUT
run() {
    name=$1 out=$2
    shift 3
    "$@" >"$out" 2>"$tmp/err"
    st=$?
    if [ "$st" -eq 0 ]; then ok "$name: exit status 0"; else
        fail "$name: exit status $st"; sed 's/^/     /' "$tmp/err" | head -5; fi
}

run "graph dot" "$tmp/a.dot" -- "$BIN" graph --registry "$REG" "$CORPUS"
run "graph dot again" "$tmp/b.dot" -- "$BIN" graph --registry "$REG" "$CORPUS"
run "graph graphml to file" "$tmp/out1" -- "$BIN" graph --registry "$REG" -o "$tmp/a.graphml" "$CORPUS"
run "graph graphml again" "$tmp/out2" -- "$BIN" graph --registry "$REG" -o "$tmp/b.graphml" "$CORPUS"
run "graph json" "$tmp/a.json" -- "$BIN" graph --registry "$REG" --format json "$CORPUS"
run "graph csv top" "$tmp/a.csv" -- "$BIN" graph --registry "$REG" --format csv --top 10 "$CORPUS"
run "report text" "$tmp/a.txt" -- "$BIN" report --registry "$REG" "$CORPUS"
run "report text again" "$tmp/b.txt" -- "$BIN" report --registry "$REG" "$CORPUS"
run "report csv" "$tmp/r.csv" -- "$BIN" report --registry "$REG" --format csv "$CORPUS"
run "report json" "$tmp/r.json" -- "$BIN" report --registry "$REG" --format json --top 5 "$CORPUS"
run "report md" "$tmp/r.md" -- "$BIN" report --registry "$REG" --format md --kind icj "$CORPUS"

# determinism
for pair in "a.dot b.dot" "a.graphml b.graphml" "a.txt b.txt"; do
    set -- $pair
    if [ -s "$tmp/$1" ] && cmp -s "$tmp/$1" "$tmp/$2"; then ok "byte-identical: $1"; else
        fail "byte-identical: $1 and $2 differ or are empty"; fi
done

# DOT: a digraph with balanced braces
if head -n 1 "$tmp/a.dot" | grep -q '^digraph '; then ok "dot: digraph"; else fail "dot: no digraph"; fi
open=$(tr -cd '{' <"$tmp/a.dot" | wc -c)
close=$(tr -cd '}' <"$tmp/a.dot" | wc -c)
if [ "$open" -gt 0 ] && [ "$open" -eq "$close" ]; then ok "dot: balanced braces"; else
    fail "dot: $open '{' and $close '}'"; fi
if grep -q -- '->' "$tmp/a.dot"; then ok "dot: has edges"; else fail "dot: no edges"; fi

# GraphML: well-formed XML
if command -v python3 >/dev/null 2>&1; then
    if python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$tmp/a.graphml" 2>"$tmp/err"; then
        ok "graphml: well-formed (python3)"; else fail "graphml: not well-formed"; sed 's/^/     /' "$tmp/err" | tail -2; fi
elif command -v xmllint >/dev/null 2>&1; then
    if xmllint --noout "$tmp/a.graphml" 2>"$tmp/err"; then ok "graphml: well-formed (xmllint)"; else
        fail "graphml: not well-formed"; sed 's/^/     /' "$tmp/err" | head -3; fi
else
    echo "skip graphml well-formedness: neither python3 nor xmllint found"
fi
if grep -q '<key id="pagerank" for="node" attr.name="pagerank" attr.type="double"/>' "$tmp/a.graphml"; then
    ok "graphml: typed keys"; else fail "graphml: no typed pagerank key"; fi

# JSON: parses, when python3 is there
if command -v python3 >/dev/null 2>&1; then
    for f in a.json r.json; do
        if python3 -c 'import sys, json; json.load(open(sys.argv[1]))' "$tmp/$f" 2>/dev/null; then
            ok "json: $f parses"; else fail "json: $f does not parse"; fi
    done
    if python3 -c 'import sys, json; d = json.load(open(sys.argv[1])); sys.exit(not (d["nodes"] and d["links"] and all(k in d["links"][0] for k in ("source", "target", "weight"))))' "$tmp/a.json" 2>/dev/null; then
        ok "json: node-link"; else fail "json: not node-link"; fi
else
    echo "skip json checks: python3 not found"
fi

# CSV and report contents
if head -n 1 "$tmp/r.csv" | tr -d '\r' | grep -q '^id,label,kind,in_corpus,year,cited_by,mentions,cites,pagerank,authority,hub,betweenness\(,\|$\)'; then
    ok "report csv: header"; else fail "report csv: header"; fi
if head -n 1 "$tmp/a.csv" | grep -q '^type,'; then ok "graph csv: type column"; else fail "graph csv: type column"; fi
if grep -q '^documents read  5$' "$tmp/a.txt"; then ok "report: documents read"; else fail "report: documents read"; fi
if grep -q 'A/77/774' "$tmp/a.txt" && ! grep -q 'S/2023/145' "$tmp/a.txt"; then
    ok "report: joint symbol merged"; else fail "report: joint symbol not merged"; fi
if tail -n +9 "$tmp/r.md" | grep -v '^$' | grep -q -v '| icj |'; then fail "report md: --kind icj lets other kinds through"; else
    ok "report md: --kind icj"; fi

# usage errors exit 2
"$BIN" graph --format pdf "$CORPUS" >/dev/null 2>&1
if [ $? -eq 2 ]; then ok "graph: bad format exits 2"; else fail "graph: bad format does not exit 2"; fi
"$BIN" graph --top 3 --min-cited 2 "$CORPUS" >/dev/null 2>&1
if [ $? -eq 2 ]; then ok "graph: --top with --min-cited exits 2"; else fail "graph: --top with --min-cited"; fi
"$BIN" report --top x "$CORPUS" >/dev/null 2>&1
if [ $? -eq 2 ]; then ok "report: bad --top exits 2"; else fail "report: bad --top does not exit 2"; fi
"$BIN" report --registry "$REG" "$CORPUS" "$tmp/missing" >/dev/null 2>&1
if [ $? -eq 1 ]; then ok "report: missing input exits 1"; else fail "report: missing input does not exit 1"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
