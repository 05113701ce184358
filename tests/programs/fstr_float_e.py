# SPDX-License-Identifier: GPL-3.0-or-later
# Scientific formatting 'e' and 'E': default precision, exponent digits, rounding, special values.
import math


def main() -> None:
    print(f"{12345.678:e} {12345.678:E} {0.000123:e} {1.0:e} {0.0:e} {-0.0:e}")
    print(f"{12345.678:.2e} {12345.678:.0e} {9.9999:.2e} {9.99999999:.3E} {1.5:.0e} {2.5:.0e}")
    print(f"{1e100:e} {1e-100:e} {1.7976931348623157e308:.3e} {5e-324:e} {2.2250738585072014e-308:.16e}")
    print(f"{math.inf:e} {-math.inf:E} {math.nan:e} {math.nan:E} {math.inf:.2E}")
    print(f"{123:e} {-123:.1e} {1e16:e} {1.25e-5:.1e} {1.35e-5:.1e}")
    print(f"{0.1:.17e} {0.1:.25e}")
    print(f"[{1234.5:12.3e}] [{-1234.5:<12.3e}] [{1234.5:+e}] [{1234.5:*^14.2E}]")
