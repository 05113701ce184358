# SPDX-License-Identifier: GPL-3.0-or-later
# An error inside a key function names the lambda's line; list.sort leaves the list as it was.


def main() -> None:
    xs = [4, 2, 0, 1]
    print(sorted(xs, key=lambda x: 12 // (x + 1)))
    xs.sort(key=lambda x: 12 // x)
    print(xs)
