# SPDX-License-Identifier: GPL-3.0-or-later
# Every augmented assignment operator on names, list items, dict entries and dataclass fields.
from dataclasses import dataclass


@dataclass
class Box:
    n: int
    w: float


def main() -> None:
    n = 100
    n += 5
    n -= 3
    n *= 2
    print(n)
    n //= 7
    n %= 11
    n **= 3
    print(n)
    n <<= 2
    n >>= 1
    n &= 0xFF
    n |= 0x100
    n ^= 0x0F0
    print(n)
    f = 10.0
    f += 0.5
    f -= 0.25
    f *= 3.0
    f /= 4.0
    print(f)
    f //= 1.5
    f %= 2.0
    f **= 3.0
    print(f)
    s = "ab"
    s += "cd"
    s *= 2
    xs = [1]
    xs += [2, 3]
    xs *= 2
    xs[0] += 10
    xs[-1] *= 5
    d = {"k": 1}
    d["k"] += 41
    b = Box(1, 0.5)
    b.n -= 3
    b.w *= 4.0
    print(s, xs, d, b)
