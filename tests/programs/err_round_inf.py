# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: round(-inf) raises OverflowError 'cannot convert float infinity to integer'.
import math


def main() -> None:
    print(round(2.5), round(-math.inf, 2), round(math.nan, 1))
    x = -1e308
    for i in range(3):
        x *= 10.0
        print(x, round(x))
