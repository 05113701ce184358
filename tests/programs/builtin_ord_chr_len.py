# SPDX-License-Identifier: GPL-3.0-or-later
# ord and chr across ASCII, Latin-1, BMP and astral planes; len of strings, lists, dicts, tuples.


def main() -> None:
    for c in ["A", "z", "0", " ", "\n", "é", "€", "日", "😀", "\U0010ffff", "\x00"]:
        print(repr(c), ord(c), repr(chr(ord(c))))
    print(chr(65), chr(97) + chr(98), chr(0x263A), chr(128512), repr(chr(0)), repr(chr(0xd800)))
    shifted = ""
    for ch in "Hal":
        shifted += chr(ord(ch) + 1)
    print(shifted)
    print(len(""), len("abc"), len("日本語"), len("😀😀"), len([1, 2]), len({"a": 1}), len((1, 2, 3)))
    e: list[int] = []
    print(len(e), len([e]), len("\n\t"), len("a\u0301"), len(r"\n"))
    code = 0
    for ch in "hotpath":
        code = code * 31 + ord(ch)
    print(code, code % 1000003)
