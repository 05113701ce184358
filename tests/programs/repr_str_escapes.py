# SPDX-License-Identifier: GPL-3.0-or-later
# repr() escapes: \n \r \t, other control characters as \xhh, DEL, C1 controls, non-breaking spaces.


def main() -> None:
    print(repr("line1\nline2"), repr("cr\r"), repr("tab\there"), repr("\x00\x01\x1f"))
    print(repr("\x7f"), repr("\x80\x9f"), repr("\xa0"), repr("\xad"), repr("\x0b\x0c"))
    print(repr("\a\b\f\v"), repr("\u2028\u2029"), repr("\u200b"), repr("\ufeff"))
    print(["\n", "\t", "\\n"], ("\r\n",), {"\t": "\x1b[0m"})
    s = "a\tb\nc"
    print(s)
    print(len(s), s.split("\t"), s.split("\n"), s.split())
    octal_like = "\101\102"
    print(octal_like, repr(octal_like), repr("\x41\u0042\U00000043"))
