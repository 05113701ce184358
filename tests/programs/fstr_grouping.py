# SPDX-License-Identifier: GPL-3.0-or-later
# Thousands separators ',' and '_' with d, f, e, g, %, x, o, b, widths and zero padding.


def main() -> None:
    for n in [0, 999, 1000, -1000, 1234567, -9223372036854775807 - 1]:
        print(f"{n:,} {n:_} {n:,d} {n:_d} {n:>15,} {n:015,}")
    for x in [1234.5678, -1234567.891, 0.5, 1e16, 123456789.0]:
        print(f"{x:,} {x:,.2f} {x:_.1f} {x:,.3e} {x:,g} {x:,.0f}")
    print(f"{0xDEADBEEF:_x} {0xDEADBEEF:_X} {0o7777777:_o} {255:_b} {1234567:_b}")
    print(f"{12345.678:,.2%} {0.5:_%} {-1234:+,} {1234:^+11,}")
    print(f"{1234567.0:,} {12345678901234567.0:,} {0.000012345:,}")
