#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# What the JIT's safety checks cost: each kernel's main(n) call time (from `hotpath run
# --stats`, compile excluded) with the checks (deadline and cancel polls on loop back-edges
# and calls, overflow checks on + - *, list bounds checks) and without (`--unchecked`), at
# -O2, median of RUNS runs, side by side in one run. Prints a Markdown table with the
# slowdown per kernel and the geometric mean. Usage: bench/safety-checks.sh [RUNS]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HOTPATH=${HOTPATH:-$ROOT/build/release/app/hotpath}
RUNS=${1:-5}

call_ms() { # FILE N [--unchecked]: the median call time in ms
    for _ in $(seq "$RUNS"); do
        "$HOTPATH" run "$1" main "$2" --stats ${3:-} 2>&1 >/dev/null | awk '/^call:/ {print $2}'
    done | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

echo "| kernel | n | checked ms | unchecked ms | slowdown |"
echo "|---|---:|---:|---:|---:|"
product=1
count=0
while read -r kernel n; do
    [[ -z $kernel ]] && continue
    file="$ROOT/bench/kernels/$kernel.py"
    # Same answer both ways (the kernels never overflow or index out of range).
    if [[ "$("$HOTPATH" run "$file" main "$n")" != "$("$HOTPATH" run "$file" main "$n" --unchecked)" ]]; then
        echo "$kernel: different output without checks" >&2
        exit 1
    fi
    checked=$(call_ms "$file" "$n")
    unchecked=$(call_ms "$file" "$n" --unchecked)
    ratio=$(awk -v a="$checked" -v b="$unchecked" 'BEGIN {printf "%.3f", a / b}')
    product=$(awk -v p="$product" -v r="$ratio" 'BEGIN {printf "%.6f", p * r}')
    count=$((count + 1))
    printf '| %s | %s | %.1f | %.1f | %+.1f%% |\n' "$kernel" "$n" "$checked" "$unchecked" "$(awk -v r="$ratio" 'BEGIN {print (r - 1) * 100}')"
done < "$ROOT/bench/kernels/sizes.txt"
awk -v p="$product" -v n="$count" 'BEGIN {printf "| geomean | | | | %+.1f%% |\n", (p ^ (1 / n) - 1) * 100}'
