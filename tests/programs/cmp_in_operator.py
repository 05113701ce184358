# SPDX-License-Identifier: GPL-3.0-or-later
# 'in' and 'not in' for substrings, list elements and dict keys.


def main() -> None:
    s = "hello world"
    print("world" in s, "World" in s, "" in s, "lo w" not in s, "o" in "", "" in "")
    xs = [1, 2, 3]
    print(2 in xs, 5 in xs, 5 not in xs, 3 in xs + [4])
    d = {"a": 1, "b": 2}
    print("a" in d, "c" in d, "c" not in d, "b" in d)
    names = ["ann", "bob"]
    print("bob" in names, "Bob" in names, "bo" in names)
    print(1.5 in [0.5, 1.5], 2.0 in [1.0, 2.0], "é" in "café", "x" in ["x" * 1])
    vowels = "aeiou"
    count = 0
    for ch in "programming language":
        if ch in vowels:
            count += 1
    print(count)
    seen: list[str] = []
    for w in "a b a c b d".split():
        if w not in seen:
            seen.append(w)
    print(seen)
