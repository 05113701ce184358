# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: int(inf) raises OverflowError 'cannot convert float infinity to integer'.


def main() -> None:
    x = 1e308
    print(int(x / 1e295))
    x *= 10.0
    print(x)
    print(int(x))
