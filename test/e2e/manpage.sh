#!/bin/sh
# The man page documents the command line: every option that any --help
# lists (citegraph --help and citegraph COMMAND --help for every command)
# and every command must appear in docs/citegraph.1, and the page must
# render without warnings.  The check is first run on a copy with one
# option removed, to show that it catches a missing option.
set -u
. "$(dirname "$0")/lib.sh"
MAN=${MAN:-docs/citegraph.1}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

commands=$("$BIN" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
if [ -n "$commands" ]; then ok "commands listed: $(echo $commands)"; else fail "no command in --help"; fi

# every help text, one after the other
{ "$BIN" --help; for c in $commands; do "$BIN" "$c" --help; done; } >"$tmp/help"
# options of the option lines: "  -f, --format FORMAT", "      --progress"
options=$(sed -n 's/^ \{1,\}\(-[a-zA-Z]\), \(--[a-z][a-z-]*\).*/\1 \2/p;
                  s/^ \{1,\}\(--[a-z][a-z-]*\) .*/\1/p' "$tmp/help" | tr ' ' '\n' | sort -u)
if [ "$(echo "$options" | wc -l)" -ge 10 ]; then ok "options listed: $(echo $options)"; else
    fail "too few options found in --help: $options"; fi

# missing PAGE: prints the options and commands of --help that PAGE does not name
missing() {
    # roff to plain words: \- is a hyphen, font changes go
    sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\(em/ /g' "$1" >"$tmp/page.txt"
    for o in $options; do
        grep -Eq -- "(^|[^a-zA-Z-])$o([^a-zA-Z-]|\$)" "$tmp/page.txt" || echo "$o"
    done
    for c in $commands; do
        grep -Eq "^\\.(SS|B) $c( |\$)" "$tmp/page.txt" || echo "command $c"
    done
}

# the check can fail: drop --min-cited from a copy
sed 's/\\-\\-min\\-cited/--gone/g; s/\\-m /\\-x /g' "$MAN" >"$tmp/broken.1"
if missing "$tmp/broken.1" | grep -q -- '--min-cited'; then ok "a missing option is caught"; else
    fail "a page without --min-cited passes the check"; fi

absent=$(missing "$MAN")
if [ -z "$absent" ]; then ok "every option and command of --help is in $MAN"; else
    fail "not in $MAN: $(echo $absent)"; fi

# sections a manual page needs
for s in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" "FILE FORMATS" EXAMPLES; do
    if grep -q "^\\.SH \"*$s\"*\$" "$MAN"; then ok "section $s"; else fail "no section $s"; fi
done
# the exit statuses of --help are the page's
for st in 0 1 2; do
    if sed -n '/^\.SH EXIT STATUS/,/^\.SH/p' "$MAN" | grep -q "^\\.B $st\$"; then
        ok "exit status $st documented"; else fail "exit status $st not documented"; fi
done

if command -v man >/dev/null 2>&1; then
    LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$MAN" >"$tmp/out" 2>"$tmp/err"
    if [ -s "$tmp/out" ] && [ ! -s "$tmp/err" ]; then ok "renders without warnings"; else
        fail "man -l: $(head -3 "$tmp/err")"; fi
fi

e2e_done manpage
