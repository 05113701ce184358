# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: range() with a zero step raises ValueError 'range() arg 3 must not be zero'.


def main() -> None:
    for step in [3, -3, 0]:
        total = 0
        for i in range(0, 9 if step > 0 else -9, step):
            total += i
        print(step, total)
