# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: math.floor(nan) raises ValueError 'cannot convert float NaN to integer'.
import math


def main() -> None:
    print(math.floor(-1.5), math.ceil(-1.5))
    values = [2.5, -0.5, math.inf * 0.0]
    for v in values:
        print(v, math.floor(v), math.ceil(v))
