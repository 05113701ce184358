# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: divmod(int, 0) raises ZeroDivisionError 'integer division or modulo by zero'.


def main() -> None:
    print(divmod(0, 5), divmod(-1, -5))
    print(divmod(7, 2), divmod(-7, 2))
    for b in [3, 1, 0]:
        q, r = divmod(7, b)
        print(b, q, r)
