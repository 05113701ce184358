# SPDX-License-Identifier: GPL-3.0-or-later
# Conditional expressions: nesting, precedence, lazy evaluation of the unused branch.


def sign(x: int) -> str:
    return "neg" if x < 0 else "zero" if x == 0 else "pos"


def loud(s: str) -> str:
    print("evaluated", s)
    return s


def main() -> None:
    for x in [-5, 0, 5]:
        print(x, sign(x))
    a = 3
    b = 7
    print(a if a > b else b, (a if a < b else b) * 10, a + 1 if a else 0)
    print([1, 2] if a else [3], "odd" if a % 2 else "even")
    print(loud("yes") if a < b else loud("no"))
    c = 1.5 if b > 5 else -1.5
    print(c, abs(c) if c < 0 else -c)
    parts: list[str] = []
    for i in range(1, 16):
        parts.append("FizzBuzz" if i % 15 == 0 else "Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else str(i))
    print(" ".join(parts))
