# SPDX-License-Identifier: GPL-3.0-or-later
# String clean-up steps of a form handler: strip sets, title and case mapping, split limits, find/count.


def normalise_name(s: str) -> str:
    parts = s.strip(" .,-").split()
    return " ".join(parts).title()


def main() -> None:
    for s in ["  ada   lovelace ", "o'neil-smith", "GRACE hopper.", "jean-luc picard", "élodie ÆTHER", "3rd place", "ß strasse"]:
        print(repr(normalise_name(s)), repr(s.upper()), repr(s.lower().strip()))
    line = "key = value = more ; comment"
    print(line.split("=", 1), line.split(" ", 2), line.split(";")[0].strip(), line.rfind("="), line.find("=", 5))
    print("aaaa".count("aa"), "abcabc".replace("b", "", 1), "abc".replace("", "-"), "x".zfill(3), "+5".zfill(4), "".zfill(2))
    print("  \t\n x \r\n".strip(), "xxhixx".lstrip("x"), "xxhixx".rstrip("xh"), "a,b,,c,".split(","), " a  b ".split(" "))
    print("Hello World".startswith("Hell"), "file.tar.gz".endswith(".gz"), "file.tar.gz"[: "file.tar.gz".find(".")], "abc".find(""))
    print("ﬁne".upper(), "İ".lower() == "i̇", len("İ".lower()), "ǅungla".title(), "hello world".title(), "they're bill's".title())
