#!/bin/sh
# Compares citegraph's citation graph of Security Council resolutions with
# the method of the CR-UNSC dataset: any "NNN (YYYY)" in a resolution's
# text (the regular expression [0-9]{1,4} \([0-9]{4}\)) is a citation of
# Security Council resolution NNN; the year is dropped, self-citations and
# citations of a later (higher-numbered) resolution are dropped, parallel
# citations merged.  Both edge sets are compared as (citing number, cited
# number) pairs.
#
#   tools/crunsc_compare.sh CORPUS [OUTDIR]
#
# CORPUS holds files named S_RES_NNNN_YYYY.txt (one resolution each).
# Prints the counts; writes into OUTDIR (default: a temporary folder,
# named on stdout) crunsc.tsv, citegraph.tsv, both.tsv, only-crunsc.tsv
# and only-citegraph.tsv (citing, cited, class of the difference, and
# the text of the reference),
# and top20.md, the 20 most-cited resolutions by `citegraph report`.
set -eu
corpus=${1:?usage: tools/crunsc_compare.sh CORPUS [OUTDIR]}
out=${2:-$(mktemp -d)}
BIN=${BIN:-build/citegraph}
mkdir -p "$out"
LC_ALL=C
export LC_ALL
tab=$(printf '\t')

# CR-UNSC: every match of the regular expression, as citing<TAB>cited
grep -oHE '[0-9]{1,4} \([0-9]{4}\)' "$corpus"/S_RES_*_*.txt | awk '{
    f = $0; sub(/:[^:]*$/, "", f); sub(/.*\//, "", f)   # S_RES_NNNN_YYYY.txt
    m = $0; sub(/.*:/, "", m)                          # NNN (YYYY)
    split(f, p, /[_.]/); s = p[3] + 0; y = p[4]
    split(m, q, " "); t = q[1] + 0
    if (t " " q[2] == s " (" y ")") next             # self-citation
    if (t == 0 || s == 0 || t > s) next              # a later resolution, or 0
    print s "\t" t "\t" m }' | sort -t "$tab" -k1,1n -k2,2n | awk -F'\t' '!seen[$1 FS $2]++' >"$out/crunsc.tsv"

# citegraph: edges between Security Council resolutions
"$BIN" extract "$corpus" | awk -F'\t' '
    $3 ~ /^S\/RES\/[0-9]+ \([0-9]+\)$/ && $5 ~ /^S\/RES\/[0-9]+ \([0-9]+\)$/ && $3 != $5 {
        s = $3; sub(/^S\/RES\//, "", s); sub(/ .*/, "", s)
        t = $5; sub(/^S\/RES\//, "", t); sub(/ .*/, "", t)
        print s "\t" t "\t" $5 ": " $6 }' |
    sort -t "$tab" -k1,1n -k2,2n | awk -F'\t' '!seen[$1 FS $2]++' >"$out/citegraph.tsv"

cut -f1,2 "$out/crunsc.tsv" | sort >"$out/a.keys"
cut -f1,2 "$out/citegraph.tsv" | sort >"$out/b.keys"
comm -12 "$out/a.keys" "$out/b.keys" >"$out/both.tsv"
# the differences, with the text that made each edge
comm -23 "$out/a.keys" "$out/b.keys" | awk -F'\t' 'NR == FNR { k[$1 FS $2] = 1; next }
    ($1 FS $2) in k' - "$out/crunsc.tsv" | sort -t "$tab" -k1,1n -k2,2n >"$out/only-crunsc.tsv"
comm -13 "$out/a.keys" "$out/b.keys" | awk -F'\t' 'NR == FNR { k[$1 FS $2] = 1; next }
    ($1 FS $2) in k' - "$out/citegraph.tsv" | sort -t "$tab" -k1,1n -k2,2n >"$out/only-citegraph.tsv"
rm -f "$out/a.keys" "$out/b.keys"

# why each difference arises, read from the text (heuristic classes):
# only CR-UNSC: "volume" (vol. NN (YYYY)), "garbled" (a letter or sign
# glued before the number, an OCR error: I11, $46, SO8, [86), else
# "list" (a real citation citegraph did not take);
# only citegraph: "later" (cites a later resolution), "line-break"
# (NNN and (YYYY) on two lines), "no-space" (NNN(YYYY)), else "other".
file_of() { ls "$corpus"/S_RES_"$(printf %04d "$1")"_*.txt | head -n 1; }
classify() { # side citing cited year
    awk -v side="$1" -v s="$2" -v t="$3" -v y="$4" 'BEGIN { RS = "\001" } {
        if (side == "crunsc") {
            c = "list"
            if (match($0, "vol\\. " t " \\(" y "\\)")) c = "volume"
            else if (match($0, "(^|[^0-9 \n(])" t " \\(" y "\\)") && RSTART > 1 && \
                     substr($0, RSTART, 1) !~ /[ \n(,;]/ && \
                     !match($0, "(^|[ \n(,;])" t " \\(" y "\\)")) c = "garbled"
        } else {
            c = "other"
            if (t + 0 > s + 0) c = "later"
            else if (match($0, "(^|[^0-9])" t "[ \t]*\n[ \t]*\\(" y "\\)")) c = "line-break"
            else if (match($0, "(^|[^0-9])" t "\\(" y "\\)")) c = "no-space"
        }
        print c }' "$(file_of "$2")"
}
for side in crunsc citegraph; do
    while IFS="$tab" read -r s t m; do
        y=$(echo "$m" | sed 's/.*(\([0-9]*\))$/\1/')
        printf '%s\t%s\t%s\t%s\n' "$s" "$t" "$(classify "$side" "$s" "$t" "$y")" "$m"
    done <"$out/only-$side.tsv" >"$out/only-$side.tmp"
    mv "$out/only-$side.tmp" "$out/only-$side.tsv"
done

a=$(wc -l <"$out/crunsc.tsv")
b=$(wc -l <"$out/citegraph.tsv")
both=$(wc -l <"$out/both.tsv")
later=$(awk -F'\t' '$2 > $1' "$out/citegraph.tsv" | wc -l)
echo "CR-UNSC edges         $a"
echo "citegraph edges       $b (of which citing a later resolution: $later)"
echo "both                  $both"
echo "only CR-UNSC          $(wc -l <"$out/only-crunsc.tsv")"
echo "only citegraph        $(wc -l <"$out/only-citegraph.tsv")"
for side in crunsc citegraph; do
    printf 'only %-10s by class: %s\n' "$side" "$(cut -f3 "$out/only-$side.tsv" | sort | uniq -c |
        awk '{ printf "%s%s %s", (NR > 1 ? ", " : ""), $2, $1 }')"
done
awk -v a="$a" -v b="$b" -v c="$both" 'BEGIN {
    printf "agreement (Jaccard)   %.3f\n", (a + b - c) ? c / (a + b - c) : 1 }'
# the 20 most-cited resolutions, as the README shows them
"$BIN" report --format csv --kind resolution --top 20 "$corpus" | tr -d '\r' | awk -F, '
    NR == 1 { print "| rank | resolution | year | cited by | mentions | pagerank |"
              print "|---:|---|---:|---:|---:|---:|"; next }
    { printf "| %d | %s | %s | %s | %s | %s |\n", NR - 1, $1, $5, $6, $7, $9 }' >"$out/top20.md"
echo "details in $out"
