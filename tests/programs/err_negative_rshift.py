# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: a right shift by a negative count also raises ValueError 'negative shift count'.


def main() -> None:
    n = 256
    print(n >> 0, n >> 100, -n >> 100)
    for k in [8, 2, -2]:
        print(k, n >> k)
    print("not reached")
