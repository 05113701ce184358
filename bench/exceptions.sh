#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# What `try` costs on the path that raises nothing, per tier: the call time of one hot loop
# (bench/exceptions/try_loop.py) bare, inside a try, with a try/except/finally around every
# iteration, and raising and catching every 16th iteration; median of RUNS runs of
# `hotpath run --stats` (compile excluded), the JIT at -O2, and CPython's time for the same
# call beside it. Prints a Markdown table with each variant's time relative to the bare loop.
# Usage: bench/exceptions.sh [N] [RUNS]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HOTPATH=${HOTPATH:-$ROOT/build/release/app/hotpath}
FILE=$ROOT/bench/exceptions/try_loop.py
N=${1:-5000000}
RUNS=${2:-5}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
hotpath_ms() { # TIER FUNCTION
    for _ in $(seq "$RUNS"); do
        "$HOTPATH" run "$FILE" "$2" "$N" --tier "$1" --stats 2>&1 >/dev/null | awk '/^call:/ {print $2}'
    done | median
}
cpython_ms() { # FUNCTION
    for _ in $(seq "$RUNS"); do
        /usr/bin/python3 -c "
import runpy, time
f = runpy.run_path('$FILE')['$1']
t = time.perf_counter(); f($N); print((time.perf_counter() - t) * 1000)"
    done | median
}

for f in plain guarded guarded_each raising; do
    a=$("$HOTPATH" run "$FILE" "$f" "$N" --tier interp)
    b=$("$HOTPATH" run "$FILE" "$f" "$N" --tier jit)
    [[ "$a" == "$b" ]] || { echo "$f: the tiers differ ($a vs $b)" >&2; exit 1; }
done

echo "| variant (n=$N) | interp ms | vs bare | JIT ms | vs bare | CPython ms | vs bare |"
echo "|---|---:|---:|---:|---:|---:|---:|"
declare -A base
for f in plain guarded guarded_each raising; do
    row="| $f"
    for tier in interp jit cpython; do
        if [[ $tier == cpython ]]; then ms=$(cpython_ms "$f"); else ms=$(hotpath_ms "$tier" "$f"); fi
        [[ $f == plain ]] && base[$tier]=$ms
        row+=$(printf ' | %.1f | %+.1f%%' "$ms" "$(awk -v a="$ms" -v b="${base[$tier]}" 'BEGIN {print (a / b - 1) * 100}')")
    done
    echo "$row |"
done
