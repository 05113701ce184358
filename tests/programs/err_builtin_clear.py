# SPDX-License-Identifier: GPL-3.0-or-later
# list.clear() and dict.clear(): local and module-level containers, aliases, reuse after clearing.
CACHE: dict[str, list[int]] = {"a": [1, 2]}
SEEN: list[str] = ["x"]


def reset() -> int:
    n = len(CACHE) + len(SEEN)
    CACHE.clear()
    SEEN.clear()
    return n


def main() -> None:
    xs = [3, 1, 2]
    alias = xs
    xs.clear()
    print(xs, alias, len(alias), len(xs) == 0)
    xs.append(7)
    print(alias)
    d: dict[str, int] = {"k": 1, "j": 2}
    d.clear()
    d["z"] = 26
    print(d, len(d))
    kept = CACHE["a"]
    print(reset(), CACHE, SEEN, kept)
    CACHE["b"] = kept
    SEEN.append("y")
    print(CACHE, SEEN)
    words = {"one": 1, "two": 2}
    for w in words:
        print(w)
        words.clear()
