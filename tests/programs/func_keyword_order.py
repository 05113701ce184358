# SPDX-License-Identifier: GPL-3.0-or-later
# Arguments run in the order they are written, keywords included, for functions, classes, methods and replace().
from dataclasses import dataclass, replace

def side(n: int) -> int:
    print("side", n)
    return n

def f(p: int, q: int, r: int = 5) -> int:
    return p * 100 + q * 10 + r

@dataclass
class P:
    a: int
    b: int

    def m(self, x: int, y: int) -> int:
        return self.a + x * y

def main() -> None:
    print(f(q=side(1), p=side(2)))
    print(f(side(3), r=side(4), q=side(5)))
    print(P(b=side(6), a=side(7)))
    print(P(1, 2).m(y=side(8), x=side(9)))
    replaced()


def replaced() -> None:
    p = P(1, 2)
    q = replace(p, b=side(10), a=side(11))
    print(q)
