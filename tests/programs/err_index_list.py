# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: reading past the end of a list raises IndexError 'list index out of range'.


def main() -> None:
    xs = [1, 2, 3]
    i = 0
    while True:
        print(xs[i])
        i += 1
