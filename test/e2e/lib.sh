# Shared by the end-to-end scripts (sourced, not run): the binary under
# test, the tally of checks and how each one reports.  A script sets up
# its own temporary folder and ends with e2e_done NAME, which prints
# "NAME: N passed, N failed" and fails when a check did.
BIN=${BIN:-build/citegraph}
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok   $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }
e2e_done() {
    echo "$1: $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}
