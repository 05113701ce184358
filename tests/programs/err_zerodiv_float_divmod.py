# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: divmod(float, 0.0) raises ZeroDivisionError 'float divmod()'.


def main() -> None:
    print(divmod(7.0, 2.0), divmod(-7.5, 2.0))
    b = 1.0
    while True:
        print(b, divmod(7.0, b))
        b -= 0.5
