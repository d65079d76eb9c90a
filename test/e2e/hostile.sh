#!/bin/sh
# Hostile and broken input, one test a row of docs/robustness.md: what
# the user sees (one line naming the file, with line:column where it
# applies), the exit status, that the other inputs were still read, that
# no output is left half-written, and that the big inputs finish within
# a time that only a linear pass meets.  Sizes are modest by default;
# HOSTILE_FULL=1 uses the full ones (200 MB line, 100,000 files, ...).
# Standalone: uses $BIN (default build/citegraph), prints "N passed, N failed".
set -u
. "$(dirname "$0")/lib.sh"
REG=${REG:-data/registry}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
case $REG in /*) ;; *) REG=$(pwd)/$REG ;; esac
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
if [ "${HOSTILE_FULL:-0}" = 1 ]; then
    line_mb=200 nfiles=100000 run_mb=10 nres=1000000 nibid=100000 nest=100000
else
    line_mb=20 nfiles=10000 run_mb=10 nres=100000 nibid=100000 nest=100000
fi

check() { if eval "$2"; then ok "$1"; else fail "$1"; fi; }

# expect NAME STATUS STDERR-PATTERN SECONDS -- command...: runs the
# command (stdout to $tmp/out) within SECONDS, checks the exit status,
# that stderr matches, and that stderr has at most one line per problem.
expect() {
    name=$1 want=$2 pattern=$3 secs=$4
    shift 5
    timeout "$secs" "$@" >"$tmp/out" 2>"$tmp/err"
    got=$?
    if [ "$got" -eq 124 ]; then
        fail "$name: not done within $secs s"; return
    fi
    if [ "$got" -ne "$want" ]; then
        fail "$name: exit status $got, want $want"; sed 's/^/     /' "$tmp/err" | head -5; return
    fi
    if [ -n "$pattern" ] && ! grep -Eq "^citegraph: .*$pattern" "$tmp/err"; then
        fail "$name: stderr does not match /$pattern/"; sed 's/^/     /' "$tmp/err" | head -5; return
    fi
    ok "$name"
}

good=$tmp/good.txt
printf 'See S/2023/888 and resolution 853 (1993).\n' >"$good"
# the good document's rows are there, and no row of the file named
others_read() { grep -q 'S/2023/888' "$tmp/out" && ! grep -q "^$1" "$tmp/out"; }

# --- reading -----------------------------------------------------------
as_nobody=""
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
    as_nobody="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
cp "$good" "$tmp/locked.txt"
chmod 000 "$tmp/locked.txt"
mkdir -p "$tmp/closed"
cp "$good" "$tmp/closed/in.txt"
chmod 000 "$tmp/closed"
if [ "$(id -u)" != 0 ] || [ -n "$as_nobody" ]; then
    expect "unreadable file" 1 "locked.txt: cannot open" 10 -- $as_nobody "$BIN" extract --registry "$REG" "$tmp/locked.txt" "$good"
    check "unreadable file: others read" 'others_read "$tmp/locked.txt"'
    expect "unreadable folder" 1 "closed: cannot read folder" 10 -- $as_nobody "$BIN" extract --registry "$REG" "$tmp/closed" "$good"
    check "unreadable folder: others read" 'others_read "$tmp/closed"'
else
    echo "skip unreadable file and folder: running as root without setpriv"
fi
chmod 755 "$tmp/closed"

printf 'A/78/1 line one\nsee A/78/2 \300\257 here\n' >"$tmp/overlong.txt"
expect "overlong UTF-8" 1 "overlong.txt:2:12: invalid UTF-8" 10 -- "$BIN" extract --registry "$REG" "$tmp/overlong.txt" "$good"
check "overlong UTF-8: others read, no partial rows" 'others_read "$tmp/overlong.txt"'
head -c 65536 /dev/zero >"$tmp/zeros.txt"
expect "file of NUL bytes" 1 "zeros.txt:1:1: binary file" 10 -- "$BIN" extract --registry "$REG" "$tmp/zeros.txt" "$good"
check "file of NUL bytes: others read" 'others_read "$tmp/zeros.txt"'
printf '\376\377\000S\000e\000e\000 \000S\000/\0002\0000\0002\0003\000/\0001\000\n' >"$tmp/utf16be.txt"
expect "UTF-16 big-endian with BOM" 0 "" 10 -- "$BIN" extract --registry "$REG" "$tmp/utf16be.txt"
check "UTF-16 big-endian converted" 'grep -q "S/2023/1" "$tmp/out"'
printf '\377\376S\000/\000' >"$tmp/utf16odd.txt"
printf '\000' >>"$tmp/utf16odd.txt"
expect "UTF-16 cut in a character" 1 "utf16odd.txt" 10 -- "$BIN" extract --registry "$REG" "$tmp/utf16odd.txt" "$good"

# --- size: each big input read in one linear pass -----------------------
head -c $((line_mb * 1000000)) /dev/zero | tr '\0' 'x' >"$tmp/line.txt"
printf ' A/78/1\n' >>"$tmp/line.txt"
expect "$line_mb MB on one line" 0 "" 60 -- "$BIN" extract --registry "$REG" "$tmp/line.txt"
check "$line_mb MB on one line: the reference at its end" 'grep -q "	A/78/1	" "$tmp/out"'
rm -f "$tmp/line.txt"

mkdir -p "$tmp/many"
awk -v n="$nfiles" -v d="$tmp/many" 'BEGIN {
    for (i = 0; i < n; i++) {
        sub_ = sprintf("%s/%d/%d", d, i % 10, (i / 10) % 10)
        if (!(sub_ in made)) { system("mkdir -p " sub_); made[sub_] = 1 }
        f = sprintf("%s/f%06d.txt", sub_, i)
        printf "See A/%d/%d.\n", 50 + i % 30, i > f
        close(f)
    }
}'
expect "$nfiles tiny files in nested folders" 0 "" 120 -- "$BIN" extract --registry "$REG" "$tmp/many"
check "$nfiles tiny files: one row each" '[ "$(($(wc -l <"$tmp/out") - 1))" -eq "$nfiles" ]'
expect "$nfiles tiny files: graph" 0 "" 120 -- "$BIN" graph --registry "$REG" -f csv -o "$tmp/many.csv" "$tmp/many"
rm -rf "$tmp/many"

{ printf 'See '; head -c $((run_mb * 500000)) /dev/zero | sed 's/./A\//g'; printf ' and A/78/1.\n'; } >"$tmp/run.txt"
expect "$run_mb MB of A/A/A/..." 0 "" 60 -- "$BIN" extract --registry "$REG" "$tmp/run.txt"
check "$run_mb MB of A/A/A/...: the reference after it, nothing else" '[ "$(cut -f5 "$tmp/out" | tail -n +2)" = A/78/1 ]'

{ printf 'General Assembly resolutions '; seq 1 "$nres" | sed 's|$|/1,|' | tr '\n' ' '; printf ' and 5/1.\n'; } >"$tmp/list.txt"
expect "$nres-item resolution list" 0 "" 60 -- "$BIN" extract --registry "$REG" "$tmp/list.txt"
check "$nres-item resolution list: items read" '[ "$(grep -c "A/RES/" "$tmp/out")" -ge 1000 ]'

{ printf 'See A/78/1. '; yes 'Ibid.' | head -n "$nibid" | tr '\n' ' '; echo; } >"$tmp/ibid.txt"
expect "$nibid consecutive Ibid." 0 "" 60 -- "$BIN" extract --registry "$REG" "$tmp/ibid.txt"
check "$nibid consecutive Ibid.: each one a row" '[ "$(grep -c "	ibid	" "$tmp/out")" -eq "$nibid" ]'

# --- markup left open ---------------------------------------------------
{ printf '<p>Text<sup>1 and A/78/1 '; head -c 100000 /dev/zero | tr '\0' 'y'; printf ' S/2023/888</p>\n'; } >"$tmp/sup.html"
expect "unterminated <sup>" 0 "" 10 -- "$BIN" extract --registry "$REG" "$tmp/sup.html"
check "unterminated <sup>: text after it read" 'grep -q "S/2023/888" "$tmp/out"'
{ printf 'See [A/78/1](http://example.org/'; head -c 100000 /dev/zero | tr '\0' 'z'; printf ' and S/2023/888.\n'; } >"$tmp/link.md"
expect "unterminated Markdown link" 0 "" 10 -- "$BIN" extract --registry "$REG" "$tmp/link.md"
check "unterminated Markdown link: text read" 'grep -q "S/2023/888" "$tmp/out" && grep -q "A/78/1" "$tmp/out"'
i=0
while [ $i -lt 2000 ]; do printf '[a](b) [c](d e) A/78/%d\n' $i; i=$((i + 1)); done >"$tmp/links.md"
expect "Markdown links with a space in the target" 0 "" 10 -- "$BIN" extract --registry "$REG" "$tmp/links.md"
check "Markdown links with a space: every line read once" '[ "$(grep -c "	A/78/" "$tmp/out")" -eq 2000 ]'

# --- registry YAML ------------------------------------------------------
mkdir -p "$tmp/reg"
cp "$REG"/*.yaml "$tmp/reg/"
head -c "$nest" /dev/zero | tr '\0' '[' >"$tmp/reg/zz.yaml"
expect "YAML nested $nest levels" 2 "zz.yaml:1:[0-9]+: YAML nested deeper" 10 -- "$BIN" extract --registry "$tmp/reg" "$good"
{ echo "series:"; seq 1 200000 | sed 's/^/  - X/'; } >"$tmp/reg/zz.yaml"
expect "huge YAML (200,000 series)" 0 "" 30 -- "$BIN" extract --registry "$tmp/reg" "$good"
check "huge YAML: extraction unchanged" 'grep -q "S/2023/888" "$tmp/out"'
printf 'series: [A\nlexicon: {\n' >"$tmp/reg/zz.yaml"
expect "malformed YAML" 2 "zz.yaml:[0-9]+:[0-9]+: malformed YAML" 10 -- "$BIN" extract --registry "$tmp/reg" "$good"

# --- output -------------------------------------------------------------
mkdir -p "$tmp/outdir"
printf 'previous\n' >"$tmp/outdir/g.dot"
expect "output folder missing" 2 "nodir/g.dot: cannot create output file" 10 -- "$BIN" graph --registry "$REG" -o "$tmp/nodir/g.dot" "$good"
if [ "$(id -u)" != 0 ] || [ -n "$as_nobody" ]; then
    chmod 555 "$tmp/outdir"
    expect "output folder not writable" 2 "outdir/g.dot: cannot create output file" 10 -- $as_nobody "$BIN" graph --registry "$REG" -o "$tmp/outdir/g.dot" "$good"
    chmod 755 "$tmp/outdir"
    check "output folder not writable: previous output kept" 'grep -qx previous "$tmp/outdir/g.dot"'
fi
if [ -w /dev/full ]; then
    expect "graph -o /dev/full" 2 "/dev/full: .*No space left on device" 10 -- "$BIN" graph --registry "$REG" -f dot -o /dev/full "$good"
    check "/dev/full still a device" '[ -c /dev/full ]'
    expect "report to a full disk" 2 "cannot write" 10 -- sh -c "\"$BIN\" report --registry \"$REG\" \"$good\" >/dev/full"
    expect "graph to a full disk" 2 "cannot write" 10 -- sh -c "\"$BIN\" graph --registry \"$REG\" \"$good\" >/dev/full"
fi
check "no temporary file left" '[ -z "$(ls "$tmp/outdir" | grep -v "^g.dot$")" ]'

# SIGINT and SIGTERM while the graph is written: the previous output is
# untouched and no temporary is left.  The signal is sent as soon as the
# temporary appears; if it never does in time, the run is checked all
# the same.
mkdir -p "$tmp/big"
awk -v d="$tmp/big" 'BEGIN { for (i = 0; i < 2000; i++) { f = sprintf("%s/d%04d.txt", d, i);
    for (j = 0; j < 20; j++) printf "See A/%d/%d and S/RES/%d (1993).\n", 50 + j, i, i * 20 + j > f;
    close(f) } }'
caught=0
for sig in TERM INT TERM INT; do
    printf 'previous\n' >"$tmp/outdir/g.dot"
    env --default-signal=INT,TERM "$BIN" graph --registry "$REG" -o "$tmp/outdir/g.dot" "$tmp/big" 2>/dev/null &
    pid=$!
    n=0
    while [ $n -lt 20000 ] && kill -0 $pid 2>/dev/null && ! ls "$tmp/outdir" | grep -q tmp; do n=$((n + 1)); done
    if ls "$tmp/outdir" | grep -q tmp; then caught=$((caught + 1)); fi
    kill -$sig $pid 2>/dev/null
    wait $pid
    st=$?
    if [ $st -eq 0 ]; then
        check "SIG$sig after the rename: output whole" 'tail -1 "$tmp/outdir/g.dot" | grep -qx "}"'
    else
        # killed before the rename (previous output untouched) or between
        # the rename and the exit (the new output whole): never a part
        check "SIG$sig mid-run: previous output untouched or new output whole" \
            'grep -qx previous "$tmp/outdir/g.dot" || tail -1 "$tmp/outdir/g.dot" | grep -qx "}"'
    fi
    check "SIG$sig: no temporary file left" '[ "$(ls "$tmp/outdir")" = g.dot ]'
done
echo "     (signal sent while the temporary existed in $caught of 4 runs)"

e2e_done hostile
