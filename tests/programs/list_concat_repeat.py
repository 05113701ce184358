# SPDX-License-Identifier: GPL-3.0-or-later
# List + and *, repetition counts of zero and negative, and repetition sharing inner lists.


def main() -> None:
    a = [1, 2]
    b = [3]
    print(a + b, b + a, a + [], a * 3, 3 * b, a * 0, a * -1, [0] * 5)
    c = a + b
    c[0] = 99
    print(a, c)
    inner = [0]
    outer = [inner] * 3
    outer[0].append(1)
    print(outer)
    strs = ["x"] * 2 + ["y"] * 3
    print(strs, len(strs), strs.count("y"))
    acc: list[float] = []
    for i in range(3):
        acc = acc + [i * 0.5]
    print(acc)
