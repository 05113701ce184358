# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: a left shift by a negative count raises ValueError 'negative shift count'.


def main() -> None:
    k = 4
    while True:
        print(k, 1 << k)
        k -= 2
    print("not reached")
