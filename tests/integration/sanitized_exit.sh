#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# ctest sanitized_exit (ASan builds only): procglass with the PCP module loaded exits cleanly
# under the leak checker wherever it is installed. GCC 12's sanitizer runtime misreads libpcp's
# dynamic TLS block when malloc places it 16 bytes past a page boundary and its tracer crashes at
# exit; where that block lands follows from the lengths of the program's own paths. build.sh sets
# ASAN_OPTIONS=intercept_tls_get_addr=0 for the sanitizer pass; this test runs one command from
# 64 folders of different lengths under /tmp (here, without that option, the one of 23 characters
# crashed every time) and fails on the first that does not exit 0. /tmp, not $TMPDIR: a fixed
# prefix keeps the lengths tried the same on every machine.
#   sanitized_exit.sh APP_DIR      (APP_DIR holds procglass and procglass-pcp.so)
set -euo pipefail
app=$1
work=$(mktemp -d /tmp/pg.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$app/procglass" record -o "$work/a" --interval 200 --duration 1 >/dev/null 2>"$work/err" \
    || { echo "procglass record failed: $(tail -n 3 "$work/err")" >&2; exit 1; }
for n in $(seq 1 64); do
    dir=$work/$(printf '%*s' "$n" '' | tr ' ' d)
    mkdir "$dir"
    cp "$app/procglass" "$app/procglass-pcp.so" "$dir/"
    rc=0
    "$dir/procglass" export processes --archive "$work/a" --at +0 >/dev/null 2>"$work/err" || rc=$?
    if [ "$rc" -ne 0 ]; then
        echo "procglass run from a folder of $n characters exited with $rc" \
            "(ASAN_OPTIONS=${ASAN_OPTIONS:-unset}):" >&2
        grep -v '^procglass export: warning' "$work/err" | head -n 5 >&2
        exit 1
    fi
    rm -rf "$dir"
done
echo "procglass exited 0 from 64 folders of 1 to 64 characters"
