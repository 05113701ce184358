# SPDX-License-Identifier: GPL-3.0-or-later
# round(x, n) for floats: correct rounding of the exact binary value, negative n, large n.


def main() -> None:
    print(round(2.675, 2), round(2.665, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2))
    print(round(3.14159, 0), round(3.14159, 1), round(3.14159, 3), round(3.14159, 10))
    print(round(-2.5, 0), round(2.5, 0), round(-0.05, 1), round(0.05, 1), round(0.15, 1), round(0.25, 1))
    print(round(1234.5678, -1), round(1234.5678, -2), round(1250.0, -2), round(1350.0, -2), round(-1250.0, -2))
    print(round(1e300, -300), round(5e-324, 400), round(1e-10, 5), round(123.456, -5), round(0.1 + 0.2, 15))
    print(round(2.0 ** 0.5, 15), round(1 / 3, 16), round(1 / 3, 17), round(1e16 + 2.0, -1))
    print(round(7.45, 1), round(7.55, 1), round(0.285, 2), round(1.1115, 3), round(8.325, 2))
    print(round(-0.0, 2), round(-1e-20, 2), round(99.995, 2), round(999999.95, 1))
    prices = [19.995, 4.445, 0.005, 10.0, 3.14159]
    for p in prices:
        print(p, round(p, 2), f"{p:.2f}", round(p * 100) / 100)
