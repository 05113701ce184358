# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: float / 0.0 raises ZeroDivisionError 'float division by zero'.


def main() -> None:
    values = [2.0, 0.5, -0.0]
    acc = 1.0
    for v in values:
        acc = acc / v
        print(acc)
