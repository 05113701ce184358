# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: int // 0 raises ZeroDivisionError 'integer division or modulo by zero'.


def average_bucket(total: int, count: int) -> int:
    return total // count


def main() -> None:
    print(average_bucket(10, 3))
    counts = [3, 2, 0]
    for c in counts:
        print("bucket", c, average_bucket(100, c))
