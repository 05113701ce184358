#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Module state under load: requests/s of a writer (issue 13's counter: read-modify-write of
# a module-level dict plus a list append), a reader over a 200-entry module-level dict, and
# an endpoint that touches no state, each with 1 and 2 server workers, both tiers, side by
# side in one run (`hotpath bench`, 16 keep-alive connections). Readers should scale with
# workers; the writer serialises but should not fall below its one-worker figure.
# Usage: bench/state.sh [SECONDS]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HOTPATH=${HOTPATH:-$ROOT/build/release/app/hotpath}
SECONDS_PER_RUN=${1:-4}
PORT=${PORT:-18431}

rps() { # PATH TIER: requests/s
    "$HOTPATH" bench "http://127.0.0.1:$PORT$1" --tier "$2" --connections 16 --duration "$SECONDS_PER_RUN" --json \
        | python3 -c 'import json, sys; r = json.load(sys.stdin)["results"][0]; print("%.0f %d" % (r["requests_per_second"], r["non_2xx"] + r["socket_errors"]))'
}

declare -A table
for workers in 1 2; do
    "$HOTPATH" serve "$ROOT/bench/state/app.py" --port "$PORT" --threads "$workers" --quiet >/dev/null &
    server=$!
    trap 'kill $server 2>/dev/null || true' EXIT
    for _ in $(seq 50); do curl -sf "http://127.0.0.1:$PORT/healthz" | grep -q ready && break; sleep 0.1; done
    curl -sf "http://127.0.0.1:$PORT/seed" >/dev/null
    for path in /hit /top /pure; do
        for tier in interp jit; do
            read -r value errors < <(rps "$path" "$tier")
            [[ $errors == 0 ]] || { echo "$path $tier: $errors failed requests" >&2; exit 1; }
            table[$path,$tier,$workers]=$value
        done
    done
    count=$(curl -sf "http://127.0.0.1:$PORT/hit")
    kill "$server"; wait "$server" 2>/dev/null || true
    echo "workers=$workers: the counter answered $count after every /hit request above" >&2
done

echo "| endpoint | tier | 1 worker req/s | 2 workers req/s | 2 / 1 |"
echo "|---|---|---:|---:|---:|"
for path in /hit /top /pure; do
    for tier in interp jit; do
        one=${table[$path,$tier,1]} two=${table[$path,$tier,2]}
        printf '| %s | %s | %s | %s | %.2fx |\n' "$path" "$tier" "$one" "$two" "$(awk -v a="$two" -v b="$one" 'BEGIN {print a / b}')"
    done
done
