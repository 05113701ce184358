#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A healthy endpoint's latency while runaway handlers are in flight: `hotpath serve` (the
# project's defaults: one socket thread, a handler thread per core) with an endless loop
# at /spin and "ok" at /. wrk measures / on its own, then again while RUNAWAYS clients
# keep a /spin request in flight each (every one runs to its deadline, 2 s, answers 504
# and is sent again), in each tier. Prints a Markdown table. See bench/README.md.
#
# Usage: bench/http/runaways.sh [--duration S] [--runaways N]
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BUILD:-$ROOT/build/release}
HOTPATH=$BUILD/app/hotpath
DURATION=10
RUNAWAYS=4
while [[ $# -gt 0 ]]; do
    case $1 in
        --duration) DURATION=$2; shift 2 ;;
        --runaways) RUNAWAYS=$2; shift 2 ;;
        -h | --help) sed -n '3,10p' "$0"; exit 0 ;;
        *) echo "runaways.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
command -v wrk >/dev/null || { echo "runaways.sh: wrk is needed (apt-get install wrk)" >&2; exit 2; }
[[ -x $HOTPATH ]] || { echo "runaways.sh: build first (packaging/dev.sh test)" >&2; exit 2; }

WORK=$(mktemp -d)
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
cat >"$WORK/hotpath.json" <<'JSON'
{"format": 1, "name": "runaways", "files": ["app.py"], "server": {"port": 18111}}
JSON
cat >"$WORK/app.py" <<'PY'
from hotpath import get


@get("/")
def healthy() -> str:
    return "ok"


@get("/spin")
def spin() -> int:
    n = 0
    while True:
        n += 1
    return n
PY
"$HOTPATH" serve "$WORK" --quiet >/dev/null & PIDS+=($!)
for _ in $(seq 100); do curl -fs http://127.0.0.1:18111/healthz 2>/dev/null | grep -q ready && break; sleep 0.1; done

# req/s p50 p99 p99.9 max of one wrk run (ms)
measure() { # TIER
    wrk -t1 -c4 -d"${DURATION}s" --latency -H "X-Hotpath-Tier: $1" http://127.0.0.1:18111/ | awk '
        function ms(v) { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[^m]s$/) n *= 1000; return n }
        /Requests\/sec/ { rps = $2 } $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
        $1 == "Latency" && !max { max = ms($4) }
        END { printf "%s %.3f %.3f %.1f\n", rps, p50, p99, max }'
}

echo "| tier | runaways in flight | healthy req/s | p50 ms | p99 ms | max ms |"
echo "|---|---:|---:|---:|---:|---:|"
for tier in interp jit; do
    read -r rps p50 p99 max < <(measure "$tier")
    echo "| $tier | 0 | $rps | $p50 | $p99 | $max |"
    STORM=()
    for _ in $(seq "$RUNAWAYS"); do
        (while true; do curl -s -o /dev/null -H "X-Hotpath-Tier: $tier" http://127.0.0.1:18111/spin; done) & STORM+=($!)
    done
    sleep 0.5
    read -r rps p50 p99 max < <(measure "$tier")
    echo "| $tier | $RUNAWAYS | $rps | $p50 | $p99 | $max |"
    for pid in "${STORM[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait "${STORM[@]}" 2>/dev/null || true
    sleep 2.5 # the last runaways reach their deadline
done
