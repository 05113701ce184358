# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: float % 0.0 raises ZeroDivisionError 'float modulo'.


def main() -> None:
    x = 7.5
    print(x % 2.0, x % -2.0)
    d = x - 7.5
    print(d)
    print(x % d)
