# SPDX-License-Identifier: GPL-3.0-or-later
# Handler-style query-string parsing: split on & and =, decode + and %XX by hand, repeated keys.

HEX = "0123456789abcdef"


def unquote(s: str) -> str:
    out = ""
    i = 0
    while i < len(s):
        c = s[i]
        if c == "+":
            out += " "
        elif c == "%" and i + 2 < len(s) + 1 and HEX.find(s[i + 1:i + 2].lower()) >= 0 and HEX.find(s[i + 2:i + 3].lower()) >= 0:
            out += chr(int(s[i + 1:i + 3], 16))
            i += 2
        else:
            out += c
        i += 1
    return out


def parse_query(q: str) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for part in q.split("&"):
        if part == "":
            continue
        pos = part.find("=")
        key = part if pos < 0 else part[:pos]
        value = "" if pos < 0 else part[pos + 1:]
        params.setdefault(unquote(key), []).append(unquote(value))
    return params


def main() -> None:
    for q in ["a=1&b=two&a=3", "name=Ada+Lovelace&city=S%C3o%20Paulo&flag", "&&x=%41%42%4&y==z&%zz=1", ""]:
        p = parse_query(q)
        print(repr(q), "->", p)
        print("  first a:", p.get("a", ["-"])[0], "| keys:", sorted(p.keys()), "| n:", len(p))
