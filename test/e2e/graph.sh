#!/bin/sh
# End-to-end tests of the graph and report commands on the sample corpus:
# exit statuses, DOT drawn by Graphviz, GraphML read back by igraph and
# networkx, valid JSON, CSV shape, facts of the sample letters, and
# byte-identical output across runs.  Standalone: uses $BIN
# (default build/citegraph) and prints "N passed, N failed".
set -u
. "$(dirname "$0")/lib.sh"
CORPUS=${CORPUS:-data/corpus/sample}
REG=${REG:-data/registry}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT


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
run "graph csv" "$tmp/g.csv" -- "$BIN" graph --registry "$REG" --format csv "$CORPUS"
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
        if python3 -m json.tool "$tmp/$f" >/dev/null 2>&1; then
            ok "json: $f valid (python3 -m json.tool)"; else fail "json: $f invalid"; fi
    done
    if python3 -c 'import sys, json; d = json.load(open(sys.argv[1])); sys.exit(not (len(d["nodes"]) == 60 and len(d["links"]) == 81))' "$tmp/a.json" 2>/dev/null; then
        ok "json: 60 nodes, 81 links"; else fail "json: node or link count"; fi
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

# DOT drawn by Graphviz: every vertex and edge drawn, labels present
if command -v dot >/dev/null 2>&1; then
    if dot -Tsvg "$tmp/a.dot" >"$tmp/a.svg" 2>"$tmp/err" && [ -s "$tmp/a.svg" ]; then
        ok "dot -Tsvg draws graph.dot"; else fail "dot -Tsvg fails"; sed 's/^/     /' "$tmp/err" | head -3; fi
    nodes=$(grep -c '<g id="node[0-9]*" class="node">' "$tmp/a.svg")
    edges=$(grep -c '<g id="edge[0-9]*" class="edge">' "$tmp/a.svg")
    want_v=$(grep -c '^node,' "$tmp/g.csv")
    want_e=$(grep -c '^edge,' "$tmp/g.csv")
    if [ "$nodes" -eq "$want_v" ] && [ "$edges" -eq "$want_e" ]; then ok "svg: $nodes vertices, $edges edges"; else
        fail "svg: $nodes vertices, $edges edges; want $want_v and $want_e"; fi
    for label in 'S/RES/853 (1993)' 'ICJ order 17 Nov 2023 (case 180)' 'A/77/774' '001_a7d0501789151968'; do
        if grep -qF ">$label</text>" "$tmp/a.svg"; then ok "svg: label $label"; else fail "svg: no label $label"; fi
    done
else
    echo "skip dot -Tsvg: Graphviz not installed (make deps installs it)"
fi

# GraphML read back by igraph's own reader: every attribute with its
# type, and the same vertices, edges and values as the CSV export.
# igraph 0.10.2 returns an '&' in a node id (an XML attribute) as the
# reference "&#38;"; <data> values are decoded.  Undone before comparing.
if [ -x "${GRAPHML_DUMP:-}" ]; then
    if "$GRAPHML_DUMP" "$tmp/a.graphml" >"$tmp/dump.csv" 2>"$tmp/err"; then
        ok "graphml: igraph_read_graph_graphml reads every attribute with its type"; else
        fail "graphml: igraph reader"; sed 's/^/     /' "$tmp/err" | head -5; fi
    sed 's/&#38;/\&/g' "$tmp/dump.csv" >"$tmp/dump2.csv"
    if cmp -s "$tmp/dump2.csv" "$tmp/g.csv"; then ok "graphml: igraph reads the values of the CSV export"; else
        fail "graphml: igraph reads other values than the CSV export"; diff "$tmp/g.csv" "$tmp/dump2.csv" | head -6; fi
    if grep -q ' 60 vertices, 81 edges, 5 documents, 108 references$' "$tmp/err"; then
        ok "graphml: counts"; else fail "graphml: counts: $(cat "$tmp/err")"; fi
else
    echo "skip igraph GraphML round trip: GRAPHML_DUMP not built (make check builds it)"
    cp "$tmp/g.csv" "$tmp/dump2.csv"
fi
if command -v python3 >/dev/null 2>&1 && python3 -c 'import networkx' 2>/dev/null; then
    if python3 -c '
import sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
keys = "label kind in_corpus cited_by mentions cites pagerank authority hub betweenness".split()
assert g.is_directed() and g.number_of_nodes() == 60 and g.number_of_edges() == 81
assert all(k in d for _, d in g.nodes(data=True) for k in keys)
assert all("weight" in d for _, _, d in g.edges(data=True))
u = g.nodes["S/RES/853 (1993)"]
assert u["cited_by"] == 3 and u["year"] == 1993 and u["in_corpus"] is False and u["kind"] == "resolution"
' "$tmp/a.graphml" 2>"$tmp/err"; then ok "graphml: networkx reads every attribute"; else
        fail "graphml: networkx"; tail -2 "$tmp/err" | sed 's/^/     /'; fi
else
    echo "skip networkx check: python3 networkx not found"
fi

# CSV: every row has as many fields as the header (quotes respected)
fields() {
    tr -d '\r' <"$1" | awk '{ n = 1; q = 0
        for (i = 1; i <= length($0); i++) { c = substr($0, i, 1)
            if (c == "\"") q = !q; else if (c == "," && !q) n++ }
        print n }' | sort -u | tr '\n' ' '
}
for f in r.csv:18 g.csv:22 a.csv:20; do
    got=$(fields "$tmp/${f%%:*}")
    if [ "$got" = "${f#*:} " ]; then ok "csv: ${f%%:*} has ${f#*:} fields a row"; else
        fail "csv: ${f%%:*} field counts: $got"; fi
done

# Facts of the sample corpus a reader can check in the letters, read
# from what igraph's reader returns.  fact ID FIELD VALUE (FIELD as
# numbered in the CSV export: 5 in_corpus, 6 year, 7 cited_by, 8 mentions,
# 9 cites)
fact() {
    got=$(grep -F "node,$1," "$tmp/dump2.csv" | head -n 1 | awk -F, -v f="$2" '{ print $f }')
    if [ "$got" = "$3" ]; then ok "sample: $1 field $2 is $3"; else fail "sample: $1 field $2 is '$got', want $3"; fi
}
url=https://azerbaijan.un.org/en/248051-un-team-completes-mission-karabakh
fact "$url" 7 4                          # cited by letters 000, 001, 003, 004
fact "$url" 8 5                          # once in each, and 001's "Ibid." after it
fact "S/RES/853 (1993)" 7 3              # letters 001, 002, 004
fact "S/RES/853 (1993)" 6 1993
fact "S/RES/822 (1993)" 7 1              # 002: "resolutions 822 (1993), 853 (1993), 874 (1993) and 884 (1993)"
fact "S/RES/884 (1993)" 7 1
fact "A/77/774" 7 2                      # joint A/77/774-S/2023/145 in 000 and 003
fact "A/RES/48/114" 7 2                  # 001 and 004; 48th session of the Assembly
fact "A/RES/48/114" 6 1993
fact "icj:180:order:2023-11-17" 7 3      # order of 17 November 2023 in 000, 003, 004
fact "doc:002_bef0c6e9df192ef4" 5 true
fact "doc:002_bef0c6e9df192ef4" 9 7
if grep -qF 'S/2023/145' "$tmp/dump2.csv"; then fail "sample: S/2023/145 is a vertex of its own"; else
    ok "sample: S/2023/145 merged into A/77/774"; fi
# the same counts straight from the letters, by grep
n=$(grep -lF "$url" "$CORPUS"/*.txt | wc -l)
if [ "$n" -eq 4 ]; then ok "sample: grep finds the URL in 4 letters"; else fail "sample: grep finds the URL in $n letters"; fi
n=$(grep -lE '853 \\?\(1993\\?\)' "$CORPUS"/*.txt | wc -l)
if [ "$n" -eq 3 ]; then ok "sample: grep finds 853 (1993) in 3 letters"; else fail "sample: grep finds 853 (1993) in $n letters"; fi

# usage errors exit 2
"$BIN" graph --format pdf "$CORPUS" >/dev/null 2>&1
if [ $? -eq 2 ]; then ok "graph: bad format exits 2"; else fail "graph: bad format does not exit 2"; fi
"$BIN" graph --top 3 --min-cited 2 "$CORPUS" >/dev/null 2>&1
if [ $? -eq 2 ]; then ok "graph: --top with --min-cited exits 2"; else fail "graph: --top with --min-cited"; fi
"$BIN" report --top x "$CORPUS" >/dev/null 2>&1
if [ $? -eq 2 ]; then ok "report: bad --top exits 2"; else fail "report: bad --top does not exit 2"; fi
"$BIN" report --registry "$REG" "$CORPUS" "$tmp/missing" >/dev/null 2>&1
if [ $? -eq 1 ]; then ok "report: missing input exits 1"; else fail "report: missing input does not exit 1"; fi

e2e_done graph
