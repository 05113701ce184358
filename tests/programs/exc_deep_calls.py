# SPDX-License-Identifier: GPL-3.0-or-later
# Exceptions crossing calls: raised three calls deep, and by a recursion at depth 20, with finally on the way out.


class DepthLimit(Exception):
    pass


UNWOUND: list[int] = []


def level3(values: list[int], i: int) -> int:
    return 100 // values[i]


def level2(values: list[int], i: int) -> int:
    return level3(values, i) + 1


def level1(values: list[int], i: int) -> int:
    result = level2(values, i)
    print("  level1 got", result)
    return result * 2


def descend(depth: int, limit: int) -> int:
    try:
        if depth == limit:
            return 0
        if depth == 20:
            raise DepthLimit(f"hit depth {depth} on the way to {limit}")
        return descend(depth + 1, limit) + 1
    finally:
        if depth % 5 == 0:
            UNWOUND.append(depth)


def search(path: list[str], target: str, depth: int) -> list[str]:
    if depth == 20:
        raise LookupError(f"{target} not within {depth} steps: {'/'.join(path[-3:])}")
    if f"n{depth}" == target:
        return path
    return search(path + [f"n{depth}"], target, depth + 1)


def main() -> None:
    values = [4, 0, 25]
    for i in [0, 1, 2, 5]:
        try:
            print(i, level1(values, i))
        except ZeroDivisionError as e:
            print(i, "divide:", e)
        except IndexError as e:
            print(i, "index:", e)
    for limit in [12, 50]:
        UNWOUND.clear()
        try:
            print("reached", descend(0, limit), "unwound", UNWOUND)
        except DepthLimit as e:
            print("caught:", e, "unwound", UNWOUND)
    for target in ["n7", "n99"]:
        try:
            print(search([], target, 0))
        except LookupError as e:
            print(repr(e))
