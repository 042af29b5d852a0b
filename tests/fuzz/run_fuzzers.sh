#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each one: first over its seeds
# (the test fixtures named in targets.txt plus every kept crasher in crashers/<target>/), then a
# bounded fuzz run. Exit status non-zero if any target crashes, leaks or trips a sanitizer.
#
#   tests/fuzz/run_fuzzers.sh [SECONDS_PER_TARGET] [BUILD_DIR]     (default 10 s, build-fuzz/)
# A long run: tests/fuzz/run_fuzzers.sh 600
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:-10}
build=${2:-$src/build-fuzz}
command -v clang++ >/dev/null || { echo "run_fuzzers.sh: clang++ is needed (apt-get install clang libclang-rt-14-dev)" >&2; exit 1; }

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [ ! -f "$build/CMakeCache.txt" ]; then
    CXX=clang++ cmake -S "$src" -B "$build" "${generator[@]}" -DPROCGLASS_FUZZ_ONLY=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
if ! cmake --build "$build" --target fuzzers -j "$(nproc)" >"$build/fuzz-build.log" 2>&1; then
    echo "run_fuzzers.sh: building the fuzzers failed:" >&2
    grep -E 'error|Error' -A3 "$build/fuzz-build.log" | head -40 >&2
    exit 1
fi

failed=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
while read -r name function globs; do
    case "$name" in ''|'#'*) continue ;; esac
    seeds="$work/seeds-$name"
    corpus="$work/corpus-$name"
    mkdir -p "$seeds" "$corpus"
    for g in $globs; do
        for f in "$src"/tests/data/$g; do [ -f "$f" ] && cp "$f" "$seeds/"; done
    done
    [ -d "$src/tests/fuzz/crashers/$name" ] && cp "$src"/tests/fuzz/crashers/"$name"/* "$seeds/" 2>/dev/null || true
    n=$(ls "$seeds" | wc -l)
    [ -x "$build/tests/fuzz/fuzz_$name" ] || { echo "FAIL fuzz_$name: not built"; failed=1; continue; }
    if ! "$build/tests/fuzz/fuzz_$name" -runs=0 "$seeds" >"$work/$name.seeds.log" 2>&1; then
        echo "FAIL fuzz_$name: crashed on a seed"; tail -30 "$work/$name.seeds.log"; failed=1; continue
    fi
    if "$build/tests/fuzz/fuzz_$name" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 \
            -artifact_prefix="$work/$name-" "$corpus" "$seeds" >"$work/$name.log" 2>&1; then
        runs=$(grep -o 'Done [0-9]* runs' "$work/$name.log" | grep -o '[0-9]*' || echo '?')
        echo "ok   fuzz_$name: $n seeds, $runs runs in ${seconds}s"
    else
        echo "FAIL fuzz_$name: see the artifact below (keep it in tests/fuzz/crashers/$name/ once fixed)"
        tail -40 "$work/$name.log"
        ls "$work"/"$name"-* 2>/dev/null && mkdir -p "$src/tests/fuzz/crashers-new/$name" && cp "$work"/"$name"-* "$src/tests/fuzz/crashers-new/$name/"
        failed=1
    fi
done < "$src/tests/fuzz/targets.txt"
exit $failed
