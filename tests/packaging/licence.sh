#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# ctest packaging_licence: the project is GPL-3.0-or-later everywhere a packager looks: LICENSE is
# the GPL version 3, the AppStream file's project_license says it, and every .cpp and .h under
# app/ core/ ui/ tests/ says "// SPDX-License-Identifier: GPL-3.0-or-later" in its first five
# lines (packaging/add-spdx.sh adds it where it is missing).
#   licence.sh SOURCE_DIR
set -euo pipefail
cd "$1"
head -n 2 LICENSE | grep -q 'GNU GENERAL PUBLIC LICENSE' && head -n 2 LICENSE | grep -q 'Version 3, 29 June 2007' \
    || { echo "LICENSE is not the GNU GPL version 3" >&2; exit 1; }
grep -q '<project_license>GPL-3.0-or-later</project_license>' packaging/*.metainfo.xml \
    || { echo "the AppStream file has no <project_license>GPL-3.0-or-later</project_license>" >&2; exit 1; }
line='// SPDX-License-Identifier: GPL-3.0-or-later'
count=0 missing=()
while IFS= read -r -d '' f; do
    count=$((count + 1))
    head -n 5 "$f" | grep -qxF "$line" || missing+=("$f")
done < <(find app core ui tests \( -name '*.cpp' -o -name '*.h' \) -type f -print0 | sort -z)
[ "$count" -gt 0 ] || { echo "no source files found under $1" >&2; exit 1; }
if [ ${#missing[@]} -gt 0 ]; then
    echo "${#missing[@]} of $count source files have no '$line' in their first lines" \
        "(run packaging/add-spdx.sh):" >&2
    printf '  %s\n' "${missing[@]}" >&2
    exit 1
fi
echo "all $count source files carry the SPDX line"
