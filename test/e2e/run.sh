#!/bin/sh
# End-to-end tests of the command line: golden output on the sample
# corpus, exit statuses and messages on bad input, determinism.  Then
# every other test/e2e/*.sh script.
set -u
. "$(dirname "$0")/lib.sh"
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

# expect NAME STATUS STDERR-PATTERN -- command...
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

# golden outputs, byte for byte
expect "sample tsv runs" 0 "" -- "$BIN" extract data/corpus/sample
if cmp -s "$tmp/out" "$here/expected/sample.tsv"; then ok "sample tsv golden"; else
    fail "sample tsv golden"; diff "$here/expected/sample.tsv" "$tmp/out" | head -10; fi
expect "sample jsonl runs" 0 "" -- "$BIN" extract --format jsonl data/corpus/sample
if cmp -s "$tmp/out" "$here/expected/sample.jsonl"; then ok "sample jsonl golden"; else
    fail "sample jsonl golden"; diff "$here/expected/sample.jsonl" "$tmp/out" | head -10; fi
rows=$(($(wc -l <"$here/expected/sample.tsv") - 1))
if [ "$rows" -eq "$(wc -l <"$here/expected/sample.jsonl")" ]; then ok "jsonl has one object a row"; else fail "jsonl row count"; fi
"$BIN" extract data/corpus/sample >"$tmp/a" 2>/dev/null
"$BIN" extract data/corpus/sample >"$tmp/b" 2>/dev/null
if cmp -s "$tmp/a" "$tmp/b"; then ok "deterministic"; else fail "deterministic"; fi

# usage
expect "no command" 2 "usage" -- "$BIN"
expect "unknown command" 2 "unknown command" -- "$BIN" frobnicate
expect "no path" 2 "no PATH" -- "$BIN" extract
expect "unknown format" 2 "unknown format" -- "$BIN" extract --format xml data/corpus/sample
expect "unknown option" 2 "unknown option" -- "$BIN" extract --bogus data/corpus/sample
expect "help" 0 "" -- "$BIN" extract --help
for opt in --format --registry --help; do
    if grep -q -- "$opt" "$tmp/out"; then ok "help lists $opt"; else fail "help lists $opt"; fi
done
expect "version" 0 "" -- "$BIN" --version

# bad input: one clear line naming the file; the rest still processed
good=$tmp/good.txt
printf 'See S/2023/888 and resolution 853 (1993).\n' >"$good"
expect "missing path" 1 "nope.txt: no such file" -- "$BIN" extract "$tmp/nope.txt" "$good"
if grep -q "S/2023/888" "$tmp/out"; then ok "missing path: others processed"; else fail "missing path: others processed"; fi
printf 'A/78/1\000binary' >"$tmp/nul.txt"
expect "NUL byte" 1 "nul.txt:1:7: binary file" -- "$BIN" extract "$tmp/nul.txt" "$good"
if grep -q "S/RES/853 (1993)" "$tmp/out" && ! grep -q "nul.txt" "$tmp/out"; then ok "NUL byte: no partial rows"; else fail "NUL byte: no partial rows"; fi
printf 'line one\nA/78/2 caf\303(\n' >"$tmp/utf8.txt"
expect "invalid UTF-8" 1 "utf8.txt:2:11: invalid UTF-8" -- "$BIN" extract "$tmp/utf8.txt"
: >"$tmp/empty.txt"
expect "empty file" 0 "" -- "$BIN" extract "$tmp/empty.txt"
if [ "$(wc -l <"$tmp/out")" -eq 1 ]; then ok "empty file: header only"; else fail "empty file: header only"; fi
head -c 4096 /dev/urandom >"$tmp/random.txt"
expect "random binary" 1 "random.txt" -- "$BIN" extract "$tmp/random.txt"
printf '\377\376(\000S\000/\0002\0000\0002\0003\000/\0008\0008\0008\000)\000\n\000' >"$tmp/utf16.txt"
expect "UTF-16 with BOM" 0 "" -- "$BIN" extract "$tmp/utf16.txt"
if grep -q "S/2023/888" "$tmp/out"; then ok "UTF-16 converted"; else fail "UTF-16 converted"; fi
printf 'x\r\nsee S/2023/888\r\n' >"$tmp/crlf.txt"
expect "CRLF" 0 "" -- "$BIN" extract "$tmp/crlf.txt"
if grep -q "	2	.*S/2023/888" "$tmp/out"; then ok "CRLF line numbers"; else fail "CRLF line numbers"; fi
printf 'x\rsee S/2023/888\r' >"$tmp/cr.txt"
expect "CR only" 0 "" -- "$BIN" extract "$tmp/cr.txt"
if grep -q "	2	.*S/2023/888" "$tmp/out"; then ok "CR line numbers"; else fail "CR line numbers"; fi
mkdir -p "$tmp/tree/sub"
cp "$good" "$tmp/tree/sub/a.md"
printf 'PK' >"$tmp/tree/b.docx"
ln -s .. "$tmp/tree/sub/loop"
expect "symlink loop" 1 "loop: symbolic link loop" -- "$BIN" extract "$tmp/tree"
if grep -q "sub/a.md" "$tmp/out"; then ok "symlink loop: others processed"; else fail "symlink loop: others processed"; fi
if grep -q "b.docx: skipped" "$tmp/err"; then ok "other file types reported as skipped"; else fail "other file types reported as skipped"; fi
if [ "$(id -u)" -ne 0 ]; then
    cp "$good" "$tmp/locked.txt"; chmod 000 "$tmp/locked.txt"
    expect "unreadable file" 1 "locked.txt: cannot open" -- "$BIN" extract "$tmp/locked.txt" "$good"
fi
mkdir -p "$tmp/reg"
cp data/registry/*.yaml "$tmp/reg/"
printf 'series:\n  - A\n bad: [\n' >"$tmp/reg/zz-bad.yaml"
expect "malformed registry" 2 "zz-bad.yaml:3:[0-9]+: malformed YAML" -- "$BIN" extract --registry "$tmp/reg" "$good"
expect "missing registry" 2 "registry" -- "$BIN" extract --registry "$tmp/none" "$good"
if [ -w /dev/full ]; then
    expect "full disk" 2 "cannot write" -- sh -c "\"$BIN\" extract data/corpus/sample >/dev/full"
fi

# further end-to-end scripts
for t in "$here"/*.sh; do
    case $(basename "$t") in run.sh | lib.sh) continue ;; esac
    if BIN=$BIN sh "$t"; then ok "$(basename "$t")"; else fail "$(basename "$t")"; fi
done

e2e_done e2e
