# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: indexing past the end of a string raises IndexError 'string index out of range'.


def char_at(s: str, i: int) -> str:
    return s[i]


def main() -> None:
    s = "héllo"
    print(char_at(s, 1), char_at(s, -5))
    print(char_at(s, 5))
