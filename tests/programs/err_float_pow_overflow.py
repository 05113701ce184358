# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: a float ** float too large raises OverflowError "(34, 'Numerical result out of range')".


def main() -> None:
    x = 10.0
    print(x ** 300.0, 1e308 * 10.0, x ** -400.0)
    e = 100.0
    while e < 1000.0:
        print(e, x ** e)
        e += 150.0
