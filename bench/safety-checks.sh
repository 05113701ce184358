#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# What the safety checks cost, per tier: each kernel's main(n) call time (from `hotpath
# run --stats`, compile excluded) with the checks (deadline and cancel polls on loop
# back-edges and calls, overflow checks on + - *, list bounds checks) and without
# (`--unchecked`), the JIT at -O2, median of RUNS runs, side by side in one run. Prints a
# Markdown table with the slowdown per kernel and tier and the geometric means.
# Usage: bench/safety-checks.sh [RUNS]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HOTPATH=${HOTPATH:-$ROOT/build/release/app/hotpath}
RUNS=${1:-5}

call_ms() { # TIER FILE N [--unchecked]: the median call time in ms
    for _ in $(seq "$RUNS"); do
        "$HOTPATH" run "$2" main "$3" --tier "$1" --stats ${4:-} 2>&1 >/dev/null | awk '/^call:/ {print $2}'
    done | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

echo "| kernel | n | interp checked ms | interp unchecked ms | interp slowdown | JIT checked ms | JIT unchecked ms | JIT slowdown |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
declare -A product=([interp]=1 [jit]=1)
count=0
while read -r kernel n; do
    [[ -z $kernel ]] && continue
    file="$ROOT/bench/kernels/$kernel.py"
    row="| $kernel | $n"
    for tier in interp jit; do
        # Same answer both ways (the kernels never overflow or index out of range).
        if [[ "$("$HOTPATH" run "$file" main "$n" --tier $tier)" != "$("$HOTPATH" run "$file" main "$n" --tier $tier --unchecked)" ]]; then
            echo "$kernel: different output without checks ($tier)" >&2
            exit 1
        fi
        checked=$(call_ms $tier "$file" "$n")
        unchecked=$(call_ms $tier "$file" "$n" --unchecked)
        ratio=$(awk -v a="$checked" -v b="$unchecked" 'BEGIN {printf "%.4f", a / b}')
        product[$tier]=$(awk -v p="${product[$tier]}" -v r="$ratio" 'BEGIN {printf "%.6f", p * r}')
        row+=$(printf ' | %.1f | %.1f | %+.1f%%' "$checked" "$unchecked" "$(awk -v r="$ratio" 'BEGIN {print (r - 1) * 100}')")
    done
    count=$((count + 1))
    echo "$row |"
done < "$ROOT/bench/kernels/sizes.txt"
awk -v i="${product[interp]}" -v j="${product[jit]}" -v n="$count" \
    'BEGIN {printf "| geomean | | | | %+.1f%% | | | %+.1f%% |\n", (i ^ (1 / n) - 1) * 100, (j ^ (1 / n) - 1) * 100}'
