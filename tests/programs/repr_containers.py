# SPDX-License-Identifier: GPL-3.0-or-later
# str() and repr() of lists, dicts and tuples, nested, with strings, floats and bools inside.


def main() -> None:
    print([1, 2, 3], [1.0, 2.5], ["a", "b"], [True, False], [[1], [2, 3], []])
    print({"a": [1.0], "b": [1.5, 2.0]}, {"k": {"inner": "v"}}, {"e": (1, "x")})
    print((1,), (1, 2), ("a", 1.0, True), ((1, 2), (3, 4)), (1, [2, 3], {"k": 4}))
    nested = {"list": [[1, 2], [3]], "empty": [[0]][:0]}
    print(nested, str(nested) == repr(nested), len(str(nested)))
    grid: list[list[str]] = [["x", "o"], ["o", "x"]]
    print(grid, str(grid), repr(grid))
    empty_d: dict[str, list[int]] = {}
    empty_l: list[dict[str, int]] = []
    print(empty_d, empty_l, [empty_d], {"e": empty_l})
    print([0.1, 1e16, 1e-05, -0.0, 1e300 * 1e10], (0.1 + 0.2,))
    print(str([1, 11]), repr(["1", "'"]), str(("x",)), repr(("x", "y")), str((1, "1")))
    words = ["it's", 'a "q"', "tab\t"]
    print(words, tuple_of(words))


def tuple_of(ws: list[str]) -> tuple[str, str, str]:
    return (ws[0], ws[1], ws[2])
