# SPDX-License-Identifier: GPL-3.0-or-later
# Fixed-point formatting 'f' and 'F': precision, correct rounding of exact binary values, big values.
import math


def main() -> None:
    print(f"{3.14159:.2f} {2.675:.2f} {1.005:.2f} {0.125:.2f} {0.375:.2f} {2.5:.0f} {3.5:.0f}")
    print(f"{0.1:f} {1 / 3:f} {-1 / 3:.10f} {2.0:.0f} {0.5:.0f} {1.5:.0f} {-0.5:.0f}")
    print(f"{1e22:f} {1e23:.1f} {123456789.987654321:.5f} {5e-324:.3f}")
    print(f"{0.1:.20f} {0.1:.30f}")
    print(f"{math.pi:F} {math.inf:f} {math.inf:F} {-math.inf:.2f} {math.nan:f} {math.nan:F}")
    print(f"{1e300:.2f}")
    print(f"{-0.0:f} {-0.0001:.2f} {0.0049:.2f} {0.005:.2f} {0.015:.2f} {0.025:.2f}")
    for p in range(0, 8):
        print(p, f"{2.0 / 3.0:.3f}", format_precision(p))


def format_precision(p: int) -> str:
    if p == 0:
        return f"{math.e:.0f}"
    if p == 1:
        return f"{math.e:.1f}"
    if p == 2:
        return f"{math.e:.2f}"
    if p == 3:
        return f"{math.e:.3f}"
    return f"{math.e:.15f}" if p > 5 else f"{math.e:.16f}"
