# SPDX-License-Identifier: GPL-3.0-or-later
# assert statements that hold, with and without messages, and with side-effect-free conditions.


def checked_div(a: int, b: int) -> int:
    assert b != 0, "divisor must not be zero"
    return a // b


def main() -> None:
    assert True
    assert 1 + 1 == 2
    assert "abc", "non-empty string is true"
    assert [0], "non-empty list is true"
    xs = [3, 1, 2]
    xs.sort()
    assert xs == [1, 2, 3], f"sorted wrong: {xs}"
    print("asserts passed", checked_div(17, 5), checked_div(-17, 5))
    total = 0
    for i in range(10):
        total += i
        assert total >= i
    assert total == 45
    print(total)
