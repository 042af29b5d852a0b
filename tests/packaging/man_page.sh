#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# ctest packaging_man_page: procglass.1 renders without a warning (man -l, else groff), and names
# every option `procglass --help` and `procglass export --help` print, every page id, every
# export table and every column of `export processes`, so that the page cannot drift from the
# program.
#   man_page.sh MAN_PAGE PROCGLASS PROC_ROOT
set -euo pipefail
man_page=$1 procglass=$2 proc_root=$3
# shellcheck source=help_lists.sh
source "$(dirname "$0")/help_lists.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if command -v man >/dev/null; then
    MANWIDTH=200 man --warnings -l "$man_page" >"$tmp/page" 2>"$tmp/warnings"
elif command -v groff >/dev/null; then
    groff -man -Tutf8 -ww -rLL=200n -P-cbou "$man_page" >"$tmp/page" 2>"$tmp/warnings"
else
    echo "neither man nor groff is installed (Debian: man-db)" >&2
    exit 1
fi
if [ -s "$tmp/warnings" ]; then
    echo "rendering $man_page warned:" >&2
    cat "$tmp/warnings" >&2
    exit 1
fi
# groff's UTF-8 device may print a hyphen or a minus sign for '-': compare in ASCII.
sed -i 's/\xe2\x80\x90/-/g; s/\xe2\x88\x92/-/g' "$tmp/page"
grep -q '^NAME' "$tmp/page" || { echo "the rendered page has no NAME section" >&2; exit 1; }

missing=0
expect()
{
    # $1 as a whole word (not inside a longer option or name).
    if ! grep -qE -- "(^|[^A-Za-z0-9_-])$1([^A-Za-z0-9_-]|\$)" "$tmp/page"; then
        echo "procglass.1 does not name $2 '$1'" >&2
        missing=1
    fi
}
for o in $(help_options); do expect "$o" "the option"; done
for o in $(help_options export); do expect "$o" "the export option"; done
for p in $(help_pages); do expect "$p" "the page"; done
for t in $(help_tables); do expect "$t" "the export table"; done
header=$("$procglass" export processes --proc-root "$proc_root" --interval 100 2>/dev/null | head -n 1 | tr -d '\r')
[ -n "$header" ] || { echo "procglass export processes printed no header" >&2; exit 1; }
for c in ${header//,/ }; do expect "$c" "the processes column"; done
# The lists above must not be empty: an empty one would check nothing.
[ "$(help_options | wc -l)" -ge 6 ] && [ "$(help_pages | wc -l)" -ge 4 ] \
    && [ "$(help_tables | wc -l)" -ge 4 ] || { echo "could not read the lists from --help" >&2; exit 1; }
exit $missing
