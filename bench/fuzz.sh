#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every libFuzzer target (ASan + UBSan) for longer than CTest does and prints
# executions, executions per second and crashes. Usage: bench/fuzz.sh [SECONDS_EACH]
set -euo pipefail
root="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd -P)"
seconds="${1:-300}"
for target in frontend request_guard manifest; do
    echo "== fuzz_$target, ${seconds} s"
    "$root/tests/fuzz/run_fuzz.sh" "$root" -1 "$target" "$seconds" |
        grep -E 'stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb|ERROR|SUMMARY|crash-' || true
done
