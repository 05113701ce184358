# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: math.log(0.0) raises ValueError 'math domain error'.
from math import log


def main() -> None:
    print(log(1.0), log(0.5))
    x = 1.0
    for i in range(3):
        x -= 0.5
        print(x, log(x))
