#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# ctest packaging_completion: sources the bash completion and completes as bash would (COMP_WORDS
# and COMP_CWORD set, the function `complete -p procglass` names called), checking the answers
# against what the program prints: `procglass export <TAB>` gives exactly the tables of export
# --help, `--page <TAB>` the pages of --help, `-<TAB>` every option, `--pid <TAB>` and
# `export memory <TAB>` (and `maps`) process ids.
#   completion.sh COMPLETION_FILE PROCGLASS
set -euo pipefail
# shellcheck disable=SC2034 # procglass: read by help_lists.sh
completion=$1 procglass=$2
# shellcheck source=help_lists.sh
source "$(dirname "$0")/help_lists.sh"
# shellcheck disable=SC1090
source "$completion"

spec=$(complete -p procglass) || { echo "the file registers no completion for procglass" >&2; exit 1; }
function=$(sed -n 's/.*-F \([^ ]*\).*/\1/p' <<<"$spec")
[ -n "$function" ] || { echo "no completion function in: $spec" >&2; exit 1; }

# complete WORD...: completes the last word (empty for "procglass export <TAB>"); prints the
# answers sorted, one a line.
complete_words()
{
    COMP_WORDS=("$@")
    COMP_CWORD=$(($# - 1))
    COMP_LINE="$*"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    "$function" procglass "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}" || true
    ((${#COMPREPLY[@]} == 0)) || printf '%s\n' "${COMPREPLY[@]}" | sort -u
}

failed=0
same()
{
    # same WHAT EXPECTED ACTUAL
    if [ "$2" != "$3" ] || [ -z "$2" ]; then
        printf '%s: expected\n%s\ngot\n%s\n' "$1" "$2" "$3" >&2
        failed=1
    fi
}
contains()
{
    # contains WHAT NEEDLE LIST
    if ! grep -qxF -- "$2" <<<"$3"; then
        printf '%s: %s is not among\n%s\n' "$1" "$2" "$3" >&2
        failed=1
    fi
}

same "procglass export <TAB>" "$(help_tables)" "$(complete_words procglass export '')"
same "procglass export --interval 500 <TAB>" "$(help_tables)" \
    "$(complete_words procglass export --interval 500 '')"
same "procglass export i<TAB>" "interrupts" "$(complete_words procglass export i)"
same "procglass --page <TAB>" "$(help_pages)" "$(complete_words procglass --page '')"
same "procglass --page=m<TAB>" "$(printf -- '--page=memory\n--page=memusage')" \
    "$(complete_words procglass --page=m)"
same "procglass -<TAB>" "$(help_options)" "$(complete_words procglass -)"
same "procglass export processes -<TAB>" "$(help_options export)" \
    "$(complete_words procglass export processes -)"
same "procglass <TAB>" "$(printf 'export\nrecord')" "$(complete_words procglass '')"
same "procglass export memory --by <TAB>" "$(printf 'mapping\nprocess\nuser')" \
    "$(complete_words procglass export memory --by '')"

# Process ids: this shell's is there, under /proc and under a --proc-root tree.
contains "procglass --pid <TAB>" "$$" "$(complete_words procglass --pid '')"
contains "procglass export memory <TAB>" "$$" "$(complete_words procglass export memory '')"
contains "procglass export maps <TAB>" "$$" "$(complete_words procglass export maps '')"
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
mkdir "$tree/4242" "$tree/77"
same "procglass export --proc-root TREE memory <TAB>" "$(printf '4242\n77')" \
    "$(complete_words procglass export --proc-root "$tree" memory '')"
# After the pid of memory, and after a table that takes none, nothing more.
for words in "export memory 77" "export system"; do
    # shellcheck disable=SC2086
    answer=$(complete_words procglass $words '')
    [ -z "$answer" ] || { printf 'procglass %s <TAB>: expected nothing, got\n%s\n' "$words" "$answer" >&2; failed=1; }
done
exit $failed
