# SPDX-License-Identifier: GPL-3.0-or-later
# inf, -inf, nan and negative zero: printing, arithmetic, comparisons, and math.isnan/isinf.
import math


def main() -> None:
    inf = math.inf
    nan = math.nan
    print(inf, -inf, nan, -0.0, 0.0, [inf, -inf, nan, -0.0])
    print(inf + 1.0, inf - inf, inf * -2.0, -inf * -inf, 0.0 * inf, inf / inf)
    print(1e308 * 10.0, -1e308 * 10.0, 1e308 + 1e308, 1e308 * 1e308)
    print(-0.0 + 0.0, -0.0 - 0.0, -0.0 * 1.0, 0.0 * -1.0, -(0.0), abs(-0.0), -0.0 == 0.0)
    print(math.isnan(nan), math.isnan(inf), math.isinf(-inf), math.isinf(nan), math.isinf(1e308))
    print(float("inf"), float("-inf"), float("nan"), float("-0.0"), float("-nan"))
    print(nan + 1.0, nan * 0.0, max(nan, 1.0), max(1.0, nan), min(nan, 1.0), min(1.0, nan))
    print(round(-0.0), round(-0.4), round(-0.0, 1), round(-0.04, 1), int(-0.9))
    print(str(nan) == "nan", repr(-inf), f"{-0.0}", str(0.0 * -1.0))
