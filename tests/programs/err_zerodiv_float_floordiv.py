# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: float // 0.0 raises ZeroDivisionError 'float floor division by zero'.


def main() -> None:
    print(-7.5 // 2.0, 7.5 // 1e-300)
    x = 7.5
    print(x // 2.0, x // -2.0)
    for y in [1.5, 0.5, -0.0]:
        print(y, x // y)
