#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# ctest packaging_deb: `cpack -G DEB` (into a temporary folder, not the build's) makes a .deb that
# carries the program and its window program (libexec/procglass/procglass-gui, where procglass
# looks for it), the man page (which renders), the bash completion and the copyright file
# naming GPL-3.0-or-later.
#   deb_contents.sh BUILD_DIR
set -euo pipefail
build=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! cpack --config "$build/CPackConfig.cmake" -G DEB -B "$tmp" >"$tmp/cpack.log" 2>&1; then
    cat "$tmp/cpack.log" >&2
    exit 1
fi
deb=$(find "$tmp" -maxdepth 1 -name 'procglass_*.deb' | head -n 1)
[ -n "$deb" ] || { echo "cpack made no procglass_*.deb" >&2; cat "$tmp/cpack.log" >&2; exit 1; }
dpkg-deb -c "$deb" | awk '{ print $6 }' >"$tmp/list"
failed=0
for f in ./usr/bin/procglass ./usr/libexec/procglass/procglass-gui ./usr/libexec/procglass/procglass-pcp.so ./usr/share/man/man1/procglass.1.gz \
    ./usr/share/bash-completion/completions/procglass ./usr/share/doc/procglass/copyright \
    ./usr/share/metainfo/io.github.procglass.Procglass.metainfo.xml; do
    grep -qxF "$f" "$tmp/list" || { echo "$(basename "$deb") does not carry $f" >&2; failed=1; }
done
mkdir "$tmp/root"
dpkg-deb -x "$deb" "$tmp/root"
grep -q '^License: GPL-3.0-or-later$' "$tmp/root/usr/share/doc/procglass/copyright" \
    || { echo "the copyright file does not say License: GPL-3.0-or-later" >&2; failed=1; }
grep -q '<project_license>GPL-3.0-or-later</project_license>' \
    "$tmp/root/usr/share/metainfo/io.github.procglass.Procglass.metainfo.xml" \
    || { echo "the AppStream file has no project_license GPL-3.0-or-later" >&2; failed=1; }
if command -v man >/dev/null; then
    MANWIDTH=100 man -l "$tmp/root/usr/share/man/man1/procglass.1.gz" 2>&1 | grep -q '^NAME' \
        || { echo "the packaged man page does not render" >&2; failed=1; }
fi
exit $failed
