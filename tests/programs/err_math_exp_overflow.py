# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: math.exp(1000.0) raises OverflowError 'math range error'.
import math


def main() -> None:
    print(math.exp(709.0), math.exp(-1000.0))
    x = 700.0
    while True:
        print(x, math.exp(x))
        x += 100.0
