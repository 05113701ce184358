# SPDX-License-Identifier: GPL-3.0-or-later
# General formatting 'g' and 'G': switching between fixed and scientific, trailing zero removal.
import math


def main() -> None:
    print(f"{1234567.0:g} {0.0001:g} {0.00001:g} {123456.0:g} {1234567.0:G} {1e-5:G}")
    print(f"{100000.0:g} {1000000.0:g} {1e15:g} {1e16:g} {0.5:g} {1.0:g} {0.0:g} {-0.0:g}")
    print(f"{3.14159:.3g} {3.14159:.1g} {3.14159:.0g} {1234.5:.2g} {1234.5:.4g} {1234.5:.5g}")
    print(f"{0.000123456:.3g} {0.0000123456:.3g} {99999.5:.5g} {99999.4:.5g} {9.5:.1g}")
    print(f"{1e100:g} {1e-100:G} {5e-324:g} {1.7976931348623157e308:.17g}")
    print(f"{math.inf:g} {math.inf:G} {-math.inf:g} {math.nan:g} {math.nan:G}")
    print(f"{0.1:.17g} {0.1:.20g} {1 / 3:.12g} {2.0 ** 0.5:.16g}")
    print(f"[{123.456:10.4g}] [{123.456:<10.2g}] [{-0.000012:+g}] [{1e-5:010.2g}]")
    print(f"{123456789:g} {100:g} {1000000:g} {10000000:G} {-5:.2g}")
