# SPDX-License-Identifier: GPL-3.0-or-later
# str.split(sep, maxsplit) with positive, zero and negative maxsplit.


def main() -> None:
    s = "a,b,c,d"
    for n in [-1, 0, 1, 2, 3, 4, 10]:
        print(n, s.split(",", n))
    print("k=v=w".split("=", 1), "no-sep".split("=", 1), "=lead".split("=", 1), "trail=".split("=", 1))
    header = "Content-Type: text/plain: charset=utf-8"
    parts = header.split(": ", 1)
    print(parts[0], "|", parts[1])
    print("a  b  c".split(" ", 2), "path/to/file.txt".split("/", 1))
    line = "GET /index.html HTTP/1.1"
    method, rest = split_first(line)
    print(method, rest)


def split_first(s: str) -> tuple[str, str]:
    parts = s.split(" ", 1)
    return parts[0], parts[1]
