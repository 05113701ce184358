# SPDX-License-Identifier: GPL-3.0-or-later
# Module constants built from literals, other constants, operators and built-in calls, read in functions.
import math

PI = 3.141592653589793
TAU = 2 * PI
SOLAR_MASS = 4.0 * PI * PI
DAYS_PER_YEAR = 365.24
GREETING = "Hello"
BANNER = GREETING + ", " + "World" + "!" * 3
LIMIT = 10 ** 6
MASK = (1 << 16) - 1
NEG = -LIMIT // 7
FLAGS = (True, False)
PRIMES = (2, 3, 5, 7)
ROOT2 = math.sqrt(2.0)
WIDTH = len(BANNER)
LABEL = str(LIMIT) + "/" + repr("x")
ROUNDED = round(PI, 3)
HALF = abs(-0.5)
BIG = max(LIMIT, MASK, 12345678)


def main() -> None:
    print(PI, TAU, SOLAR_MASS, DAYS_PER_YEAR, SOLAR_MASS / DAYS_PER_YEAR)
    print(BANNER, LIMIT, MASK, NEG, FLAGS, PRIMES, PRIMES[-1])
    print(ROOT2, WIDTH, LABEL, ROUNDED, HALF, BIG)
    total = 0
    for p in [PRIMES[0], PRIMES[1], PRIMES[2], PRIMES[3]]:
        total += p * LIMIT
    print(total & MASK, f"{TAU:.4f}", GREETING.lower())
