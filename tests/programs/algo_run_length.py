# SPDX-License-Identifier: GPL-3.0-or-later
# Run-length encoding and decoding of strings, including digits and unicode characters.


def encode(s: str) -> str:
    if not s:
        return ""
    out = ""
    prev = s[0]
    count = 1
    for ch in s[1:]:
        if ch == prev:
            count += 1
        else:
            out += str(count) + prev
            prev = ch
            count = 1
    return out + str(count) + prev


def decode(s: str) -> str:
    out = ""
    num = ""
    for ch in s:
        if "0" <= ch <= "9":
            num += ch
        else:
            out += ch * int(num)
            num = ""
    return out


def main() -> None:
    for s in ["aaabccdddd", "", "x", "ééé☕☕ab", "a" * 12 + "b"]:
        e = encode(s)
        print(repr(s), repr(e), decode(e) == s)
