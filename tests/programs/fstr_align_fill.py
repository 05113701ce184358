# SPDX-License-Identifier: GPL-3.0-or-later
# Format spec fill and alignment (<, >, ^, =) for strings, ints and floats; centring with odd padding.


def main() -> None:
    s = "ab"
    print(f"[{s:<6}] [{s:>6}] [{s:^6}] [{s:^7}] [{s:6}] [{s:1}]")
    print(f"[{s:*<6}] [{s:->6}] [{s:.^7}] [{s:0>5}] [{s:_^5}] [{s:é^6}]")
    n = 42
    print(f"[{n:<6}] [{n:>6}] [{n:^6}] [{n:^7}] [{n:6}] [{n:=6}]")
    print(f"[{-n:*<6}] [{-n:*>6}] [{-n:*^7}] [{-n:*=7}] [{-n:0=7}] [{n:#>4}]")
    x = 3.5
    print(f"[{x:<8}] [{x:>8}] [{x:^8}] [{-x:=8}] [{-x:~=9.2f}] [{x:x^9.3f}]")
    print(f"[{'':>3}] [{'':-^4}] [{'toolong':^3}] [{123456:^3}]")
    for w in range(1, 6):
        print(f"|{'ab':^5}|{'abc':^4}|{w:>3}|{w:<3}|{w * 'ab':^7}|")
