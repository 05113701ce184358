#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds a libFuzzer target with the `fuzz` preset (clang-19, ASan, UBSan) and runs it for a
# bounded number of executions on its seed corpus.
# Usage: run_fuzz.sh REPO_ROOT RUNS [frontend|request_guard|manifest] [MAX_SECONDS]
set -euo pipefail
root="$1"
runs="${2:-20000}"
target="${3:-frontend}"
max_seconds="${4:-600}"
cd "$root"
# One build tree for every target: a lock keeps concurrent CTest runs from building it at once.
mkdir -p build
exec 9>build/.fuzz-build.lock
flock 9
[[ -f build/fuzz/CMakeCache.txt ]] || cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target "fuzz_$target" >/dev/null
flock -u 9

corpus="$(mktemp -d)"
trap 'rm -rf "$corpus"' EXIT
case "$target" in
frontend)
    cp samples/*/*.py "$corpus"/
    # Programs with try/except/finally, raise and methods, whose paths the samples hardly take.
    cp tests/programs/exc_*.py tests/programs/cls_*.py "$corpus"/
    # Each case of the diagnostics table is a small erroneous program: good seeds.
    awk -v dir="$corpus" '/^=== /{n++; next} /^--- /{next} n>0 {print > (dir "/case" n ".py")}' tests/lang/diagnostics.txt
    max_len=4096 ;;
request_guard)
    cp tests/fuzz/corpus/request_guard/* "$corpus"/
    max_len=8192 ;;
manifest)
    cp tests/fuzz/corpus/manifest/* samples/*/hotpath.json "$corpus"/ 2>/dev/null || cp tests/fuzz/corpus/manifest/* "$corpus"/
    max_len=2048 ;;
*)
    echo "run_fuzz.sh: unknown target '$target'" >&2; exit 2 ;;
esac
# -max_total_time bounds a slow machine; -runs bounds a fast one.
"build/fuzz/tests/fuzz/fuzz_$target" -runs="$runs" -max_len="$max_len" -timeout=10 -max_total_time="$max_seconds" \
    -print_final_stats=1 "$corpus" 2>&1 | tail -n 20
