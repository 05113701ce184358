# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: str.split('') raises ValueError 'empty separator'.


def main() -> None:
    s = "a,b"
    seps = [",", "b", ""]
    for sep in seps:
        print(repr(sep), s.split(sep))
    print("not reached")
