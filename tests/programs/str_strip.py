# SPDX-License-Identifier: GPL-3.0-or-later
# strip, lstrip and rstrip, with and without a set of characters.


def main() -> None:
    s = "  \t hello world \n "
    print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
    print(repr("xxhixx".strip("x")), repr("xxhixx".lstrip("x")), repr("xxhixx".rstrip("x")))
    print(repr("abcHELLOcba".strip("abc")), repr("...,,text,.".strip(".,")), repr("aaa".strip("a")))
    print(repr("".strip()), repr("   ".strip()), repr("hello".strip("")), repr("hello".strip("xyz")))
    print(repr("\u3000wide\u00a0".strip()), repr("\x1c\x1dsep\x1e\x1f".strip()), repr("\x85nel\x85".strip()))
    print(repr("0001200".lstrip("0")), repr("1.500".rstrip("0").rstrip(".")), repr("3.000".rstrip("0").rstrip(".")))
    print(repr("ééaéé".strip("é")), repr("<<tag>>".strip("<>")))
    lines = ["  first  ", "\tsecond\t", "third\n"]
    cleaned: list[str] = []
    for ln in lines:
        cleaned.append(ln.strip())
    print(cleaned)
