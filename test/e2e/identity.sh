#!/bin/sh
# End-to-end tests of document identity: the ids of the sample letters
# against test/gold/seeds-documents.tsv, the edge to a letter identified
# by another, the corpus manifest (given, picked up in a folder,
# malformed, naming unknown files) and the refusal of ambiguous matches.
# Standalone: uses $BIN (default build/citegraph).
set -u
. "$(dirname "$0")/lib.sh"
CORPUS=${CORPUS:-data/corpus/sample}
REG=${REG:-data/registry}
GOLD=${GOLD:-test/gold/seeds-documents.tsv}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# expect NAME STATUS STDERR-PATTERN -- command...: stdout into $tmp/out
expect() {
    name=$1 want=$2 pattern=$3
    shift 4
    "$@" >"$tmp/out" 2>"$tmp/err"
    got=$?
    if [ "$got" -ne "$want" ]; then
        fail "$name: exit status $got, want $want"; sed 's/^/     /' "$tmp/err" | head -5; return
    fi
    if [ -n "$pattern" ] && ! grep -Eq "$pattern" "$tmp/err"; then
        fail "$name: stderr does not match /$pattern/"; sed 's/^/     /' "$tmp/err" | head -5; return
    fi
    ok "$name"
}
# field FILE-SUFFIX COLUMN: a column of the docs row of a file ($tmp/out)
field() { awk -F '\t' -v f="$1" -v c="$2" 'NR > 1 && $1 ~ f "$" { print $c }' "$tmp/out"; }

# the sample: every id, alias, date and title as in the gold file
expect "docs sample" 0 "" -- "$BIN" docs --registry "$REG" "$CORPUS"
if [ -s "$tmp/err" ]; then fail "docs sample: quiet (the manifest is not a skipped file)"; sed 's/^/     /' "$tmp/err" | head -3
else ok "docs sample: quiet"; fi
awk -F '\t' 'NR > 1 { n = split($1, p, "/"); print p[n] "\t" $2 "\t" $3 "\t" $5 "\t" $6 }' "$tmp/out" >"$tmp/got"
awk -F '\t' 'NR > 1 { print $1 "\t" $2 "\t" $3 "\t" $4 "\t" $5 }' "$GOLD" >"$tmp/want"
if [ -s "$tmp/want" ] && cmp -s "$tmp/got" "$tmp/want"; then ok "docs sample: ids, aliases, dates, titles as in the gold"
else fail "docs sample: differs from the gold"; diff "$tmp/want" "$tmp/got" | head -10; fi
for f in 000_340298001c62dd83.txt 003_a57296e9d7183354.txt; do
    if [ "$(field "$f" 4)" = corpus ]; then ok "docs: $f identified by the corpus"; else
        fail "docs: $f identified by '$(field "$f" 4)', want corpus"; fi
done
if [ "$(field 001_a7d0501789151968.txt 7)" = "General Assembly; Security Council" ]; then
    ok "docs: organs"; else fail "docs: organs '$(field 001_a7d0501789151968.txt 7)'"; fi
cp "$tmp/out" "$tmp/docs1"
"$BIN" docs --registry "$REG" "$CORPUS" >"$tmp/docs2" 2>/dev/null
if cmp -s "$tmp/docs1" "$tmp/docs2"; then ok "docs: deterministic"; else fail "docs: not deterministic"; fi
expect "docs jsonl" 0 "" -- "$BIN" docs --format jsonl --registry "$REG" "$CORPUS"
if grep -q '"id":"A/78/636","aliases":\["S/2023/960"\],"how":"corpus"' "$tmp/out"; then
    ok "docs jsonl: aliases as a list"; else fail "docs jsonl: aliases as a list"; fi

# the graph: the 2025 letter cites the 8 February 2024 letter as a document read
expect "graph csv" 0 "" -- "$BIN" graph --format csv --registry "$REG" "$CORPUS"
if tr -d '\r' <"$tmp/out" | grep -q '^edge,,,,,,,,,,,,,doc:004_8374f7565cc70931,A/78/764,'; then
    ok "graph: edge from the 2025 letter to A/78/764"; else fail "graph: no edge to A/78/764"; fi
if tr -d '\r' <"$tmp/out" | grep -q '^node,A/78/764,A/78/764,[a-z]*,true,'; then
    ok "graph: A/78/764 is a document read"; else fail "graph: A/78/764 not in the corpus"; fi
if grep -q 'doc:000_340298001c62dd83\|doc:003_a57296e9d7183354' "$tmp/out"; then
    fail "graph: an identified letter kept its doc: vertex"; else ok "graph: no doc: vertex for identified letters"; fi
if tr -d '\r' <"$tmp/out" | head -n 1 | grep -q ',title,date,organ,session,language,sender$'; then
    ok "graph csv: document and manifest columns last"; else fail "graph csv: header $(head -n 1 "$tmp/out")"; fi
expect "graph graphml" 0 "" -- "$BIN" graph --format graphml --registry "$REG" "$CORPUS"
if grep -q '<data key="title">Letter dated 8 February 2024 from the Permanent Representative of Azerbaijan' "$tmp/out" &&
   grep -q '<key id="sender" for="node" attr.name="sender" attr.type="string"/>' "$tmp/out"; then
    ok "graphml: title and manifest attribute"; else fail "graphml: title or manifest attribute missing"; fi
expect "graph json" 0 "" -- "$BIN" graph --format json --registry "$REG" "$CORPUS"
if grep -q '"date": "2024-02-09", "session": "Seventy-eighth session", "language": "en"' "$tmp/out"; then
    ok "json: date, session, attribute"; else fail "json: date, session, attribute"; fi

# a manifest given with --manifest: its symbols win; no folder manifest then
mkdir -p "$tmp/c" "$tmp/m"
cp "$CORPUS"/00*.txt "$tmp/c/"
cat >"$tmp/m/ids.yaml" <<'YAML'
documents:
  001_a7d0501789151968.txt:
    symbol: [A/79/999, S/2024/999]
    title: A letter of my own
    date: 2024-10-17
    shelf: B-12
  missing.txt:
    title: Not in the corpus
YAML
expect "manifest: unknown file is a warning" 0 "ids.yaml:7:3: warning: no document 'missing.txt'" -- \
    "$BIN" docs --registry "$REG" --manifest "$tmp/m/ids.yaml" "$tmp/c"
if [ "$(field 001_a7d0501789151968.txt 2)" = A/79/999 ] && [ "$(field 001_a7d0501789151968.txt 3)" = S/2024/999 ] &&
   [ "$(field 001_a7d0501789151968.txt 4)" = manifest ] && [ "$(field 001_a7d0501789151968.txt 6)" = "A letter of my own" ]; then
    ok "manifest: symbol, alias and title"; else fail "manifest: $(grep 001_ "$tmp/out")"; fi
if [ "$(field 000_340298001c62dd83.txt 2)" = A/78/764 ]; then ok "manifest: the others still identified"; else
    fail "manifest: 000 is '$(field 000_340298001c62dd83.txt 2)'"; fi
expect "manifest: extract" 0 "" -- "$BIN" extract --registry "$REG" --manifest "$tmp/m/ids.yaml" "$tmp/c"
if awk -F '\t' '$1 ~ /001_/ && $3 != "A/79/999" { bad = 1 } END { exit bad }' "$tmp/out"; then
    ok "manifest: extract source column"; else fail "manifest: extract source column"; fi
cp "$tmp/m/ids.yaml" "$tmp/c/manifest.yaml"
expect "manifest: picked up in the folder" 0 "" -- "$BIN" docs --registry "$REG" "$tmp/c"
if [ "$(field 001_a7d0501789151968.txt 2)" = A/79/999 ]; then ok "manifest: folder manifest read"; else fail "manifest: folder manifest not read"; fi
printf 'documents:\n  001_a7d0501789151968.txt:\n    language: fr\n' >"$tmp/m/other.yaml"
expect "manifest: --manifest replaces the folder's" 0 "" -- "$BIN" docs --registry "$REG" --manifest "$tmp/m/other.yaml" "$tmp/c"
if [ "$(field 001_a7d0501789151968.txt 2)" = doc:001_a7d0501789151968 ]; then ok "manifest: folder manifest not read with --manifest"; else
    fail "manifest: folder manifest read with --manifest"; fi
if [ -s "$tmp/err" ]; then fail "manifest: folder manifest reported"; sed 's/^/     /' "$tmp/err" | head -3; else
    ok "manifest: folder manifest not reported as a skipped file"; fi
rm "$tmp/c/manifest.yaml"

# malformed manifests: file:line:column, exit status 2
printf 'documents:\n  a.txt:\n    title: [unclosed\n' >"$tmp/m/bad.yaml"
expect "manifest: malformed YAML" 2 "bad.yaml:[0-9]+:[0-9]+: malformed YAML" -- "$BIN" docs --registry "$REG" --manifest "$tmp/m/bad.yaml" "$tmp/c"
printf 'documents:\n  a.txt:\n    date: 9 February 2024\n' >"$tmp/m/date.yaml"
expect "manifest: bad date" 2 "date.yaml:3:11: 'date' must be YYYY-MM-DD" -- "$BIN" graph --registry "$REG" --manifest "$tmp/m/date.yaml" "$tmp/c"
printf 'documents:\n  a.txt:\n    kind: letter\n' >"$tmp/m/reserved.yaml"
expect "manifest: reserved attribute" 2 "reserved.yaml:3:5: 'kind' is an attribute citegraph writes itself" -- \
    "$BIN" report --registry "$REG" --manifest "$tmp/m/reserved.yaml" "$tmp/c"
expect "manifest: missing file" 2 "nope.yaml: cannot open" -- "$BIN" extract --registry "$REG" --manifest "$tmp/m/nope.yaml" "$tmp/c"

# two letters of the same date and author: the description names neither
mkdir -p "$tmp/d"
cp "$CORPUS/000_340298001c62dd83.txt" "$CORPUS/004_8374f7565cc70931.txt" "$tmp/d/"
cp "$CORPUS/000_340298001c62dd83.txt" "$tmp/d/005_copy.txt"
expect "ambiguous: docs" 0 "" -- "$BIN" docs --registry "$REG" "$tmp/d"
if [ "$(field 000_340298001c62dd83.txt 2)" = doc:000_340298001c62dd83 ] && [ "$(field 005_copy.txt 2)" = doc:005_copy ]; then
    ok "ambiguous: neither letter takes the symbol"; else fail "ambiguous: $(cut -f1,2 "$tmp/out" | tr '\n' ' ')"; fi

e2e_done identity
