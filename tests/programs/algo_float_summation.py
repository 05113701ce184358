# SPDX-License-Identifier: GPL-3.0-or-later
# Float summation order effects: naive left-to-right sum(), reversed order, and Kahan compensation.


def kahan(xs: list[float]) -> float:
    s = 0.0
    c = 0.0
    for x in xs:
        y = x - c
        t = s + y
        c = (t - s) - y
        s = t
    return s


def main() -> None:
    xs = [0.1] * 10
    print(sum(xs), kahan(xs), sum(xs) == 1.0, kahan(xs) == 1.0)
    big = [1e16, 1.0, -1e16, 1.0]
    print(sum(big), kahan(big), sum([1.0, 1e16, -1e16, 1.0]))
    series: list[float] = []
    for k in range(1, 1001):
        series.append(1.0 / (k * k))
    fwd = sum(series)
    back = 0.0
    for v in reversed(series):
        back += v
    print(fwd, back, kahan(series), fwd == back)
    h = 0.0
    for k in range(1, 101):
        h += 1 / k
    print(h, f"{h:.20f}")
