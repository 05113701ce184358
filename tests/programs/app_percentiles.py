# SPDX-License-Identifier: GPL-3.0-or-later
# Latency percentiles: sort, nearest-rank and linearly interpolated percentiles, mean and spread.
import math


def nearest_rank(xs: list[float], p: float) -> float:
    rank = math.ceil(p / 100.0 * len(xs))
    return xs[max(rank, 1) - 1]


def interpolated(xs: list[float], p: float) -> float:
    pos = (len(xs) - 1) * p / 100.0
    lo = math.floor(pos)
    hi = min(lo + 1, len(xs) - 1)
    frac = pos - lo
    return xs[lo] + (xs[hi] - xs[lo]) * frac


def main() -> None:
    raw = [12.5, 3.25, 8.0, 150.0, 9.75, 11.0, 7.5, 42.0, 10.0, 9.0, 8.5, 13.0, 6.0, 99.5, 10.25]
    xs = sorted(raw)
    print(xs)
    for p in [0.0, 10.0, 25.0, 50.0, 75.0, 90.0, 95.0, 99.0, 100.0]:
        a = nearest_rank(xs, p)
        b = interpolated(xs, p)
        print(f"p{p:<5g} nearest={a:>7.2f} interp={b:>9.4f} {b!r}")
    mean = sum(xs) / len(xs)
    var = 0.0
    for x in xs:
        var += (x - mean) ** 2
    sd = math.sqrt(var / (len(xs) - 1))
    print(f"n={len(xs)} mean={mean:.3f} sd={sd:.3f} cv={sd / mean:.1%} max/min={xs[-1] / xs[0]:.2e}")
    print(interpolated([5.0], 50.0), nearest_rank([1.0, 2.0], 50.0), interpolated([1.0, 2.0], 50.0))
