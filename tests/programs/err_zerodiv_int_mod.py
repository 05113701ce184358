# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: int % 0 raises ZeroDivisionError 'integer modulo by zero'.


def main() -> None:
    print(-17 % 5, 17 % -5)
    n = 17
    for m in range(3, -1, -1):
        print(n, m, n % m)
    print("not reached")
