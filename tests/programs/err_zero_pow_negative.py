# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: 0.0 ** negative raises ZeroDivisionError '0.0 cannot be raised to a negative power'.


def main() -> None:
    print(0.0 ** 2.0, 2.0 ** -1.0, 0.0 ** 0.0, (-0.0) ** 3.0)
    base = 1.0
    for i in range(3):
        base -= 0.5
        print(base, base ** -1.0)
