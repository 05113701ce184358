# SPDX-License-Identifier: GPL-3.0-or-later
# Tuple construction, unpacking assignment, swaps, and unpacking in for loops.


def main() -> None:
    t = (1, "two", 3.0, True)
    a, b, c, d = t
    print(a, b, c, d, t)
    x, y = 1, 2
    x, y = y, x
    print(x, y)
    p, q = divmod(17, 5)
    print(p, q)
    f0, f1 = 0, 1
    for i in range(10):
        f0, f1 = f1, f0 + f1
    print(f0, f1)
    pairs = [(1, "a"), (2, "b"), (3, "c")]
    for n, s in pairs:
        print(n * s, end=" ")
    print()
    m, (n1, n2) = 5, (6, 7)
    print(m, n1, n2)
    single = (42,)
    print(single, len(single), single[0], ())
    i, j = 0, len(pairs) - 1
    while i < j:
        pairs[i], pairs[j] = pairs[j], pairs[i]
        i, j = i + 1, j - 1
    print(pairs)
