#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# HTTP throughput and latency, side by side in one run: a bare QtHttpServer hello world
# (the ceiling), `hotpath serve samples/hello` in each tier, and the same files under
# Flask (dev server, and gunicorn with 2 workers when installed) through the shim.
# wrk -t1 -c16 -d10s and -c1 on /, /fib/20 and /fib/25 (the bare server in C++); prints a Markdown table with
# requests/s, p50/p99 and the ratios to the bare server and to Flask. See bench/README.md.
#
# Usage: bench/http/run-http.sh [--duration S] [--quick]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BUILD:-$ROOT/build/release}
HOTPATH=$BUILD/app/hotpath
BARE=$BUILD/bench/http/bench_bare_qt_hello
SAMPLE=$ROOT/samples/hello
DURATION=10
CONNECTIONS=(16 1)

while [[ $# -gt 0 ]]; do
    case $1 in
        --duration) DURATION=$2; shift 2 ;;
        --quick) DURATION=3; CONNECTIONS=(16); shift ;;
        -h | --help) sed -n '3,11p' "$0"; exit 0 ;;
        *) echo "run-http.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done

command -v wrk >/dev/null || { echo "run-http.sh: wrk is needed (apt-get install wrk)" >&2; exit 2; }
[[ -x $HOTPATH ]] || { echo "run-http.sh: build first (packaging/dev.sh test)" >&2; exit 2; }
cmake --build "$BUILD" --target bench_bare_qt_hello >/dev/null

PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

wait_for() { # URL
    for _ in $(seq 100); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done
    echo "run-http.sh: $1 did not come up" >&2; return 1
}

"$BARE" 18101 >/dev/null & PIDS+=($!)
"$HOTPATH" serve "$SAMPLE" --port 18102 --quiet >/dev/null & PIDS+=($!)
wait_for http://127.0.0.1:18101/
wait_for http://127.0.0.1:18102/healthz
until curl -fs http://127.0.0.1:18102/healthz | grep -q ready; do sleep 0.1; done
FLASK=0
if /usr/bin/python3 -c 'import flask' 2>/dev/null; then
    PYTHONPATH=$ROOT/resources/python /usr/bin/python3 -m hotpath.flask_app "$SAMPLE" --port 18103 >/dev/null 2>&1 & PIDS+=($!)
    wait_for http://127.0.0.1:18103/ && FLASK=1
fi
GUNICORN=0
if command -v gunicorn >/dev/null && [[ $FLASK -eq 1 ]]; then
    PYTHONPATH=$ROOT/resources/python gunicorn -w 2 -b 127.0.0.1:18104 "hotpath.flask_app:create_app('$SAMPLE')" >/dev/null 2>&1 & PIDS+=($!)
    wait_for http://127.0.0.1:18104/ && GUNICORN=1
fi

# rps p50 p99 of one wrk run (latencies in ms)
measure() { # URL CONNECTIONS [HEADER]
    local out
    out=$(wrk -t1 -c"$2" -d"${DURATION}s" --latency ${3:+-H "$3"} "$1")
    local rps p50 p99
    rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    echo "$rps $(to_ms "$p50") $(to_ms "$p99")"
}
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[^m]s$/) n *= 1000; printf "%.3f", n }'; }

echo "| server | path | c | req/s | p50 ms | p99 ms | vs bare Qt | vs Flask dev |"
echo "|---|---|---:|---:|---:|---:|---:|---:|"
for c in "${CONNECTIONS[@]}"; do
    for path in / /fib/20 /fib/25; do
        # The bare server answers each path with the same function in C++: the ceiling.
        read -r bare_rps bare_p50 bare_p99 < <(measure "http://127.0.0.1:18101$path" "$c")
        echo "| bare QtHttpServer (C++) | $path | $c | $bare_rps | $bare_p50 | $bare_p99 | 1.00x | |"
        flask_rps=""
        if [[ $FLASK -eq 1 ]]; then
            read -r flask_rps f50 f99 < <(measure "http://127.0.0.1:18103$path" "$c")
            echo "| Flask dev (shim) | $path | $c | $flask_rps | $f50 | $f99 | | 1.00x |"
        fi
        if [[ $GUNICORN -eq 1 ]]; then
            read -r g_rps g50 g99 < <(measure "http://127.0.0.1:18104$path" "$c")
            echo "| gunicorn -w 2 (shim) | $path | $c | $g_rps | $g50 | $g99 | | $(awk -v a="$g_rps" -v b="$flask_rps" 'BEGIN{printf "%.1fx", a/b}') |"
        fi
        for tier in interp jit; do
            read -r rps p50 p99 < <(measure "http://127.0.0.1:18102$path" "$c" "X-Hotpath-Tier: $tier")
            vs_bare=$(awk -v a="$rps" -v b="$bare_rps" 'BEGIN{printf "%.2fx", a/b}')
            vs_flask=$([[ -n $flask_rps ]] && awk -v a="$rps" -v b="$flask_rps" 'BEGIN{printf "%.1fx", a/b}' || echo "")
            echo "| hotpath serve ($tier) | $path | $c | $rps | $p50 | $p99 | $vs_bare | $vs_flask |"
        done
    done
done
