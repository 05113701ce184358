# SPDX-License-Identifier: GPL-3.0-or-later
# str.replace with and without a count, empty old string, and chained replacements.


def main() -> None:
    s = "one fish two fish red fish"
    print(s.replace("fish", "cat"), s.replace("fish", "cat", 1), s.replace("fish", "cat", 0))
    print(s.replace("fish", "cat", -1), s.replace("fish", "", 2), s.replace("whale", "x"))
    print("aaa".replace("a", "aa"), "aaaa".replace("aa", "b"), "abc".replace("", "-"), "".replace("", "x"))
    print("abc".replace("", "-", 2), "a.b.c".replace(".", ""), "tab\there".replace("\t", "\\t"))
    print("café café".replace("é", "e"), "x" .replace("x", "☕"), "mississippi".replace("ss", "SS", 1))
    template = "Hello, NAME! You are AGE years old. Bye, NAME."
    out = template.replace("NAME", "Ada").replace("AGE", str(36))
    print(out)
    csv = "a;b;;c"
    print(csv.replace(";", ","), csv.replace(";;", ";").split(";"))
