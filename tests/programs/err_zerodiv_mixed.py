# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: float divided by an int zero raises 'float division by zero'.


def main() -> None:
    n = 10
    print(n / 4.0, 2.5 / n)
    zero = n - 10
    print(zero)
    print(2.5 / zero)
