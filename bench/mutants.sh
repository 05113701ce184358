#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A mutation score for the test suite: each one-line mistake in bench/mutants.txt is put
# into a scratch clone of this repository alone, the clone is built, and the tests the line
# names are run. A mutant is caught when a test fails; one that survives is a promise no
# test keeps. Prints a Markdown table and the score. Not part of CI (about a minute per
# mutant once the clone is built; the first build of the clone takes longer).
#
# Usage: bench/mutants.sh [--list FILE] [--only N[,N...]] [--workdir DIR]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
exec python3 - "$ROOT" "$@" <<'PY'
import argparse, os, subprocess, sys, time

root = sys.argv[1]
parser = argparse.ArgumentParser(prog="bench/mutants.sh")
parser.add_argument("--list", default=os.path.join(root, "bench/mutants.txt"))
parser.add_argument("--only", default="", help="mutant numbers, e.g. 3,7")
parser.add_argument("--workdir", default="/tmp/hotpath-mutants")
args = parser.parse_args(sys.argv[2:])

mutants = []
for number, line in enumerate(open(args.list, encoding="utf-8"), 1):
    if not line.strip() or line.startswith("#"):
        continue
    fields = [f.strip("\n") for f in line.split(" ||| ")]
    if len(fields) != 5:
        sys.exit(f"{args.list}:{number}: expected 5 fields separated by ' ||| '")
    path, before, after, tests, what = fields
    text = open(os.path.join(root, path), encoding="utf-8").read()
    if text.count(before) != 1:
        sys.exit(f"{args.list}:{number}: the text to replace occurs {text.count(before)} times in {path}, not once")
    mutants.append((path, before, after, tests.strip(), what.strip()))
chosen = {int(n) for n in args.only.split(",") if n} or set(range(1, len(mutants) + 1))

def run(command, cwd, **kwargs):
    return subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kwargs)

work = args.workdir
if not os.path.isdir(os.path.join(work, ".git")):
    run(["git", "clone", "--quiet", "--no-hardlinks", root, work], cwd="/").check_returncode()
run(["git", "fetch", "--quiet", root, "HEAD"], cwd=work).check_returncode()
run(["git", "reset", "--quiet", "--hard", "FETCH_HEAD"], cwd=work).check_returncode()
env = dict(os.environ, CCACHE_BASEDIR=work)
if not os.path.isfile(os.path.join(work, "build/release/CMakeCache.txt")):
    run(["cmake", "--preset", "release"], cwd=work, env=env).check_returncode()
print("building the clone...", file=sys.stderr, flush=True)
built = run(["cmake", "--build", "--preset", "release"], cwd=work, env=env)
if built.returncode:
    sys.exit("the unmutated clone does not build:\n" + built.stdout[-3000:])
every = "|".join(sorted({t for m in mutants for t in m[3].split("|")}))
baseline = run(["ctest", "--preset", "release", "-R", every, "-j2", "--timeout", "600"], cwd=work, env=env)
if baseline.returncode:
    sys.exit("the unmutated clone fails its tests:\n" + baseline.stdout[-3000:])

rows, caught, counted = [], 0, 0
for number, (path, before, after, tests, what) in enumerate(mutants, 1):
    if number not in chosen:
        continue
    file = os.path.join(work, path)
    original = open(file, encoding="utf-8").read()
    open(file, "w", encoding="utf-8").write(original.replace(before, after, 1))
    started = time.monotonic()
    try:
        build = run(["cmake", "--build", "--preset", "release"], cwd=work, env=env)
        if build.returncode:
            result = "does not compile (not counted)"
        else:
            test = run(["ctest", "--preset", "release", "-R", tests, "-j2", "--stop-on-failure", "--timeout", "600"], cwd=work, env=env)
            failed = [l.split(" - ")[1].split(" ")[0] for l in test.stdout.splitlines() if " - " in l and ("Failed" in l or "Timeout" in l or "Exception" in l or "Not Run" in l)]
            counted += 1
            if test.returncode:
                caught += 1
                result = "caught by " + (", ".join(failed) or "a failing test")
            else:
                result = "**survived**"
    finally:
        open(file, "w", encoding="utf-8").write(original)
    seconds = time.monotonic() - started
    rows.append(f"| {number} | `{path}` | {what} | {result} | {seconds:.0f} s |")
    print(rows[-1], file=sys.stderr, flush=True)

print("| # | file | the mistake | result | time |")
print("|---:|---|---|---|---:|")
print("\n".join(rows))
print(f"\n{caught} of {counted} mutants caught ({100.0 * caught / max(counted, 1):.0f}%)")
PY
