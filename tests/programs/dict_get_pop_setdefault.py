# SPDX-License-Identifier: GPL-3.0-or-later
# dict.get with a default, pop with and without a default, setdefault inserting and not inserting.


def main() -> None:
    d = {"a": 1, "b": 2}
    print(d.get("a", 0), d.get("z", -1), d, d.get("", 99))
    print(d.pop("a"), d, d.pop("a", 42), d.pop("b", 0), d)
    print(d.setdefault("x", 5), d, d.setdefault("x", 6), d)
    groups: dict[str, list[str]] = {}
    for w in ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]:
        groups.setdefault(w[0], []).append(w)
    print(groups)
    fd = {"pi": 3.14}
    print(fd.get("pi", 0.0), fd.get("e", 2.71), fd.pop("pi", 0.0), fd.setdefault("tau", 6.28), fd)
    nested: dict[str, dict[str, int]] = {}
    nested.setdefault("x", {})["y"] = 1
    nested.setdefault("x", {})["z"] = 2
    print(nested, nested.get("x", {"none": 0}).get("z", 0))
