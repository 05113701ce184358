# SPDX-License-Identifier: GPL-3.0-or-later
# Iterating strings by code point: accents, CJK, emoji, combining marks; reversing and counting.


def main() -> None:
    s = "Zoë ☕ 日本 🎉 e\u0301"
    for i, ch in enumerate(s):
        print(i, repr(ch), ord(ch), ch.isalpha(), ch.isspace())
    print(len(s), s[::-1], s.upper(), s.count(" "), s.find("日"), s.find("🎉"))
    codes: list[int] = []
    for ch in "héllo":
        codes.append(ord(ch))
    rebuilt = ""
    for c in codes:
        rebuilt += chr(c)
    print(codes, rebuilt, rebuilt == "héllo", max("héllo"), min("héllo"), sorted("日本語"))
