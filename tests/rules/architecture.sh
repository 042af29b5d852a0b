#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# ctest architecture_rules: the layering rules README's Architecture section states, checked on
# the #include lines of every source file, each failure named with its file and line:
#   1. core/ has no Qt outside core/sampler/ and core/metatypes/ (the parsers stay plain C++);
#   2. ui/ opens no file itself: no <fstream>, <cstdio>, <fcntl.h>, <QFile>, core/base/ProcFs.h;
#   3. no model (ui/**/*Model*) includes a header of core/sampler/;
#   4. only ui/shell/ and app/ include ui/shell/MainWindow.h, and MainWindow includes no page
#      folder (only ui/shell/ and ui/common/);
#   5. no file of one ui/ feature folder includes another folder's page (ui/X/*Page.h).
#   architecture.sh SOURCE_DIR
set -euo pipefail
cd "$1"
broken=()
add() { while IFS= read -r hit; do [ -n "$hit" ] && broken+=("$1: $hit"); done; }

add "Qt in core/ outside core/sampler and core/metatypes" < <(
    grep -rnE '#include [<"]Q[A-Za-z]*[>"]' core --include='*.h' --include='*.cpp' \
        | grep -vE '^core/(sampler|metatypes)/' || true)
add "file access in ui/" < <(
    grep -rnE '#include (<fstream>|<cstdio>|<stdio\.h>|<fcntl\.h>|<QFile>|"core/base/ProcFs\.h")' ui \
        --include='*.h' --include='*.cpp' || true)
add "a model includes a sampler header" < <(
    find ui -type f -name '*Model*' \( -name '*.h' -o -name '*.cpp' \) -print0 \
        | xargs -0 -r grep -nH '#include "core/sampler/' || true)
add "MainWindow included outside ui/shell and app" < <(
    grep -rn '#include "ui/shell/MainWindow.h"' core ui --include='*.h' --include='*.cpp' \
        | grep -v '^ui/shell/' || true)
add "MainWindow includes a page folder" < <(
    grep -nH '#include "ui/' ui/shell/MainWindow.h ui/shell/MainWindow.cpp \
        | grep -vE '#include "ui/(shell|common)/' || true)
while IFS= read -r -d '' f; do
    feature=$(cut -d/ -f2 <<<"$f")
    add "a page includes another folder's page" < <(
        grep -nH -E '#include "ui/[a-z]+/[A-Za-z]+Page\.h"' "$f" \
            | grep -vE "#include \"ui/($feature|shell)/" || true)
done < <(find ui -type f \( -name '*.h' -o -name '*.cpp' \) -print0)

files=$(find core ui app -type f \( -name '*.h' -o -name '*.cpp' \) | wc -l)
[ "$files" -gt 100 ] || { echo "only $files source files under core, ui and app: wrong folder?" >&2; exit 1; }
if [ ${#broken[@]} -gt 0 ]; then
    echo "${#broken[@]} include(s) break the layering rules (README, Architecture):" >&2
    printf '  %s\n' "${broken[@]}" >&2
    exit 1
fi
echo "the layering rules hold in all $files source files under core, ui and app"
