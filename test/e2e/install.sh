#!/bin/sh
# make install into a staging folder (DESTDIR): every file in its place,
# the shared library with its soname, the installed program finding the
# installed registry; docs/examples/rank.c built with pkg-config against
# the staged installation (shared and static) and run on the sample
# corpus; make uninstall leaving nothing of citegraph behind.
set -u
. "$(dirname "$0")/lib.sh"
CORPUS=${CORPUS:-data/corpus/sample}
PREFIX=/usr/local
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# a make of its own: not the jobs or variables of a make that runs this test
mk() { env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -j2 SANITIZE=0 PREFIX=$PREFIX "$@"; }

stage=$tmp/stage
root=$stage$PREFIX
version=$(sed -n 's/^#define CITEGRAPH_VERSION "\(.*\)"$/\1/p' include/citegraph/citegraph.h)
major=${version%%.*}
if mk install DESTDIR="$stage" >"$tmp/log" 2>&1; then ok "make install DESTDIR"; else
    fail "make install: $(tail -5 "$tmp/log")"; echo "install: $passed passed, $failed failed"; exit 1; fi

for f in bin/citegraph lib/libcitegraph.a lib/libcitegraph.so.$version \
         lib/pkgconfig/citegraph.pc share/man/man1/citegraph.1 \
         share/bash-completion/completions/citegraph; do
    if [ -f "$root/$f" ]; then ok "installed $f"; else fail "not installed: $f"; fi
done
absent=
for h in include/citegraph/*.h; do
    cmp -s "$h" "$root/$h" || absent="$absent $h"
done
for y in data/registry/*.yaml; do
    cmp -s "$y" "$root/share/citegraph/registry/$(basename "$y")" || absent="$absent $y"
done
if [ -z "$absent" ]; then ok "every header and registry file installed"; else
    fail "not installed:$absent"; fi
if [ "$(readlink "$root/lib/libcitegraph.so")" = "libcitegraph.so.$major" ] &&
   [ "$(readlink "$root/lib/libcitegraph.so.$major")" = "libcitegraph.so.$version" ]; then
    ok "libcitegraph.so -> .so.$major -> .so.$version"; else fail "shared library links"; fi
if command -v readelf >/dev/null 2>&1; then
    if readelf -d "$root/lib/libcitegraph.so.$version" | grep -q "SONAME.*\[libcitegraph.so.$major\]"; then
        ok "soname libcitegraph.so.$major"; else fail "soname"; fi
fi
if [ -x "$root/bin/citegraph" ] && [ "$("$root/bin/citegraph" --version)" = "citegraph $version" ]; then
    ok "installed program runs"; else fail "installed program"; fi
# the installed program finds the installed registry (../share/citegraph)
"$root/bin/citegraph" extract "$CORPUS" >"$tmp/out" 2>"$tmp/err"
if cmp -s "$tmp/out" test/e2e/expected/sample.tsv; then ok "installed program finds its registry"; else
    fail "installed program: $(head -2 "$tmp/err")"; fi

# pkg-config: the .pc names the installed paths; the build reads the staged tree
pcdir=$root/lib/pkgconfig
if [ "$(PKG_CONFIG_PATH=$pcdir pkg-config --modversion citegraph)" = "$version" ]; then
    ok "pkg-config --modversion"; else fail "pkg-config --modversion"; fi
if PKG_CONFIG_PATH=$pcdir pkg-config --cflags citegraph | grep -q -- "-I$PREFIX/include"; then
    ok ".pc names $PREFIX"; else fail ".pc: $(PKG_CONFIG_PATH=$pcdir pkg-config --cflags citegraph)"; fi
# The sysroot prefixes citegraph's paths with the staging folder; the
# libraries it requires are the system's, asked for without the sysroot.
own=$(PKG_CONFIG_PATH=$pcdir PKG_CONFIG_SYSROOT_DIR=$stage pkg-config --cflags --libs citegraph)
requires=$(PKG_CONFIG_PATH=$pcdir pkg-config --print-requires --print-requires-private citegraph |
           cut -d' ' -f1)
deps=$(pkg-config --cflags --libs $requires)
if echo "$own" | grep -q -- "-I$root/include" && echo "$own" | grep -q -- "-L$root/lib"; then
    ok "sysroot: flags point into the staging folder"; else fail "sysroot flags: $own"; fi
# shellcheck disable=SC2086
if cc -std=c11 -Wall -Wextra -Wpedantic -Werror docs/examples/rank.c $own $deps \
      -o "$tmp/rank" 2>"$tmp/err"; then
    ok "example builds against the shared library"; else fail "example: $(head -5 "$tmp/err")"; fi
if command -v ldd >/dev/null 2>&1; then
    if LD_LIBRARY_PATH=$root/lib ldd "$tmp/rank" | grep -q "libcitegraph.so.$major => $root/lib/"; then
        ok "example uses the staged libcitegraph.so.$major"; else fail "example not linked to the .so"; fi
fi
# its answer is the command line's: the most cited target of the report
LD_LIBRARY_PATH=$root/lib "$tmp/rank" -r "$root/share/citegraph/registry" "$CORPUS" >"$tmp/rank.out" 2>"$tmp/err"
st=$?
docs=$(ls "$CORPUS" | grep -cE '\.(txt|md|html?)$')
if [ "$st" -eq 0 ] && head -n 1 "$tmp/rank.out" | grep -q "^$docs documents, [1-9][0-9]* references"; then
    ok "example runs on the sample corpus"; else fail "example run ($st): $(head -3 "$tmp/err")"; fi
top=$("$root/bin/citegraph" report --format csv "$CORPUS" | tr -d '\r' |
      awk -F, 'NR > 1 && $4 == "false" { print $1; exit }')
if sed -n 2p "$tmp/rank.out" | grep -qF -- "$top"; then ok "example ranks first what report ranks first ($top)"; else
    fail "example first: $(sed -n 2p "$tmp/rank.out"), report: $top"; fi
# static: the archive, then the libraries it requires (shared, as the
# system has them) and its own private ones
cflags=$(PKG_CONFIG_PATH=$pcdir PKG_CONFIG_SYSROOT_DIR=$stage pkg-config --cflags-only-I citegraph)
private=$(sed -n 's/^Libs.private: //p' "$pcdir/citegraph.pc")
# shellcheck disable=SC2086
if cc -std=c11 docs/examples/rank.c $cflags "$root/lib/libcitegraph.a" $deps $private \
      -o "$tmp/rank-static" 2>"$tmp/err" &&
   "$tmp/rank-static" -r "$root/share/citegraph/registry" "$CORPUS" | cmp -s - "$tmp/rank.out"; then
    ok "example builds against libcitegraph.a, same answer"; else fail "static example: $(head -3 "$tmp/err")"; fi

# uninstall removes every file it installed and nothing else
mkdir -p "$root/lib"
: >"$root/lib/other.so"
if mk uninstall DESTDIR="$stage" >"$tmp/log" 2>&1; then ok "make uninstall"; else fail "make uninstall: $(tail -3 "$tmp/log")"; fi
left=$(find "$stage" \( -type f -o -type l \) ! -name other.so | head -5)
if [ -z "$left" ]; then ok "nothing of citegraph left"; else fail "left after uninstall: $left"; fi
if [ -f "$root/lib/other.so" ]; then ok "other files kept"; else fail "uninstall removed another file"; fi

e2e_done install
