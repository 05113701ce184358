#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write the .expected file of each conformance program, using CPython as the oracle.

Usage: /usr/bin/python3 tests/programs/make_expected.py PROGRAM.py...

(Files named make_*.py or run_*.py, such as this script, are skipped, so
``tests/programs/*.py`` may be passed.)

Each program is loaded the way the test harness loads it (``runpy.run_path`` with
the ``hotpath`` shim of resources/python on ``sys.path``) and its ``main()`` is
called.  Everything it prints goes to ``PROGRAM.expected`` (UTF-8, byte for byte).
If ``main()`` raises, one more line is appended:

    !! <line> <ExceptionName>: <message>

where <line> is the line of the program file in the innermost traceback frame that
belongs to that file, and the rest is CPython's last traceback line
(``traceback.format_exception_only``), so an exception with an empty message is
written without the colon, as CPython prints it (``!! 7 AssertionError``).

Programs run one after another in this process, each in a fresh namespace; the
result depends only on the program text.
"""

import contextlib
import io
import os
import runpy
import sys
import traceback

SHIM = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "resources", "python")


def run_program(path):
    """Return what ``main()`` of the program at ``path`` prints, plus the ``!!`` line if it raised."""
    path = os.path.abspath(path)
    out = io.StringIO()
    error = None
    with contextlib.redirect_stdout(out):
        try:
            namespace = runpy.run_path(path, run_name="__main__")  # user exceptions print unqualified
            namespace["main"]()
        except Exception as exc:  # RecursionError, AssertionError, ... are all Exceptions
            frames = [f for f in traceback.extract_tb(exc.__traceback__)
                      if os.path.abspath(f.filename) == path]
            if not frames:
                raise RuntimeError(f"{path}: exception raised outside the program: {exc!r}") from exc
            message = traceback.format_exception_only(type(exc), exc)[-1].rstrip("\n")
            error = f"!! {frames[-1].lineno} {message}\n"
    text = out.getvalue()
    if error is not None:
        if text and not text.endswith("\n"):
            raise RuntimeError(f"{path}: output before the error does not end with a newline")
        text += error
    return text


def main(argv):
    if not argv:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    sys.path.insert(0, os.path.normpath(SHIM))
    for program in argv:
        if not program.endswith(".py"):
            print(f"skipping {program}: not a .py file", file=sys.stderr)
            continue
        if os.path.basename(program).startswith(("make_", "run_")):
            continue  # this script and the test runner are not programs
        text = run_program(program)
        with open(program[:-3] + ".expected", "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
