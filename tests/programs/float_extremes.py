# SPDX-License-Identifier: GPL-3.0-or-later
# Largest, smallest normal and subnormal doubles, and underflow/overflow in arithmetic.


def main() -> None:
    big = 1.7976931348623157e308
    tiny = 2.2250738585072014e-308
    sub = 5e-324
    print(big, tiny, sub, -big, -sub)
    print(big * 1.0000000000000002, big + 1e292, big + 1e291, big / 2.0, big * 0.5 * 2.0)
    print(tiny / 2.0, tiny / 4.0, sub / 2.0, sub * 0.5, sub * 1.5, sub * 2.0, sub * 3.0)
    print(tiny - 2.225073858507201e-308, 4.9e-324, 2.5e-324, 2.4e-324, 1e-323)
    print(1e308, 1e-308, 1e-320, 1.2345e-310, 9.881312916824931e-324)
    print(2.0 ** -1022, 2.0 ** -1023, 2.0 ** -1074, 2.0 ** 1023 * 1.9999999999999998)
    x = 1.0
    steps = 0
    while x > 0.0:
        x /= 2.0
        steps += 1
    print(steps, x)
    y = 1.0
    steps = 0
    while y * 2.0 != y:
        y *= 2.0
        steps += 1
    print(steps, y)
