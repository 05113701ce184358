# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: a KeyError whose computed key contains a quote, so the message uses double quotes.


def lookup(table: dict[str, int], words: list[str]) -> int:
    total = 0
    for w in words:
        key = w.lower().strip(".,!")
        total += table[key]
        print(f"{key!r} -> {table[key]} (total {total})")
    return total


def main() -> None:
    table = {"it": 1, "is": 2, "fine": 3, "isn't": 4}
    print(lookup(table, ["It", "is", "fine."]))
    print(lookup(table, ["It", "isn't!", "It's", "fine"]))
