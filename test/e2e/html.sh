#!/bin/sh
# HTML outputs: citegraph annotate (every reference a link to where its
# target is read, the id and kind in the tooltip, Ibid. and defined terms
# linked to their target, the document escaped, written atomically) and
# citegraph report --format html (counts, most cited with links, the
# graph drawn by Graphviz or a note, the chart of years).  When chromium
# is installed, the pages are loaded in it (--dump-dom) and the links and
# figures must be in the document it built.
set -u
. "$(dirname "$0")/lib.sh"
CORPUS=${CORPUS:-data/corpus/sample}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# has FILE STRING: whether FILE contains STRING (fixed)
has() { grep -qF -- "$2" "$1"; }

# the links of an annotated document
cat >"$tmp/doc.txt" <<'DOC'
The Council recalled its resolution 853 (1993) and the report A/78/738
<script>alert("x")</script> & the site https://www.un.org/en/about-us.
DOC
if "$BIN" annotate -q -o "$tmp/doc.html" "$tmp/doc.txt"; then ok "annotate -o"; else fail "annotate -o"; fi
for want in 'href="https://undocs.org/S/RES/853(1993)"' 'href="https://undocs.org/A/78/738"' \
            'href="https://www.un.org/en/about-us"' 'title="S/RES/853 (1993) (resolution)"' \
            '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; the site'; do
    if has "$tmp/doc.html" "$want"; then ok "annotate: $want"; else fail "annotate: no $want"; fi
done
if grep -q '<script' "$tmp/doc.html"; then fail "annotate: the document's markup not escaped"; else
    ok "annotate: no markup of the document in the page"; fi
if grep -Eq '<link|src=' "$tmp/doc.html"; then fail "annotate: loads something"; else
    ok "annotate: self-contained"; fi
"$BIN" annotate -q "$tmp/doc.txt" >"$tmp/stdout.html"
if cmp -s "$tmp/stdout.html" "$tmp/doc.html"; then ok "annotate: stdout = -o FILE"; else
    fail "annotate: stdout differs from -o"; fi

# ICJ decisions, Ibid. and defined terms in the sample corpus
"$BIN" annotate -q -o "$tmp/icj.html" "$CORPUS/000_340298001c62dd83.txt"
if has "$tmp/icj.html" 'href="https://www.icj-cij.org/case/181"'; then ok "annotate: ICJ case page"; else
    fail "annotate: no link to the ICJ case page"; fi
"$BIN" annotate -q -o "$tmp/ibid.html" "$CORPUS/003_a57296e9d7183354.txt"
ibid=$(grep -o '<a class="ref k-symbol via" href="[^"]*" title="S/2023/826 (symbol, by Ibid.)' "$tmp/ibid.html" | head -n 1)
term=$(grep -o '<a class="ref k-symbol via" href="[^"]*" title="S/2023/826 (symbol, by a defined term)' "$tmp/ibid.html" | head -n 1)
case $ibid in *'href="https://undocs.org/S/2023/826"'*) ok "annotate: Ibid. links to its target" ;;
    *) fail "annotate: Ibid.: '$ibid'" ;; esac
case $term in *'href="https://undocs.org/S/2023/826"'*) ok "annotate: a defined term links to its target" ;;
    *) fail "annotate: term: '$term'" ;; esac
n_refs=$("$BIN" extract -q "$CORPUS/003_a57296e9d7183354.txt" | tail -n +2 | wc -l)
n_links=$(grep -o 'class="ref k-' "$tmp/ibid.html" | wc -l)
if [ "$n_links" -ge $((n_refs * 9 / 10)) ] && [ "$n_links" -le "$n_refs" ]; then
    ok "annotate: $n_links of $n_refs references marked"; else fail "annotate: $n_links marked, $n_refs references"; fi

# errors: a folder, an output that cannot be written (the old file kept)
"$BIN" annotate -q -o "$tmp/x.html" "$CORPUS" 2>"$tmp/err"
if [ $? -eq 2 ] && [ ! -e "$tmp/x.html" ]; then ok "annotate: a folder refused"; else
    fail "annotate: a folder: $(cat "$tmp/err")"; fi
"$BIN" annotate -q -o "$tmp/nope/x.html" "$tmp/doc.txt" 2>"$tmp/err"
if [ $? -eq 2 ] && grep -q "nope/x.html" "$tmp/err"; then ok "annotate: unwritable output, exit 2"; else
    fail "annotate: unwritable output: $(cat "$tmp/err")"; fi

# the HTML report
if "$BIN" report -q --format html -o "$tmp/report.html" "$CORPUS"; then ok "report --format html -o"; else
    fail "report --format html"; fi
for want in '<h2 id="read">' '<h2 id="cited">' 'href="https://undocs.org/S/RES/853(1993)"' \
            'id="year-chart"' '<rect '; do
    if has "$tmp/report.html" "$want"; then ok "report: $want"; else fail "report: no $want"; fi
done
if command -v dot >/dev/null 2>&1; then
    if has "$tmp/report.html" '<g id="graph0" class="graph"'; then ok "report: the graph drawn by Graphviz"; else
        fail "report: no drawing although dot is installed"; fi
fi
# without Graphviz: a note instead of the drawing
mkdir -p "$tmp/bin"
PATH=$tmp/bin "$BIN" report -q --format html -o "$tmp/nodot.html" "$CORPUS" 2>"$tmp/err"
if has "$tmp/nodot.html" 'Graphviz is not installed' && ! has "$tmp/nodot.html" 'class="graph"'; then
    ok "report: a note when Graphviz is not installed"; else fail "report without dot: $(cat "$tmp/err")"; fi

# in a browser
browser=
for b in chromium chromium-browser google-chrome; do
    command -v "$b" >/dev/null 2>&1 && { browser=$b; break; }
done
if [ -z "$browser" ]; then
    echo "html: chromium not installed: pages not loaded in a browser"
else
    dom() { timeout 120 "$browser" --headless --no-sandbox --disable-gpu --dump-dom "file://$1" 2>/dev/null; }
    dom "$tmp/report.html" >"$tmp/report.dom"
    for want in 'href="https://undocs.org/S/RES/853(1993)"' 'id="year-chart"' '<rect ' '</svg>'; do
        if has "$tmp/report.dom" "$want"; then ok "$browser: report: $want"; else fail "$browser: report: no $want"; fi
    done
    if command -v dot >/dev/null 2>&1; then
        if has "$tmp/report.dom" 'class="graph"'; then ok "$browser: report: the graph"; else
            fail "$browser: report: no graph"; fi
    fi
    dom "$tmp/ibid.html" >"$tmp/ibid.dom"
    links=$(grep -o '<a class="ref k-[a-z]*[ a-z]*" href="https://[^"]*"' "$tmp/ibid.dom" | wc -l)
    if [ "$links" -gt 0 ] && has "$tmp/ibid.dom" 'href="https://undocs.org/S/2023/826"'; then
        ok "$browser: annotate: $links links"; else fail "$browser: annotate: $links links"; fi
fi

e2e_done html
