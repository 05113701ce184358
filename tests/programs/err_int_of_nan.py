# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: int(nan) raises ValueError 'cannot convert float NaN to integer'.
import math


def main() -> None:
    print(int(2.9), int(-2.9))
    x = math.inf - math.inf
    print(x)
    print(int(x))
