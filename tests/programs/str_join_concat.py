# SPDX-License-Identifier: GPL-3.0-or-later
# str.join, + and * on strings, and building strings in loops.


def main() -> None:
    words = ["alpha", "beta", "gamma"]
    none: list[str] = []
    print(", ".join(words), "".join(words), "-".join(["x"]), "|".join([""]), repr(",".join(none)))
    print("ab" + "cd", "ab" * 3, 3 * "ab", "x" * 0, "x" * -2, repr("" * 5), "=" * 10)
    out = ""
    for i in range(5):
        out += str(i) + ("," if i < 4 else "")
    print(out)
    parts: list[str] = []
    for w in words:
        parts.append(w.upper()[0] + w[1:])
    print(" ".join(parts), "\n".join(parts))
    line = ""
    n = 1
    while len(line) < 30:
        line = line + str(n) + " "
        n *= 3
    print(line.rstrip(), len(line))
    print("+".join(["1", "4", "9"]), "é".join("abc".split("b")))
