# SPDX-License-Identifier: GPL-3.0-or-later
# int/float comparisons by exact value, nan and infinity comparisons, float equality pitfalls.
import math


def main() -> None:
    print(2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53)
    print(9223372036854775807 == 9223372036854775808.0, 9223372036854775807 < 9223372036854775808.0)
    print(-9223372036854775807 - 1 == -9223372036854775808.0, 9007199254740993 < 9007199254740994.0)
    print(1 == 1.0, 0 == -0.0, 1 < 1.5, -1 > -1.5, 3 != 3.0, 2 >= 2.0)
    nan = math.nan
    print(nan == nan, nan != nan, nan < 1.0, nan > 1.0, nan <= nan, 1 == nan, 1 != nan)
    print(math.inf > 9223372036854775807, -math.inf < -9223372036854775807, math.inf == math.inf)
    print(0.1 + 0.2 == 0.3, 0.1 + 0.2 > 0.3, 0.5 + 0.25 == 0.75, -0.0 == 0.0, -0.0 < 0.0)
    print(max(0.0, -0.0), min(0.0, -0.0), max(-0.0, 0.0))
    print(5e-324 > 0.0, 5e-324 / 2 == 0.0, 1e308 * 10 == math.inf)
