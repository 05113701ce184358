#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Times the benchmark kernels in bench/kernels/ under Hotpath
# (`hotpath run FILE.py main N --tier interp|jit`) and under CPython, checks that
# both print the same checksum line, and prints a Markdown table with the
# median wall time of each (whole process, start-up included), the speed-up
# and the peak resident memory of each. See bench/README.md.
#
# Environment: HOTPATH (default build/release/app/hotpath), PYTHON (default
# /usr/bin/python3).

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KERNEL_DIR=$ROOT/bench/kernels
SIZES=$KERNEL_DIR/sizes.txt
HOTPATH=${HOTPATH:-$ROOT/build/release/app/hotpath}
PYTHON=${PYTHON:-/usr/bin/python3}
# Runs the kernel file's main(n) exactly as a user would under CPython.
PY_RUNNER="import runpy,sys; runpy.run_path(sys.argv[1])['main'](int(sys.argv[2]))"

RUNS=5
TIER=interp
QUICK=0
KERNELS=""
CPYTHON_ONLY=0
USE_HYPERFINE=1

usage() {
    cat <<EOF
Usage: bench/run-kernels.sh [OPTIONS]

Times each kernel listed in bench/kernels/sizes.txt under Hotpath and CPython
and prints a Markdown table (progress goes to stderr).

Options:
  --kernels a,b,...   only these kernels (default: all in sizes.txt)
  --runs N            timed runs per implementation; the median is reported (default 5)
  --tier interp|jit   Hotpath tier (default interp)
  --quick             n/10 (fib: n-5, as its work grows by 1.6x per step)
  --cpython-only      time only CPython; the Hotpath binary is not needed
  --no-hyperfine      time with a shell loop even if hyperfine is installed
  --hotpath PATH      Hotpath binary (default \$HOTPATH or build/release/app/hotpath)
  -h, --help          show this help

Exit status: 0 all kernels ran and printed the same checksum under both;
1 a kernel failed or printed a different checksum; 2 bad usage or setup.
EOF
}

die() {
    echo "run-kernels.sh: error: $*" >&2
    exit 2
}

log() {
    echo "$*" >&2
}

need_value() {
    [[ $# -ge 2 && -n $2 ]] || die "$1 needs a value (see --help)"
}

while [[ $# -gt 0 ]]; do
    case $1 in
        --kernels) need_value "$@"; KERNELS=$2; shift 2 ;;
        --kernels=*) KERNELS=${1#*=}; shift ;;
        --runs) need_value "$@"; RUNS=$2; shift 2 ;;
        --runs=*) RUNS=${1#*=}; shift ;;
        --tier) need_value "$@"; TIER=$2; shift 2 ;;
        --tier=*) TIER=${1#*=}; shift ;;
        --hotpath) need_value "$@"; HOTPATH=$2; shift 2 ;;
        --hotpath=*) HOTPATH=${1#*=}; shift ;;
        --quick) QUICK=1; shift ;;
        --cpython-only) CPYTHON_ONLY=1; shift ;;
        --no-hyperfine) USE_HYPERFINE=0; shift ;;
        -h | --help) usage; exit 0 ;;
        *) die "unknown argument '$1' (see --help)" ;;
    esac
done

[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer, got '$RUNS'"
[[ $TIER == interp || $TIER == jit ]] || die "--tier must be interp or jit, got '$TIER'"
[[ -f $SIZES ]] || die "$SIZES not found"
[[ -x $PYTHON ]] || die "CPython not found at $PYTHON (set PYTHON=/path/to/python3)"
[[ -x /usr/bin/time ]] || die "/usr/bin/time is needed for peak memory (apt-get install time)"
if [[ $CPYTHON_ONLY -eq 0 ]]; then
    if [[ ! -e $HOTPATH ]]; then
        die "Hotpath binary not found: $HOTPATH
  build it with:  cmake --preset release && cmake --build --preset release
  or point to one: HOTPATH=/path/to/hotpath bench/run-kernels.sh  (or --hotpath PATH)
  or time only CPython: bench/run-kernels.sh --cpython-only"
    fi
    [[ -x $HOTPATH && ! -d $HOTPATH ]] || die "Hotpath binary is not an executable file: $HOTPATH"
fi
if [[ $USE_HYPERFINE -eq 1 ]] && ! command -v hyperfine >/dev/null 2>&1; then
    log "hyperfine not found (apt-get install hyperfine); timing with a shell loop"
    USE_HYPERFINE=0
fi

# Kernel names and sizes, in file order. Blank lines and '#' comments are skipped.
declare -a ALL_KERNELS=()
declare -A SIZE=()
while read -r name n rest; do
    [[ -z ${name:-} || $name == \#* ]] && continue
    [[ -z ${rest:-} ]] || die "$SIZES: expected '<kernel> <n>', got '$name $n $rest'"
    [[ ${n:-} =~ ^[0-9]+$ ]] || die "$SIZES: bad size '${n:-}' for kernel '$name'"
    ALL_KERNELS+=("$name")
    SIZE[$name]=$n
done <"$SIZES"

declare -a SELECTED=()
if [[ -n $KERNELS ]]; then
    IFS=',' read -r -a SELECTED <<<"$KERNELS"
    for k in "${SELECTED[@]}"; do
        [[ -n ${SIZE[$k]:-} ]] || die "unknown kernel '$k' (known: ${ALL_KERNELS[*]})"
    done
else
    SELECTED=("${ALL_KERNELS[@]}")
fi
[[ ${#SELECTED[@]} -gt 0 ]] || die "no kernels selected"
for k in "${SELECTED[@]}"; do
    [[ -f $KERNEL_DIR/$k.py ]] || die "kernel file $KERNEL_DIR/$k.py not found"
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/run-kernels.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

size_for() {
    local k=$1 n=${SIZE[$1]}
    if [[ $QUICK -eq 1 ]]; then
        if [[ $k == fib ]]; then
            n=$((n - 5))
        else
            n=$((n / 10))
        fi
        [[ $n -ge 1 ]] || n=1
    fi
    echo "$n"
}

# run_checked PREFIX CMD...: one run that keeps stdout, stderr and peak RSS
# (KiB) in $TMP/PREFIX.{out,err,rss}; returns the command's exit status.
run_checked() {
    local prefix=$TMP/$1
    shift
    local status=0
    /usr/bin/time -f %M -o "$prefix.rss" "$@" >"$prefix.out" 2>"$prefix.err" || status=$?
    return "$status"
}

# The checksum line(s): stdout without a trailing 'None' line, which a
# runner that prints main's return value (print(main(n))) would add.
checksum_of() {
    sed -e '${/^None$/d;}' "$1"
}

# median_seconds NAME CMD...: median wall time of $RUNS runs, in seconds.
median_seconds() {
    local name=$1
    shift
    if [[ $USE_HYPERFINE -eq 1 ]]; then
        local cmdline
        cmdline=$(printf '%q ' "$@")
        hyperfine -N --runs "$RUNS" --warmup 0 --style none \
            --export-json "$TMP/$name.json" --command-name "$name" -- "$cmdline" >&2
        "$PYTHON" -c '
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print("   %s: median %.3f s, min %.3f, max %.3f" % (sys.argv[2], r["median"], r["min"], r["max"]), file=sys.stderr)
print(r["median"])' "$TMP/$name.json" "$name"
    else
        local i t0 t1
        for ((i = 0; i < RUNS; i++)); do
            t0=$(date +%s%N)
            "$@" >/dev/null 2>&1 || return 1
            t1=$(date +%s%N)
            echo $((t1 - t0))
        done | sort -n | awk -v name="$name" '{ v[NR] = $1 }
            END {
                m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
                printf "   %s: median %.3f s, min %.3f, max %.3f\n", name, m / 1e9, v[1] / 1e9, v[NR] / 1e9 > "/dev/stderr"
                printf "%.6f\n", m / 1e9
            }'
    fi
}

# show_err FILE: a failed run's stderr, indented; its first and last 3 lines if long.
show_err() {
    local lines
    lines=$(wc -l <"$1")
    if [[ $lines -le 6 ]]; then
        sed -e 's/^/     /' "$1" >&2
    else
        { head -n 3 "$1"; echo "..."; tail -n 3 "$1"; } | sed -e 's/^/     /' >&2
    fi
}

rss_mib() {
    # /usr/bin/time -o may put "Command exited with non-zero status" first.
    tail -n 1 "$1" | awk '{ printf "%.1f", $1 / 1024 }'
}

fmt_s() {
    if [[ $1 == - ]]; then echo -; else awk -v s="$1" 'BEGIN { printf "%.3f", s }'; fi
}

declare -a ROWS=()
FAILED=0
TIMER="hyperfine $(hyperfine --version 2>/dev/null | awk '{ print $2 }')"
[[ $USE_HYPERFINE -eq 1 ]] || TIMER="a shell loop"

for k in "${SELECTED[@]}"; do
    n=$(size_for "$k")
    file=$KERNEL_DIR/$k.py
    py_cmd=("$PYTHON" -c "$PY_RUNNER" "$file" "$n")
    hp_cmd=("$HOTPATH" run "$file" main "$n" --tier "$TIER")

    log "== $k (n=$n)"
    py_s="-" py_mib="-" hp_s="-" hp_mib="-" speedup="-" note=""

    # CPython: one checked run (also the warm-up), then the timed runs.
    if run_checked "$k.py" "${py_cmd[@]}"; then
        py_sum=$(checksum_of "$TMP/$k.py.out")
        py_mib=$(rss_mib "$TMP/$k.py.rss")
        log "   cpython checksum: $py_sum"
        note="\`$py_sum\`"
        if ! py_s=$(median_seconds "$k-cpython" "${py_cmd[@]}"); then
            log "   cpython timing FAILED"
            py_s="-" note="$note; CPython timing failed"
            FAILED=1
        fi
    else
        status=$?
        log "   cpython FAILED (exit $status):"
        show_err "$TMP/$k.py.err"
        py_sum=""
        note="CPython failed (exit $status)"
        FAILED=1
    fi

    if [[ $CPYTHON_ONLY -eq 0 ]]; then
        if run_checked "$k.hp" "${hp_cmd[@]}"; then
            hp_sum=$(checksum_of "$TMP/$k.hp.out")
            hp_mib=$(rss_mib "$TMP/$k.hp.rss")
            log "   hotpath checksum: $hp_sum"
            if [[ -n $py_sum && $hp_sum != "$py_sum" ]]; then
                log "   CHECKSUM DIFFERS: cpython '$py_sum', hotpath '$hp_sum'"
                note="**DIFFERS**: CPython \`$py_sum\`, Hotpath \`$hp_sum\`"
                FAILED=1
            fi
            if ! hp_s=$(median_seconds "$k-hotpath" "${hp_cmd[@]}"); then
                log "   hotpath timing FAILED"
                hp_s="-" note="$note; Hotpath timing failed"
                FAILED=1
            fi
            if [[ $py_s != - && $hp_s != - ]]; then
                speedup=$(awk -v a="$py_s" -v b="$hp_s" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }')
            fi
        else
            status=$?
            log "   hotpath FAILED (exit $status): ${hp_cmd[*]}"
            show_err "$TMP/$k.hp.err"
            note="$note; Hotpath failed (exit $status)"
            FAILED=1
        fi
    fi

    if [[ $CPYTHON_ONLY -eq 1 ]]; then
        ROWS+=("| $k | $n | $(fmt_s "$py_s") | $py_mib | $note |")
    else
        ROWS+=("| $k | $n | $(fmt_s "$py_s") | $(fmt_s "$hp_s") | $speedup | $py_mib | $hp_mib | $note |")
    fi
done

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
echo
echo "Median of $RUNS runs ($TIMER, whole process including start-up) after one checked run;"
echo "peak RSS from /usr/bin/time. $(date -u +%Y-%m-%d), $(nproc) cores${cpu:+, $cpu}, $("$PYTHON" -V 2>&1)."
echo
if [[ $CPYTHON_ONLY -eq 1 ]]; then
    echo "| kernel | n | CPython s | CPython MiB | checksum |"
    echo "|---|---:|---:|---:|---|"
else
    echo "| kernel | n | CPython s | Hotpath $TIER s | speed-up | CPython MiB | Hotpath MiB | checksum |"
    echo "|---|---:|---:|---:|---:|---:|---:|---|"
fi
printf '%s\n' "${ROWS[@]}"

exit "$FAILED"
