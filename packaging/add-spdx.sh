#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Puts "// SPDX-License-Identifier: GPL-3.0-or-later" on the first line of every .cpp and .h under
# app/ core/ ui/ tests/ that does not have it in its first five lines. Idempotent: a second run
# changes nothing. Run from anywhere; prints the files it changed.
#   packaging/add-spdx.sh
set -euo pipefail
cd "$(dirname "$0")/.."
line='// SPDX-License-Identifier: GPL-3.0-or-later'
find app core ui tests \( -name '*.cpp' -o -name '*.h' \) -type f -print0 | sort -z |
    while IFS= read -r -d '' f; do
        head -n 5 "$f" | grep -qxF "$line" && continue
        tmp=$(mktemp "$f.XXXXXX")
        { printf '%s\n' "$line"; cat "$f"; } >"$tmp"
        chmod --reference="$f" "$tmp"
        mv "$tmp" "$f"
        echo "$f"
    done
