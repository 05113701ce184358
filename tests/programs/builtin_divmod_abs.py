# SPDX-License-Identifier: GPL-3.0-or-later
# divmod on ints and floats of every sign, and abs of ints, floats, negative zero and infinity.
import math


def main() -> None:
    for a, b in [(17, 5), (-17, 5), (17, -5), (-17, -5), (0, 7), (9223372036854775807, 10)]:
        q, r = divmod(a, b)
        print(a, b, q, r, q * b + r == a)
    print(divmod(7.5, 2.0), divmod(-7.5, 2.0), divmod(1.0, 0.1), divmod(-0.0, 3.0), divmod(1e300, 1e-300))
    secs = 100000
    mins, s = divmod(secs, 60)
    hours, m = divmod(mins, 60)
    days, h = divmod(hours, 24)
    print(f"{days}d {h:02}:{m:02}:{s:02}")
    print(abs(-5), abs(5), abs(0), abs(-9223372036854775807), abs(-2.5), abs(-0.0), abs(-math.inf), abs(math.nan))
    print(abs(True), abs(-False), abs(3 - 10), abs(-1e-320), abs(-1.7976931348623157e308))
