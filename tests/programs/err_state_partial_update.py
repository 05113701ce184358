# SPDX-License-Identifier: GPL-3.0-or-later
# Module state: an error in the middle of an update keeps what was written before it, as in CPython.
STOCK: dict[str, int] = {"apple": 3, "pear": 1}
SOLD: list[str] = []
failures = 0


def sell(item: str, n: int) -> int:
    global failures
    SOLD.append(item)
    left = STOCK[item] - n
    if left < 0:
        failures += 1
        left = 0
    STOCK[item] = left
    return left


def main() -> None:
    print(sell("apple", 2), sell("pear", 5))
    print(STOCK, SOLD, failures)
    print(sell("plum", 1))
