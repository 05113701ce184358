# SPDX-License-Identifier: GPL-3.0-or-later
# Default argument values of every allowed type and calls mixing positional and keyword arguments.

SEP = ", "


def greet(name: str = "World", times: int = 1, punct: str = "!") -> str:
    return SEP.join([f"Hello, {name}{punct}"] * times)


def scale(x: float, factor: float = 2.5, offset: float = -0.5, clamp: bool = False) -> float:
    y = x * factor + offset
    return min(y, 10.0) if clamp else y


def span(pair: tuple[int, int] = (1, 5), step: int = 1) -> int:
    lo, hi = pair
    total = 0
    for i in range(lo, hi, step):
        total += i
    return total


def main() -> None:
    print(greet())
    print(greet("Ada"), greet(times=2), greet("Bob", 2), greet(punct="?", name="Cy"))
    print(greet("Di", punct="."), greet(name="Ed", times=3, punct=""))
    print(scale(2.0), scale(2.0, 3.0), scale(2.0, offset=0.0), scale(10.0, clamp=True), scale(x=1.0, factor=1.0))
    print(span(), span((0, 10)), span(step=2), span(pair=(10, 0), step=-3))
