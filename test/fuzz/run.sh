#!/bin/sh
# Runs each fuzz target named for FUZZ_SECONDS with the UN dictionary,
# seeded from test/fuzz/corpus/ and the bundled documents.  New inputs
# go to $FUZZ_DIR/corpus/TARGET, crashers to $FUZZ_DIR/crashers/TARGET.
# Prints the executions of each target; exits 1 if any target failed.
set -u
dir=${FUZZ_DIR:-build/fuzz}
seconds=${FUZZ_SECONDS:-60}
export CITEGRAPH_REGISTRY=${CITEGRAPH_REGISTRY:-data/registry}
status=0
summary=$dir/summary.txt
: >"$summary"
for t in "$@"; do
    mkdir -p "$dir/corpus/$t" "$dir/crashers/$t"
    seeds="test/fuzz/corpus/$t"
    [ -d "$seeds" ] || seeds=
    case $t in
        extract_*|export) seeds="$seeds data/corpus/sample test/gold/docs" ;;
        registry) seeds="$seeds data/registry" ;;
    esac
    log=$dir/$t.log
    "$dir/fuzz_$t" -max_total_time="$seconds" -dict=test/fuzz/un.dict -max_len=16384 \
        -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$dir/crashers/$t/" "$dir/corpus/$t" $seeds >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    crashes=$(ls "$dir/crashers/$t" | wc -l)
    line="$t: ${execs:-?} executions in ${seconds} s, ${cov:-cov: ?}, $crashes crashers"
    echo "$line" | tee -a "$summary"
    if [ "$rc" -ne 0 ] || [ "$crashes" -ne 0 ]; then
        status=1
        echo "fuzz: $t failed (exit $rc); see $log and $dir/crashers/$t/" >&2
        grep -A 20 'ERROR\|does not parse back' "$log" | head -30 >&2
    fi
done
exit $status
