#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs every program in tests/programs through `hotpath run FILE main` and compares
stdout, the error line and the exit code with the stored expectation (made by CPython,
see make_expected.py) and, when /usr/bin/python3 is present, with CPython itself.

Usage: run_conformance.py HOTPATH_BINARY PROGRAMS_DIR [--tier interp|jit] [NAME...]
Exits 1 and prints a diff for every program whose behaviour differs."""

import difflib
import os
import subprocess
import sys

CPYTHON = "/usr/bin/python3"


def expected_from_cpython(path, shim):
    code = ("import runpy,sys; sys.path.insert(0, sys.argv[2]); "
            "runpy.run_path(sys.argv[1], run_name='__main__')['main']()")
    proc = subprocess.run([CPYTHON, "-c", code, path, shim], capture_output=True, text=True, timeout=120)
    out = proc.stdout
    if proc.returncode != 0:
        # The innermost traceback frame in the program file gives the line.
        line = 0
        for text in proc.stderr.splitlines():
            text = text.strip()
            if text.startswith('File "%s"' % path):
                line = int(text.split("line ")[1].split(",")[0])
        out += "!! %d %s\n" % (line, proc.stderr.strip().splitlines()[-1])
    return out


def actual_from_hotpath(binary, path, tier):
    proc = subprocess.run([binary, "run", "--tier", tier, path, "main"], capture_output=True, text=True, timeout=120)
    out = proc.stdout
    if proc.returncode == 0:
        # `hotpath run` prints the function's result, as print(main()) would: main returns None.
        if out.endswith("None\n"):
            out = out[: -len("None\n")]
        else:
            out += "<missing None from print(main())>\n"
        return out
    if proc.returncode == 1:
        last = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
        # FILE:LINE: ErrorName: message  ->  !! LINE ErrorName: message
        rest = last[len(path) + 1:] if last.startswith(path + ":") else last
        line, _, message = rest.partition(": ")
        return out + "!! %s %s\n" % (line, message)
    return out + "!! exit %d: %s\n" % (proc.returncode, proc.stderr.strip())


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    tier = "interp"
    if "--tier" in sys.argv:
        tier = sys.argv[sys.argv.index("--tier") + 1]
        args.remove(tier)
    binary, directory = args[0], args[1]
    names = args[2:]
    shim = os.path.join(os.path.dirname(os.path.abspath(directory)), "..", "resources", "python")
    shim = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", "..", "resources", "python"))
    programs = sorted(p for p in os.listdir(directory) if p.endswith(".py") and not p.startswith(("make_", "run_")))
    if names:
        programs = [p for p in programs if p[:-3] in names or p in names]
    failures = 0
    use_cpython = os.path.exists(CPYTHON)
    for name in programs:
        path = os.path.join(directory, name)
        with open(path[:-3] + ".expected") as f:
            stored = f.read()
        actual = actual_from_hotpath(binary, path, tier)
        references = [("stored expectation", stored)]
        if use_cpython:
            references.append(("CPython", expected_from_cpython(path, shim)))
        for label, reference in references:
            if actual != reference:
                failures += 1
                print("FAIL %s (against %s)" % (name, label))
                sys.stdout.writelines(difflib.unified_diff(reference.splitlines(True), actual.splitlines(True),
                                                           label, "hotpath --tier " + tier))
                break
    print("%d programs, %d differ" % (len(programs), failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
