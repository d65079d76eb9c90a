#!/bin/sh
# Gold scores: the extraction of the annotated documents against the
# hand-checked gold files, with minimum F1 values that may only go up.
set -u
BIN=${BIN:-build/citegraph}
SCORE=${SCORE:-build/test/score}
here=$(dirname "$0")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
passed=0
failed=0

score() { # name gold level min_pairs min_mentions min_icj_case files...
    name=$1 gold=$2 level=$3 minp=$4 minm=$5 mini=$6
    shift 6
    if ! "$BIN" extract --format tsv "$@" >"$out/$name.tsv"; then
        echo "FAIL gold $name: extract failed"
        failed=$((failed + 1))
        return
    fi
    if "$SCORE" "$gold" "$out/$name.tsv" --level "$level" --min-pairs "$minp" \
        --min-mentions "$minm" --min-icj-case "$mini" >"$out/$name.score"; then
        echo "ok   gold $name: $(tail -n 1 "$out/$name.score")"
        passed=$((passed + 1))
    else
        echo "FAIL gold $name:"
        cat "$out/$name.score"
        failed=$((failed + 1))
    fi
}

score seeds "$here/seeds.tsv" core 1.000 1.000 1.000 data/corpus/sample
score real-dev "$here/real-dev.tsv" core 1.000 1.000 1.000 "$here/docs"
# every row, the optional kinds and short forms too
score seeds-all "$here/seeds.tsv" all 1.000 1.000 1.000 data/corpus/sample
score real-dev-all "$here/real-dev.tsv" all 0.963 0.981 1.000 "$here/docs"
echo "gold: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
