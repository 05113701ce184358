# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: max() of an empty range raises ValueError 'max() arg is an empty sequence'.


def main() -> None:
    print(max(range(3)), max(range(10, 0, -3)))
    n = 3
    while n >= 0:
        print(n, max(range(n)))
        n -= 1
