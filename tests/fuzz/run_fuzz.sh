#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the front-end fuzzer with the `fuzz` preset (clang-19, ASan, UBSan, libFuzzer)
# and runs it for a bounded number of executions on a seed corpus made from the
# samples and the diagnostics table. Usage: run_fuzz.sh REPO_ROOT RUNS
set -euo pipefail
root="$1"
runs="${2:-20000}"
cd "$root"
[[ -f build/fuzz/CMakeCache.txt ]] || cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target fuzz_frontend >/dev/null

corpus="$(mktemp -d)"
trap 'rm -rf "$corpus"' EXIT
cp samples/*/*.py "$corpus"/
# Each case of the diagnostics table is a small erroneous program: good seeds.
awk -v dir="$corpus" '/^=== /{n++; next} /^--- /{next} n>0 {print > (dir "/case" n ".py")}' tests/lang/diagnostics.txt
# -max_total_time bounds a slow machine; -runs bounds a fast one.
build/fuzz/tests/fuzz/fuzz_frontend -runs="$runs" -max_len=4096 -timeout=10 -max_total_time=600 \
    -print_final_stats=1 "$corpus" 2>&1 | tail -n 20
