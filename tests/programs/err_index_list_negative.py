# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: a negative index beyond the start raises IndexError 'list index out of range'.


def main() -> None:
    xs = ["a", "b", "c"]
    print(xs[-1], xs[-3])
    k = -1
    while True:
        print(k, xs[k])
        k -= 1
