# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: dict.pop(k) without a default for a missing key raises KeyError.


def main() -> None:
    d = {"a": 1, "b": 2}
    print(d.pop("a"), d.pop("a", 0), d)
    keys = ["b", "a"]
    for k in keys:
        print("popping", k)
        print(d.pop(k))
