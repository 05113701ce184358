# SPDX-License-Identifier: GPL-3.0-or-later
# Dataclass construction by position and keyword, defaults, and str/repr of the instances.
from dataclasses import dataclass


@dataclass
class Point:
    x: float
    y: float


@dataclass
class Order:
    item: str
    quantity: int
    price: float = 0.0
    rush: bool = False
    note: str = "none"


def main() -> None:
    p = Point(1.0, 2.0)
    print(p, repr(p), str(p), f"{p}", f"{p!r}")
    print(Point(y=-0.0, x=1e16), Point(0.1 + 0.2, 1.5e-05))
    print(Order("pen", 2))
    print(Order("ink", 1, 9.99, True))
    print(Order(item="pad", quantity=3, note="it's \"quoted\""))
    print(Order("cap", quantity=5, rush=True), Order("x", 0, price=1.25))
    print([Point(1.0, 2.0), Point(3.0, 4.0)], {"o": Order("a", 1)}, (p, 1))
