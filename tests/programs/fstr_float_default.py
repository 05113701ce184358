# SPDX-License-Identifier: GPL-3.0-or-later
# Floats formatted with no type letter: with a precision like 'g' but keeping '.0'; width only is repr.
import math


def main() -> None:
    print(f"{1.0:.3} {1.5:.3} {1234.5:.2} {0.0001:.3} {1e16:.3} {1e-5:.2} {100.0:.3}")
    print(f"{1.0:10} {0.1:<8}| {1e16:>10} {1e-05:^10} {math.inf:5} {-0.0:6}")
    print(f"{2.0 ** 0.5:.5} {123456789.0:.9} {123456789.0:.10} {0.5:.1} {9.5:.1}")
    print(f"{100.0:.2} {100.0:.3} {100.0:.4} {1e15:.16} {1e16:.17} {math.nan:.3}")
    print(f"{12.0:} {3.25} {-2.5e-7:} {1e22:,} {0.1:+}")
    vals = [0.5, 12.0, 1.0e6, 1e-7, 123.456]
    out = ""
    for v in vals:
        out += f"{v:.4}|"
    print(out)
