#!/bin/sh
# PDF input: the references found in a PDF are those found in its text
# version (pairs and mentions F1 >= 0.98 between the two), the gold
# scores on a PDF are within 0.02 of those on its text, the running
# headers and footers are gone, and a PDF without a text layer is
# reported and skipped.  Uses $BIN and $SCORE (build/test/score).
set -u
. "$(dirname "$0")/lib.sh"
SCORE=${SCORE:-build/test/score}
here=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# extraction of a PDF with its file names made those of the text version
extract_as_txt() {
    "$BIN" extract -q "$1" | awk -F'\t' 'BEGIN { OFS = "\t" } NR > 1 { sub(/\.pdf$/, ".txt", $1) } { print }'
}
# the F1 values of a score line: "pairs mentions"
f1s() { sed -n 's/^F1 pairs=\([0-9.]*\) mentions=\([0-9.]*\).*/\1 \2/p' "$1"; }

# the PDF against its text version: the text's references as the gold
for pair in "pdf/S_1995_444.pdf pdf/S_1995_444.txt" "pdf/S_1999_779.pdf gold/docs/S_1999_779.txt"; do
    set -- $pair
    name=$(basename "$1" .pdf)
    "$BIN" extract -q "$here/test/$2" >"$tmp/$name.txt.tsv"
    extract_as_txt "$here/test/$1" >"$tmp/$name.pdf.tsv"
    n=$(tail -n +2 "$tmp/$name.txt.tsv" | wc -l)
    if [ "$n" -lt 4 ]; then fail "$name: the text version has only $n references"; continue; fi
    if "$SCORE" "$tmp/$name.txt.tsv" "$tmp/$name.pdf.tsv" --any-line --min-pairs 0.98 \
        --min-mentions 0.98 >"$tmp/$name.score"; then
        ok "$name.pdf: the references of its text ($n), F1 $(f1s "$tmp/$name.score")"
    else
        fail "$name.pdf against its text:"; cat "$tmp/$name.score"
    fi
done

# gold scores on the PDF within 0.02 of those on the text
gold=$here/test/gold/real-dev.tsv
awk -F'\t' 'NR == 1 || $1 == "S_1999_779.txt"' "$gold" >"$tmp/gold.tsv"
"$SCORE" "$tmp/gold.tsv" "$tmp/S_1999_779.txt.tsv" --any-line >"$tmp/gold-txt.score"
extract_as_txt "$here/test/pdf/S_1999_779.pdf" >"$tmp/gold-pdf.tsv"
"$SCORE" "$tmp/gold.tsv" "$tmp/gold-pdf.tsv" --any-line >"$tmp/gold-pdf.score"
t=$(f1s "$tmp/gold-txt.score") p=$(f1s "$tmp/gold-pdf.score")
if [ -n "$t" ] && [ -n "$p" ] && echo "$t $p" | awk '{ d1 = $1 - $3; d2 = $2 - $4;
    exit !(d1 < 0.02 && d1 > -0.02 && d2 < 0.02 && d2 > -0.02) }'; then
    ok "gold S_1999_779: text F1 $t, PDF F1 $p (pairs, mentions)"
else
    fail "gold S_1999_779: text F1 '$t', PDF F1 '$p'"
fi

# running headers and footers dropped, the masthead and paragraphs kept
"$BIN" annotate -q -o "$tmp/779.html" "$here/test/pdf/S_1999_779.pdf" 2>"$tmp/err"
if [ -s "$tmp/779.html" ] && ! grep -Eq 'English|Page [0-9]|99-20410|\*9920410E\*' "$tmp/779.html" 2>/dev/null &&
   grep -q 'INTRODUCTION' "$tmp/779.html"; then
    ok "page headers, footers and job numbers dropped"
else
    fail "page headers or footers left: $(grep -Eo 'English|Page [0-9]+|99-20410' "$tmp/779.html" | head -3 | tr '\n' ' ') $(cat "$tmp/err")"
fi

# skipped WHAT WANT_STDERR [WANT_STDOUT] -- COMMAND...: the command exits
# with status 1 (a file skipped), says WANT_STDERR and prints WANT_STDOUT
skipped() {
    what=$1 want_err=$2 want_out=
    shift 2
    if [ "$1" != -- ]; then want_out=$1; shift; fi
    shift
    "$@" >"$tmp/out" 2>"$tmp/err"
    st=$?
    if [ "$st" -eq 1 ] && grep -q "$want_err" "$tmp/err" &&
       { [ -z "$want_out" ] || grep -q "$want_out" "$tmp/out"; }; then
        ok "$what"
    else
        fail "$what: exit status $st, stderr: $(cat "$tmp/err")"
    fi
}

# no text layer: a clear message, exit status 1, the other files read
skipped "no text layer: 'needs OCR', exit status 1, the other PDF read" \
    "scanned.pdf: no text layer: needs OCR" "S/RES/1244 (1999)" -- \
    "$BIN" extract "$here/test/pdf/scanned.pdf" "$here/test/pdf/S_1999_779.pdf"
printf 'not a PDF\n' >"$tmp/fake.pdf"
skipped "not a PDF: reported, exit status 1" "fake.pdf: not a PDF file" -- \
    "$BIN" extract "$tmp/fake.pdf"

# poppler-glib is loaded with the first PDF: a run on text files does not
# map it, and without it a PDF is reported and skipped, the text still read
printf 'See S/2004/908.\n' >"$tmp/letter.txt"
if command -v ldd >/dev/null 2>&1 && ! ldd "$BIN" | grep -q poppler; then
    ok "the binary does not load poppler-glib at start-up"
else
    fail "the binary links poppler-glib: $(ldd "$BIN" | grep poppler)"
fi
skipped "poppler-glib missing: the PDF reported and skipped, exit status 1, the text read" \
    "S_1999_779.pdf: cannot read the PDF: poppler-glib cannot be loaded" "S/2004/908" -- \
    env CITEGRAPH_POPPLER="$tmp/no-such-library.so" \
    "$BIN" extract "$here/test/pdf/S_1999_779.pdf" "$tmp/letter.txt"
skipped "another library named: reported as not poppler-glib" \
    "libyaml-0.so.2 has no poppler_document_new_from_bytes: not poppler-glib" -- \
    env CITEGRAPH_POPPLER=libyaml-0.so.2 "$BIN" extract "$here/test/pdf/S_1999_779.pdf"

e2e_done pdf
