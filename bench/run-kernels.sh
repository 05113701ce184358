#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Times the benchmark kernels in bench/kernels/ under CPython, under both
# Hotpath tiers (`hotpath run FILE.py main N --tier interp` and `--tier jit`)
# and as the hand-written C reference (bench/kernels/K.c, compiled once with
# `cc -O2`), checks that all of them print the same checksum line, and prints
# a Markdown table with the median wall time of each (whole process, start-up
# and JIT compilation included), the JIT's compile and call times from
# `hotpath run --stats`, the speed-ups and ratios between them and the peak
# resident memory of CPython and of each tier. See bench/README.md.
#
# Environment: HOTPATH (default build/release/app/hotpath), PYTHON (default
# /usr/bin/python3), CC (default cc).

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KERNEL_DIR=$ROOT/bench/kernels
SIZES=$KERNEL_DIR/sizes.txt
HOTPATH=${HOTPATH:-$ROOT/build/release/app/hotpath}
PYTHON=${PYTHON:-/usr/bin/python3}
CC=${CC:-cc}
C_OPT=-O2
# Runs the kernel file's main(n) exactly as a user would under CPython.
PY_RUNNER="import runpy,sys; runpy.run_path(sys.argv[1])['main'](int(sys.argv[2]))"

RUNS=5
TIER=both
QUICK=0
KERNELS=""
CPYTHON_ONLY=0
USE_HYPERFINE=1
USE_C=1

usage() {
    cat <<EOF
Usage: bench/run-kernels.sh [OPTIONS]

Times each kernel listed in bench/kernels/sizes.txt under CPython, the Hotpath
interpreter, the Hotpath JIT and its C reference (bench/kernels/K.c, compiled
once with \$CC -O2), and prints a Markdown table (progress goes to stderr).

Options:
  --kernels a,b,...   only these kernels (default: all in sizes.txt)
  --runs N            timed runs per implementation; the median is reported (default 5)
  --tier both|interp|jit
                      Hotpath tiers to time (default both); with one tier the
                      other's columns show '-'
  --quick             n/10 (fib: n-5, as its work grows by 1.6x per step)
  --cpython-only      time only CPython; needs no Hotpath binary and no C compiler
  --no-c              skip the C reference; needs no C compiler
  --no-hyperfine      time with a shell loop even if hyperfine is installed
  --hotpath PATH      Hotpath binary (default \$HOTPATH or build/release/app/hotpath)
  -h, --help          show this help

Columns: 'CPython s', 'interp s', 'JIT s' and 'C s' are median wall times of the
whole process (start-up included; 'JIT s' includes compiling). 'JIT compile ms'
and 'JIT call ms' are the medians of the 'jit -O2: <ms> ms' and 'call: <ms> ms'
lines that --runs more runs of 'hotpath run ... --tier jit --stats' print.
'interp vs CPython' = CPython s / interp s, 'JIT vs CPython' = CPython s / JIT s
and 'JIT vs interp' = interp s / JIT s are speed-ups; 'JIT call / C' =
JIT call ms / 1000 / C s is a time ratio (1.00: as fast as C; 2.00: twice C's time).

Environment: HOTPATH, PYTHON (default /usr/bin/python3), CC (default cc).

Exit status: 0 all kernels ran and every implementation printed the same
checksum; 1 a kernel failed, its C reference did not compile, or an
implementation printed a different checksum; 2 bad usage or setup.
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
        --no-c) USE_C=0; shift ;;
        --no-hyperfine) USE_HYPERFINE=0; shift ;;
        -h | --help) usage; exit 0 ;;
        *) die "unknown argument '$1' (see --help)" ;;
    esac
done

[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer, got '$RUNS'"
[[ $TIER == both || $TIER == interp || $TIER == jit ]] || die "--tier must be both, interp or jit, got '$TIER'"
[[ -f $SIZES ]] || die "$SIZES not found"
[[ -x $PYTHON ]] || die "CPython not found at $PYTHON (set PYTHON=/path/to/python3)"
[[ -x /usr/bin/time ]] || die "/usr/bin/time is needed for peak memory (apt-get install time)"
RUN_INTERP=0
RUN_JIT=0
if [[ $CPYTHON_ONLY -eq 1 ]]; then
    USE_C=0
else
    [[ $TIER == jit ]] || RUN_INTERP=1
    [[ $TIER == interp ]] || RUN_JIT=1
    if [[ ! -e $HOTPATH ]]; then
        die "Hotpath binary not found: $HOTPATH
  build it with:  cmake --preset release && cmake --build --preset release
  or point to one: HOTPATH=/path/to/hotpath bench/run-kernels.sh  (or --hotpath PATH)
  or time only CPython: bench/run-kernels.sh --cpython-only"
    fi
    [[ -x $HOTPATH && ! -d $HOTPATH ]] || die "Hotpath binary is not an executable file: $HOTPATH"
fi
if [[ $USE_C -eq 1 ]] && ! command -v "$CC" >/dev/null 2>&1; then
    die "C compiler '$CC' not found (set CC=/path/to/cc, or leave out the C reference with --no-c)"
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

# median_of FILE: the median of the numbers in FILE, one a line; '-' if none.
median_of() {
    sort -g "$1" | awk '{ v[NR] = $1 }
        END {
            if (NR == 0) { print "-"; exit }
            print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        }'
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

fmt_ms() {
    if [[ $1 == - ]]; then echo -; else awk -v ms="$1" 'BEGIN { printf "%.1f", ms }'; fi
}

# ratio A B [SUFFIX]: A / B with 2 decimals and SUFFIX; '-' if either is missing.
ratio() {
    if [[ $1 == - || $2 == - ]]; then
        echo -
    else
        awk -v a="$1" -v b="$2" -v sfx="${3:-}" 'BEGIN { if (b > 0) printf "%.2f%s", a / b, sfx; else print "-" }'
    fi
}

# Per-kernel results, keyed by implementation: py, interp, jit, c.
declare -a IMPLS=(py interp jit c)
declare -A LABEL=([py]=CPython [interp]="Hotpath interp" [jit]="Hotpath JIT" [c]="C $C_OPT")
declare -A T=() MIB=() SUM=()
NOTE=""
COMPILE_MS=-
CALL_MS=-

add_note() {
    NOTE="${NOTE:+$NOTE; }$*"
}

# measure KEY CMD...: one checked run under /usr/bin/time (checksum and peak
# RSS; also the warm-up), then $RUNS timed runs. Sets T[KEY] to the median in
# seconds and MIB[KEY] to the peak RSS ('-' if unknown), and SUM[KEY] to the
# checksum if the checked run succeeded.
measure() {
    local key=$1 label=${LABEL[$1]} status t
    shift
    T[$key]=-
    MIB[$key]=-
    if run_checked "$k.$key" "$@"; then
        SUM[$key]=$(checksum_of "$TMP/$k.$key.out")
        MIB[$key]=$(rss_mib "$TMP/$k.$key.rss")
        log "   $label checksum: ${SUM[$key]}"
        if t=$(median_seconds "$k-$key" "$@"); then
            T[$key]=$t
        else
            log "   $label timing FAILED"
            add_note "$label timing failed"
            FAILED=1
        fi
    else
        status=$?
        log "   $label FAILED (exit $status): $*"
        show_err "$TMP/$k.$key.err"
        add_note "$label failed (exit $status)"
        FAILED=1
    fi
}

# jit_stats CMD...: $RUNS runs of CMD, a 'hotpath run ... --stats'. Sets
# COMPILE_MS and CALL_MS to the medians of the first 'jit -O<n>: <ms> ms ...'
# and 'call: <ms> ms' line of each run's stderr ('-' if there are none).
jit_stats() {
    local i err=$TMP/$k.stats.err
    : >"$TMP/$k.compile"
    : >"$TMP/$k.call"
    COMPILE_MS=-
    CALL_MS=-
    for ((i = 0; i < RUNS; i++)); do
        if ! "$@" >/dev/null 2>"$err"; then
            log "   Hotpath JIT --stats run FAILED: $*"
            show_err "$err"
            add_note "Hotpath JIT --stats run failed"
            FAILED=1
            return 0
        fi
        awk '/^jit -O[0-9]+: [0-9.]+ ms/ { print $3; exit }' "$err" >>"$TMP/$k.compile"
        awk '/^call: [0-9.]+ ms/ { print $2; exit }' "$err" >>"$TMP/$k.call"
    done
    COMPILE_MS=$(median_of "$TMP/$k.compile")
    CALL_MS=$(median_of "$TMP/$k.call")
    if [[ $COMPILE_MS == - || $CALL_MS == - ]]; then
        log "   no 'jit -O<n>: <ms> ms' or 'call: <ms> ms' line in the --stats output:"
        show_err "$err"
    else
        log "   Hotpath JIT --stats: median compile $COMPILE_MS ms, call $CALL_MS ms"
    fi
}

declare -a ROWS=()
FAILED=0
# Without hyperfine (or with --no-hyperfine) a shell loop times the runs.
TIMER="a shell loop"
if [[ $USE_HYPERFINE -eq 1 ]] && command -v hyperfine >/dev/null 2>&1; then
    TIMER="hyperfine $(hyperfine --version | awk '{ print $2 }')"
fi

for k in "${SELECTED[@]}"; do
    n=$(size_for "$k")
    file=$KERNEL_DIR/$k.py
    log "== $k (n=$n)"
    T=() MIB=() SUM=()
    NOTE=""
    COMPILE_MS=- CALL_MS=-

    measure py "$PYTHON" -c "$PY_RUNNER" "$file" "$n"
    if [[ $RUN_INTERP -eq 1 ]]; then
        measure interp "$HOTPATH" run "$file" main "$n" --tier interp
    fi
    if [[ $RUN_JIT -eq 1 ]]; then
        measure jit "$HOTPATH" run "$file" main "$n" --tier jit
        if [[ -n ${SUM[jit]+set} ]]; then
            jit_stats "$HOTPATH" run "$file" main "$n" --tier jit --stats
        fi
    fi
    if [[ $USE_C -eq 1 ]]; then
        csrc=$KERNEL_DIR/$k.c
        cbin=$TMP/$k.c.bin
        if [[ ! -f $csrc ]]; then
            log "   no C reference $csrc: C column left empty"
        elif "$CC" "$C_OPT" -o "$cbin" "$csrc" -lm 2>"$TMP/$k.cc.err"; then
            measure c "$cbin" "$n"
        else
            log "   C reference FAILED to compile: $CC $C_OPT -o $cbin $csrc -lm"
            show_err "$TMP/$k.cc.err"
            add_note "C reference failed to compile"
            FAILED=1
        fi
    fi

    # Every implementation that ran must print the same checksum as the
    # first one that ran (CPython unless it failed).
    ref=""
    for key in "${IMPLS[@]}"; do
        if [[ -n ${SUM[$key]+set} ]]; then
            ref=$key
            break
        fi
    done
    checksum=""
    if [[ -n $ref ]]; then
        checksum="\`${SUM[$ref]}\`"
        all=""
        differs=0
        for key in "${IMPLS[@]}"; do
            [[ -n ${SUM[$key]+set} ]] || continue
            all="${all:+$all, }${LABEL[$key]} \`${SUM[$key]}\`"
            if [[ ${SUM[$key]} != "${SUM[$ref]}" ]]; then
                log "   CHECKSUM DIFFERS: ${LABEL[$ref]} '${SUM[$ref]}', ${LABEL[$key]} '${SUM[$key]}'"
                differs=1
            fi
        done
        if [[ $differs -eq 1 ]]; then
            checksum="**DIFFERS**: $all"
            FAILED=1
        fi
    fi
    if [[ -n $checksum && -n $NOTE ]]; then
        NOTE="$checksum; $NOTE"
    elif [[ -n $checksum ]]; then
        NOTE=$checksum
    fi

    py_s=${T[py]:--}
    if [[ $CPYTHON_ONLY -eq 1 ]]; then
        ROWS+=("| $k | $n | $(fmt_s "$py_s") | ${MIB[py]:--} | $NOTE |")
        continue
    fi
    in_s=${T[interp]:--}
    jit_s=${T[jit]:--}
    c_s=${T[c]:--}
    call_s=-
    [[ $CALL_MS == - ]] || call_s=$(awk -v ms="$CALL_MS" 'BEGIN { printf "%.6f", ms / 1000 }')
    ROWS+=("| $k | $n | $(fmt_s "$py_s") | $(fmt_s "$in_s") | $(fmt_s "$jit_s") | $(fmt_ms "$COMPILE_MS") | $(fmt_ms "$CALL_MS") | $(fmt_s "$c_s") | $(ratio "$py_s" "$in_s" x) | $(ratio "$py_s" "$jit_s" x) | $(ratio "$call_s" "$c_s") | $(ratio "$in_s" "$jit_s" x) | ${MIB[py]:--} | ${MIB[interp]:--} | ${MIB[jit]:--} | $NOTE |")
done

cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
details=""
if [[ $RUN_JIT -eq 1 ]]; then
    details="JIT compile and call: medians of $RUNS more runs with --stats. "
fi
if [[ $USE_C -eq 1 ]]; then
    details="${details}C: $("$CC" --version 2>/dev/null | head -n 1) $C_OPT. "
fi
echo
echo "Median of $RUNS runs ($TIMER, whole process including start-up) after one checked run;"
echo "peak RSS from /usr/bin/time. ${details}$(date -u +%Y-%m-%d), $(nproc) cores${cpu:+, $cpu}, $("$PYTHON" -V 2>&1)."
echo
if [[ $CPYTHON_ONLY -eq 1 ]]; then
    echo "| kernel | n | CPython s | CPython MiB | checksum |"
    echo "|---|---:|---:|---:|---|"
else
    echo "| kernel | n | CPython s | interp s | JIT s | JIT compile ms | JIT call ms | C s | interp vs CPython | JIT vs CPython | JIT call / C | JIT vs interp | CPython MiB | interp MiB | JIT MiB | checksum |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
fi
printf '%s\n' "${ROWS[@]}"

exit "$FAILED"
