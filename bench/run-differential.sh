#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The long mode of the tier differential test (tests/fuzz/differential.py): many more
# random programs than CTest's fixed 250, each run in the interpreter and the JIT (odd
# seeds at -O0, even at -O2), every 10th also under CPython. Differences are reduced to
# minimal reproducers in build/differential-long/.
#
# Usage: bench/run-differential.sh [FIRST:LAST]   (default 1000:20999, about an hour here)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HOTPATH=${HOTPATH:-$ROOT/build/release/app/hotpath}
[[ -x $HOTPATH ]] || { echo "run-differential.sh: build first: packaging/dev.sh test (or set HOTPATH)" >&2; exit 2; }
exec /usr/bin/python3 "$ROOT/tests/fuzz/differential.py" "$HOTPATH" --seeds "${1:-1000:20999}" \
    --cpython-every 10 --out "$ROOT/build/differential-long"
