# SPDX-License-Identifier: GPL-3.0-or-later
# Mixed int/float arithmetic converts the int first; bool arithmetic gives ints.


def main() -> None:
    print(1 + 2.0, 3 * 0.5, 7 - 0.5, 2 * 1.5, 10 - 10.0)
    print(9007199254740993 + 0.0, 9007199254740993 * 1.0, 2 ** 53 + 1.0)
    print(10 // 3.0, 10 % 3.5, 1 / 2.0, -7 // 2.0, -7 % 2.0)
    print(True + True, True * 3, False - 1, True + 1.5, True / 2, -True)
    print(3 + True * 2, (True + True) * (True + True + True))
    print(0.1 * 3, 3 * 0.1, 0.1 + 0.1 + 0.1, 1 - 0.9)
    ones = 0
    for flag in [True, False, True, True]:
        ones += flag
    print(ones)
    total = 0.0
    for i in range(5):
        total += i
    print(total, total / 4)
