# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: math.sqrt(-1.0) raises ValueError 'math domain error'.
import math


def main() -> None:
    print(math.sqrt(-0.0))
    for x in [4.0, 2.0, 0.0, -1.0]:
        print(x, math.sqrt(x))
    print("not reached")
