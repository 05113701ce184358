# SPDX-License-Identifier: GPL-3.0-or-later
# startswith, endswith, find, rfind and count, including empty needles and overlapping text.


def main() -> None:
    s = "banana bandana"
    print(s.startswith("ban"), s.startswith("nan"), s.startswith(""), s.endswith("ana"), s.endswith(""))
    print(s.find("ana"), s.rfind("ana"), s.find("xyz"), s.rfind("xyz"), s.find(""), s.rfind(""))
    print(s.count("ana"), s.count("an"), s.count("a"), s.count(""), s.count("bandanas"), "aaaa".count("aa"))
    print("".find(""), "".count(""), "".startswith(""), "abc".endswith("abcd"), "café".find("é"))
    u = "日本語のテキスト日本"
    print(u.find("日本"), u.rfind("日本"), u.count("日本"), u.startswith("日"), u.endswith("本"))
    text = "the cat sat on the mat with the hat"
    pos = text.find("the")
    hits: list[int] = []
    while pos != -1:
        hits.append(pos)
        pos = next_find(text, "the", pos + 1)
    print(hits, text.count("the"), text.rfind("at"))


def next_find(text: str, sub: str, start: int) -> int:
    i = text[start:].find(sub)
    return -1 if i < 0 else i + start
