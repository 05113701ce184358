# SPDX-License-Identifier: GPL-3.0-or-later
# Numeric literal forms: decimal, hex, octal, binary with underscores; float forms with exponents.


def main() -> None:
    print(0, 7, 1_000, 0x10, 0XfF, 0o17, 0O7_7, 0b1010, 0B1_1, 0x_1F, 00, 0_0)
    print(1.5, .5, 5., 1e3, 1E3, 1e-3, 1.5e+2, 1_000.000_1, 0.000_001, 1e0_1, 00.5)
    print(9223372036854775807, 0x7FFF_FFFF_FFFF_FFFF, 0o777777777777777777777, 0b111)
    print(1e308, 1e-323, 2e-324, 1.7976931348623157e308, 0e0, 0.0e-5, 123e-2)
    print(0x10 + 0o10 + 0b10 + 10, 1_0 * 1_0, -0x10, -0b1, +0o7)
    print(3.0e1 == 30, 1e2 == 100, 0.1e1 == 1, 1_0.5 == 10.5)
