# SPDX-License-Identifier: GPL-3.0-or-later
# isdigit, isalpha and isspace on ASCII and Unicode text, and on the empty string.


def main() -> None:
    samples = ["123", "12a", "", " ", "abc", "ABCdef", "café", "日本", "²³", "٣", "½", "a b", "\t\n", "\u2003", "\xa0", "-1", "1.5", "Ⅷ", "ǅ", "\u0301"]
    for s in samples:
        print(repr(s), s.isdigit(), s.isalpha(), s.isspace())
    letters = 0
    digits = 0
    spaces = 0
    for ch in "Hello World 2024! Ünïcödé ٣":
        if ch.isalpha():
            letters += 1
        elif ch.isdigit():
            digits += 1
        elif ch.isspace():
            spaces += 1
    print(letters, digits, spaces)
