# SPDX-License-Identifier: GPL-3.0-or-later
# repr() keeps printable non-ASCII characters and escapes non-printable ones as \xhh, \uhhhh, \Uhhhhhhhh.


def main() -> None:
    print(repr("café"), repr("naïve"), repr("日本語"), repr("Ωμέγα"), repr("☕🎉"))
    print(repr("\u0300"), repr("e\u0301"), repr("\u00ad"), repr("\u061c"), repr("\u2060"))
    print(repr("\ud7ff"), repr("\ue000"), repr("\U0001f600"), repr("\U000e0001"), repr("\U0010ffff"))
    print(repr("\u3000"), repr("\u2003"), repr(" "), repr("\u1680"), repr("\u0085"))
    print(["ß", "Σ", "ﬁ"], {"ключ": "значение"}, ("𝄞",))
    print(len("🎉"), len("e\u0301"), len("日本語"), ord("🎉"), chr(127881))
    for c in ["A", "é", "\u200e", "\U0001d11e", "\x1f"]:
        print(ord(c), repr(c), f"{c!r:>12}")
