# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: math.sqrt of a negative discriminant raises ValueError 'math domain error'.
import math


def roots(a: float, b: float, c: float) -> tuple[float, float]:
    disc = b * b - 4.0 * a * c
    r = math.sqrt(disc)
    return (-b - r) / (2.0 * a), (-b + r) / (2.0 * a)


def main() -> None:
    for a, b, c in [(1.0, -3.0, 2.0), (1.0, 2.0, 1.0), (2.0, 0.5, -0.75), (1.0, 0.0, 1e-300), (1.0, 1.0, 1.0)]:
        lo, hi = roots(a, b, c)
        print(f"{a}x^2 + {b}x + {c}: {lo!r}, {hi!r} check {a * hi * hi + b * hi + c:.3g}")
