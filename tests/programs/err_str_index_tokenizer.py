# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: a tokenizer peeks one character past the end of a string, raising IndexError.


def tokens(s: str) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(s):
        c = s[i]
        if c in "<>=!" and s[i + 1] == "=":
            out.append(c + "=")
            i += 2
        elif c == " ":
            i += 1
        else:
            j = i
            while j < len(s) and s[j] not in " <>=!":
                j += 1
            out.append(s[i:max(j, i + 1)])
            i = max(j, i + 1)
    return out


def main() -> None:
    for src in ["a <= b", "x==1", "n != 0 and m >= 2", "q < r", "done !"]:
        print(repr(src), tokens(src))
