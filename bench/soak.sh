#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Soak: TOTAL requests (default 1,000,000) against `hotpath serve --watch` on a copy of the
# sample, mixing endpoints, both tiers and errors (400, 500, 404), while the project is
# reloaded every 10 s (a handler file rewritten). Checks that every status is the one
# expected for its path (from the server's own /metrics) and that resident memory at the
# end is within 5% of its level after warm-up. Usage: bench/soak.sh [TOTAL]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HOTPATH=${HOTPATH:-$ROOT/build/release/app/hotpath}
TOTAL=${1:-1000000}
PORT=${PORT:-18231}
work=$(mktemp -d)
trap 'kill $server $reloader 2>/dev/null || true; rm -rf "$work"' EXIT
cp -r "$ROOT/samples/hello" "$work/project"
"$HOTPATH" serve "$work/project" --port "$PORT" --watch --quiet > "$work/serve.log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$PORT/healthz" | grep -q '"jit":"ready"'; do sleep 0.2; done
rss() { awk '/^VmRSS:/ {print $2}' "/proc/$server/status"; }

# path, tier, share of TOTAL (per mille), expected status
mix=(
    "/ jit 250 200"
    "/fib/15 interp 150 200"
    "/fib/15 jit 150 200"
    "/hello/soak interp 100 200"
    "/sort?count=50 jit 100 200"
    "/greet?times=x jit 80 400"
    "/median?count=0 interp 80 500"
    "/nowhere jit 90 404"
)
load() { # FRACTION_OF_TOTAL
    for entry in "${mix[@]}"; do
        read -r path tier share _ <<< "$entry"
        n=$(( TOTAL * share / 1000 * $1 / 100 ))
        (( n > 0 )) && "$HOTPATH" bench "http://127.0.0.1:$PORT$path" --tier "$tier" --requests "$n" --connections 8 --json > "$work/bench.$tier.$(echo "$path" | tr -c 'a-z0-9\n' _).json"
    done
}

echo "warm-up: 5% of the requests"
load 5
warm=$(rss)
echo "RSS after warm-up: $warm KiB"

# Reload every 10 s: the greeting changes, the endpoints stay.
( k=0; while sleep 10; do k=$((k + 1)); sed -i "s/^GREETING = .*/GREETING = \"Hello $k\"/" "$work/project/hello.py"; done ) &
reloader=$!
start=$(date +%s.%N)
load 95
seconds=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}')
kill $reloader
end=$(rss)
reloads=$(grep -c -i 'reload' "$work/serve.log" || true)

# Every status by endpoint, from the server's own counters.
curl -s "http://127.0.0.1:$PORT/metrics" | grep '^hotpath_requests_total' > "$work/metrics.txt"
unexpected=$(awk -F'[{}",= ]+' '
    /endpoint="GET \/greet"/ { if ($0 !~ /status="400"/) bad += $NF; next }
    /endpoint="GET \/median"/ { if ($0 !~ /status="500"/) bad += $NF; next }
    { if ($0 !~ /status="200"/) bad += $NF }
    END { print bad + 0 }' "$work/metrics.txt")
served=$(awk '{s += $NF} END {print s}' "$work/metrics.txt")
growth=$(awk -v a="$warm" -v b="$end" 'BEGIN {printf "%.1f", (b - a) * 100 / a}')
echo "requests answered (routed, from /metrics): $served in ${seconds} s after warm-up, plus 404s; reloads: $reloads"
echo "unexpected statuses: $unexpected"
echo "RSS: $warm KiB after warm-up, $end KiB at the end ($growth%)"
[[ $unexpected -eq 0 ]] && awk -v g="$growth" 'BEGIN {exit !(g < 5 && g > -5)}'
