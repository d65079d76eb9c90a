#!/bin/sh
# Extraction throughput, measured side by side with grep on the same bytes
# in the same run (the machines are shared and noisy: compare ratios); then
# the whole job (bench/job.sh) on the same files.
# The corpus is built from the bundled real texts with their numbers
# varied (each copy maps the digits through a different permutation), as
# many files and as one large file.  Writes docs/performance.md.
set -eu
BIN=${BIN:-build/citegraph}
SIZE=${BENCH_SIZE:-1G}
OUT=${BENCH_OUT:-docs/performance.md}
work=${BENCH_DIR:-build/bench-corpus}

bytes() {
    case $1 in
    *G) echo $((${1%G} * 1024 * 1024 * 1024)) ;;
    *M) echo $((${1%M} * 1024 * 1024)) ;;
    *K) echo $((${1%K} * 1024)) ;;
    *) echo "$1" ;;
    esac
}
target=$(bytes "$SIZE")
rm -rf "$work"
mkdir -p "$work/files"
cat test/gold/docs/*.txt data/corpus/sample/*.txt >"$work/base.txt"
base=$(wc -c <"$work/base.txt")
copies=$(((target + base - 1) / base))
perms="0123456789 1234567890 2345678901 3456789012 4567890123 5678901234 6789012345 7890123456 8901234567 9012345678
0213456789 0132456789 0124356789 0123546789 0123465789 0123457689 0123456798 1023456789 3210456789 0123987654"
i=0
while [ "$i" -lt "$copies" ]; do
    p=$(echo "$perms" | tr ' ' '\n' | sed -n "$((i % 20 + 1))p")
    # a second varied digit: the copy number spliced into every symbol series
    tr '0123456789' "$p" <"$work/base.txt" | sed "s#A/#A/$((i / 20))#g" >"$work/files/doc$(printf %05d "$i").txt"
    i=$((i + 1))
done
cat "$work"/files/*.txt >"$work/big.txt"
total=$(wc -c <"$work/big.txt")
mb=$(echo "$total" | awk '{printf "%.1f", $1 / 1048576}')

# best of three wall-clock runs, in seconds
best() {
    b=
    for _ in 1 2 3; do
        s=$(date +%s.%N)
        # grep stops at the first match when its output is /dev/null: write a file
        case $1 in env) "$@" >"$work/out" 2>&1 || true ;; *) "$@" >/dev/null 2>&1 || true ;; esac
        e=$(date +%s.%N)
        t=$(echo "$s $e" | awk '{printf "%.4f", $2 - $1}')
        if [ -z "$b" ] || awk "BEGIN{exit !($t < $b)}"; then b=$t; fi
    done
    echo "$b"
}
cat "$work/big.txt" >/dev/null # page cache
re='[A-Z]+/[A-Z0-9./-]*[0-9]'
t_grep_c=$(best env LC_ALL=C grep -cE "$re" "$work/big.txt")
t_grep_o=$(best sh -c "LC_ALL=C grep -oE '$re' '$work/big.txt' | wc -l")
t_big=$(best "$BIN" extract -j 1 "$work/big.txt")
t_many=$(best "$BIN" extract -j 1 "$work/files")
t_jsonl=$(best "$BIN" extract -j 1 --format jsonl "$work/big.txt")
t_many2=$(best "$BIN" extract -j 2 "$work/files")
refs=$("$BIN" extract "$work/big.txt" | wc -l)

rate() { echo "$total $1" | awk '{printf "%.0f", $1 / 1048576 / $2}'; }
ratio() { echo "$1 $2" | awk '{printf "%.2f", $2 / $1}'; }
machine="$(nproc) cores, $(awk '/model name/{sub(/.*: /,""); print; exit}' /proc/cpuinfo), $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
table=$(cat <<T
| measure | seconds | MB/s | ratio to grep -c |
|---|---|---|---|
| \`LC_ALL=C grep -cE '$re'\` (reference) | $t_grep_c | $(rate "$t_grep_c") | 1.00 |
| \`LC_ALL=C grep -oE '$re' \| wc -l\` | $t_grep_o | $(rate "$t_grep_o") | $(ratio "$t_grep_o" "$t_grep_c") |
| \`citegraph extract\` one large file, TSV | $t_big | $(rate "$t_big") | $(ratio "$t_big" "$t_grep_c") |
| \`citegraph extract\` $copies files, TSV | $t_many | $(rate "$t_many") | $(ratio "$t_many" "$t_grep_c") |
| \`citegraph extract --format jsonl\` one large file | $t_jsonl | $(rate "$t_jsonl") | $(ratio "$t_jsonl" "$t_grep_c") |
| \`citegraph extract -j 2\` $copies files, TSV (two threads) | $t_many2 | $(rate "$t_many2") | $(ratio "$t_many2" "$t_grep_c") |
T
)
speedup=$(ratio "$t_many2" "$t_many")
# peak resident memory (MiB), when GNU time is there
peak() {
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1 | awk '{printf "%.0f", $1 / 1024}'
    else
        echo "?"
    fi
}
m_many=$(peak "$BIN" extract -q -j 1 "$work/files")
m_many2=$(peak "$BIN" extract -q -j 2 "$work/files")
m_big=$(peak "$BIN" extract -q -j 1 "$work/big.txt")
job=$(sh bench/job.sh "$work/files")
echo "corpus: $mb MiB ($copies files and one file of the same bytes), $refs references"
echo "$table"
echo "(ratio > 1: citegraph is faster than grep -c on the same bytes)"
echo "two threads: $speedup x one thread on $copies files"
echo "peak memory: $m_many MiB ($copies files, one thread), $m_many2 MiB (two threads), $m_big MiB (one large file)"
echo
echo "$job"
mkdir -p "$(dirname "$OUT")"
tmp=$OUT.tmp.$$
{
    echo "# Performance"
    echo
    echo "Extraction throughput, one core, text in the page cache, output to"
    echo "/dev/null; best of three runs; every figure measured in the same run of"
    echo '`make bench` as its reference, on the same bytes.  Ratios are'
    echo "reference time / citegraph time: above 1, citegraph is faster."
    echo
    echo "Machine: $machine.  Corpus: $mb MiB built from the bundled real texts"
    echo "(test/gold/docs, data/corpus/sample) with digits varied per copy, as"
    echo "$copies files and as one large file; $refs references found."
    echo
    echo "$table"
    echo
    echo "Two threads (\`-j 2\`) on the $copies files: $speedup × one thread.  The"
    echo "threads read and extract whole documents, so one large file gains"
    echo "nothing from them; its figure is the one-thread row."
    echo
    echo "Peak memory (resident, GNU time): $m_many MiB on the $copies files with one"
    echo "thread, $m_many2 MiB with two: documents are read one at a time a thread,"
    echo "so it does not grow with the corpus.  One large file is held whole"
    echo "(mapped, and its clean text beside it): $m_big MiB for $mb MiB."
    echo
    echo "## The whole job"
    echo
    echo "\`citegraph run\` (extract, graph, PageRank, HITS, in-degree, report,"
    echo "DOT, GraphML, SVG, HTML) on the same $copies files, against a count of"
    echo "symbol strings by \`grep | sort | uniq -c\` and against the same job as a"
    echo "Python script (\`bench/peer.py\`: Python \`re\` and python-igraph)."
    echo
    echo "$job"
    echo
    echo "Regenerate with \`make bench\` (1 GiB by default; BENCH_SIZE=200M for a quick run)."
    if [ -f docs/performance-notes.md ]; then echo; cat docs/performance-notes.md; fi
} >"$tmp"
mv "$tmp" "$OUT"
rm -rf "$work"
