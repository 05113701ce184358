# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: list.pop(i) with i out of range raises IndexError 'pop index out of range'.


def main() -> None:
    xs = [10, 20, 30]
    print(xs.pop(-3), xs)
    print(xs.pop(1), xs)
    print(len(xs), xs[0])
    print(xs.pop(1))
