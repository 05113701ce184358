# SPDX-License-Identifier: GPL-3.0-or-later
# Smaller things handlers use: type aliases, enumerate(start=), pow with a modulus,
# dict(zip(...)), assignment expressions in conditions and comprehensions, and/or mixing
# types where only truth is tested.
from dataclasses import dataclass
from typing import Optional, TypeAlias

Matrix = list[list[float]]
Scores: TypeAlias = dict[str, int]
MaybeName = str | None
UserId = int


@dataclass
class User:
    id: UserId
    name: MaybeName = None


def identity(n: int) -> Matrix:
    return [[1.0 if i == j else 0.0 for j in range(n)] for i in range(n)]


def best(scores: Scores) -> Optional[str]:
    return max(scores, key=lambda k: scores[k], default=None)


def chunks(words: list[str], width: int) -> list[str]:
    out: list[str] = []
    line = ""
    i = 0
    while i < len(words) and len(line) < width:
        line += words[i] + " "
        i += 1
    out.append(line.strip())
    return out


def lengths(lines: list[str]) -> list[int]:
    return [n for line in lines if (n := len(line.strip())) > 2]


def main() -> None:
    print(identity(2), best({"a": 1, "b": 3}), best({}), User(7), User(8, "zed"))
    for i, w in enumerate(["x", "y"], start=1):
        print(i, w)
    print(pow(2, 10), pow(2, 10, 1000), pow(3, -1, 7), pow(-2, 5, -7), pow(2.0, 0.5), pow(3, -1))
    print(divmod(-7, 2), divmod(7.5, -2), round(2.675, 2), round(-0.5), round(1234, -2))
    keys = ["a", "b", "c"]
    print(dict(zip(keys, [1, 2, 3])), chunks(["aa", "bb", "cc", "dd"], 5), lengths([" abc ", "x", "wxyz"]))
    stock = {"tea": 3}
    if (count := stock.get("tea")) is not None and count > 2:
        print("tea", count + 1)
    total = 0
    n = 1
    while (step := n * n) < 30:
        total += step
        n += 1
    print(total, step)
    # The same loop variable name over values of different types, in separate loops.
    count = 0
    for _ in range(3):
        count += 1
    for _ in ["a", "b"]:
        count += 10
    for k, _ in enumerate([1.5, 2.5]):
        count += k
    print(count)
    # Unpacking a list, as str.split gives one.
    settings: dict[str, str] = {}
    for line in "a=1; b = two;c".split(";"):
        if "=" in line:
            key, value = line.split("=", 1)
            settings[key.strip()] = value.strip()
    print(settings)
    for x, y in [[1, 2], [3, 4]]:
        print(x * y)
    scores = {"ann": 3, "bob": 7, "cy": 1}
    print(max(scores, key=scores.get), sorted(scores, key=scores.get))
