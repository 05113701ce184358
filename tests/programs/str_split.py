# SPDX-License-Identifier: GPL-3.0-or-later
# str.split(): whitespace runs, explicit separators, empty fields, multi-character separators.


def main() -> None:
    print("a b  c".split(), "  lead and trail  ".split(), "".split(), "   ".split())
    print("tab\tand\nnewline\r\n mixed\x0b\x0cend".split())
    print("a,b,,c,".split(","), ",".split(","), "".split(","), "abc".split(","))
    print("a::b::c".split("::"), "a:::b".split("::"), "aaaa".split("aa"), "x".split("x"))
    print("one two".split(" "), "one  two".split(" "), " x ".split(" "))
    print("2024-01-15".split("-"), "k=v=w".split("="), "ß→ß".split("→"))
    line = "name: Alice ; age: 30 ; city: Paris"
    fields: dict[str, str] = {}
    for part in line.split(";"):
        kv = part.split(":")
        fields[kv[0].strip()] = kv[1].strip()
    print(fields)
    print("a\u2003b\u00a0c\u3000d".split(), len("a\x1cb\x1dc\x1ed\x1fe".split()))
