# SPDX-License-Identifier: GPL-3.0-or-later
# Prime factorisation by trial division, divisor counts, and a factor dict formatted as text.


def factorize(n: int) -> dict[str, int]:
    out: dict[str, int] = {}
    p = 2
    while p * p <= n:
        while n % p == 0:
            out[str(p)] = out.get(str(p), 0) + 1
            n //= p
        p += 1 if p == 2 else 2
    if n > 1:
        out[str(n)] = out.get(str(n), 0) + 1
    return out


def show(f: dict[str, int]) -> str:
    parts: list[str] = []
    for p, e in f.items():
        parts.append(p if e == 1 else f"{p}^{e}")
    return " * ".join(parts)


def main() -> None:
    for n in [2, 12, 360, 97, 1001, 65536, 999999937, 600851475143, 9223372036854775807]:
        f = factorize(n)
        divisors = 1
        for e in f.values():
            divisors *= e + 1
        print(n, "=", show(f), "|", divisors)
