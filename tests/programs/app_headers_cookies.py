# SPDX-License-Identifier: GPL-3.0-or-later
# Parsing raw HTTP header lines and a Cookie header: case-insensitive names, repeated headers, quoting.

RAW = "Host: example.com\r\nContent-Type: text/html; charset=UTF-8\r\nX-Tag: a\r\nx-tag: b\r\nCookie: sid=abc123; theme=\"dark\"; empty=; flag\r\nBroken line\r\nContent-Length:  42 "


def parse_headers(raw: str) -> dict[str, str]:
    headers: dict[str, str] = {}
    for line in raw.split("\r\n"):
        colon = line.find(":")
        if colon <= 0:
            print("skip:", repr(line))
            continue
        name = line[:colon].strip().lower()
        value = line[colon + 1:].strip()
        headers[name] = headers[name] + ", " + value if name in headers else value
    return headers


def parse_cookies(value: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for part in value.split(";"):
        part = part.strip()
        eq = part.find("=")
        if eq < 0:
            out[part] = ""
        else:
            out[part[:eq]] = part[eq + 1:].strip('"')
    return out


def main() -> None:
    h = parse_headers(RAW)
    print(h)
    ctype = h.get("content-type", "")
    charset = ctype[ctype.find("charset=") + 8:] if "charset=" in ctype else "none"
    print(ctype.split(";")[0], charset.lower(), int(h["content-length"]) * 2, h["x-tag"].split(", "))
    print(parse_cookies(h["cookie"]), parse_cookies(""))
