# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by the packaging tests: what the program itself says about its options, pages and
# tables, so that the man page and the completion are checked against it, not against a copy.
# Needs $procglass (the binary), set by the script that sources this file.
# shellcheck disable=SC2154

# Every option --help (or export --help) lists, one a line: "-h", "--help", "--interval", ...
help_options()
{
    "$procglass" "$@" --help | awk '/^  +-/ { sub(/^ +/, ""); sub(/  .*/, ""); print }' \
        | grep -oE -- '--?[a-z][a-z-]*' | sort -u
}

# The page ids --page takes, from the --help text (its line may wrap): one a line.
help_pages()
{
    "$procglass" --help | tr '\n' ' ' | tr -s ' ' \
        | sed -n 's/.*Start on this page: \([^(]*\) (this run only).*/\1/p' \
        | tr ',' '\n' | tr -d ' ' | grep -v '^$' | sort -u
}

# The tables `procglass export --help` lists under "Tables:": one a line.
help_tables()
{
    "$procglass" export --help | awk '/^Tables:/ { on = 1; next } on && /^$/ { exit } on { print $1 }' \
        | sort -u
}
