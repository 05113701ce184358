# SPDX-License-Identifier: GPL-3.0-or-later
# Converting ints to base-2..36 strings by hand and checking against format specs and int(s, base).

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def to_base(n: int, base: int) -> str:
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = ""
    while n > 0:
        n, r = divmod(n, base)
        out = DIGITS[r] + out
    return sign + out


def main() -> None:
    for n in [0, 5, 255, -255, 1000000, 9223372036854775807]:
        b2 = to_base(n, 2)
        b16 = to_base(n, 16)
        print(n, b2 == f"{n:b}", b16 == f"{n:x}", to_base(n, 8) == f"{n:o}", to_base(n, 36))
        print(int(b16, 16) == n, int(to_base(n, 7), 7) == n, int(to_base(n, 36), 36))
