# SPDX-License-Identifier: GPL-3.0-or-later
# Percent formatting '%': default precision, explicit precision, rounding, width and special values.
import math


def main() -> None:
    print(f"{0.256:.1%} {0.5:%} {1.0:.0%} {0.12345:.2%} {-0.075:.1%} {2:%}")
    print(f"{0.0:%} {-0.0:.0%} {0.005:.0%} {0.015:.0%} {0.025:.1%} {1e-10:.3%}")
    print(f"{math.inf:%} {-math.inf:.1%} {math.nan:.2%} {12.5:,.1%} {1234.5:_%}")
    print(f"[{0.3333:>10.1%}] [{0.3333:<10.2%}] [{0.3333:^10.0%}] [{-0.5:010.1%}]")
    done = 7
    total = 9
    print(f"progress: {done / total:.1%} ({done}/{total})")
    for i in range(0, 5):
        print(f"{i / 4:6.1%}|{i:3d}")
