# SPDX-License-Identifier: GPL-3.0-or-later
# Unpacking a list of the wrong length raises ValueError with CPython's words.


def main() -> None:
    first, rest = "a=b".split("=")
    print(first, rest)
    k, v = "x=y=z".split("=")
    print(k, v)
