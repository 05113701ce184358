# SPDX-License-Identifier: GPL-3.0-or-later
# Spelling integers in English words (for cheques): groups of thousands, hyphens, negative numbers.

SMALL = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety"
SCALES = "_ thousand million billion trillion quadrillion quintillion"


def below_1000(n: int) -> str:
    small = SMALL.split()
    parts: list[str] = []
    if n >= 100:
        parts.append(small[n // 100] + " hundred")
        n %= 100
    if n >= 20:
        parts.append(TENS.split()[n // 10] + ("-" + small[n % 10] if n % 10 else ""))
    elif n > 0 or len(parts) == 0:
        parts.append(small[n])
    return " ".join(parts)


def words(n: int) -> str:
    if n < 0:
        return "minus " + words(-n)
    if n == 0:
        return "zero"
    groups: list[str] = []
    scale = 0
    while n > 0:
        n, chunk = divmod(n, 1000)
        if chunk:
            groups.insert(0, below_1000(chunk) + ("" if scale == 0 else " " + SCALES.split()[scale]))
        scale += 1
    return " ".join(groups)


def main() -> None:
    for n in [0, 7, 13, 20, 42, 100, 101, 999, 1000, 1001, 12345, 1000000, 2000017, -85, 9223372036854775807]:
        print(f"{n:>26,}: {words(n)}")
    print(len(words(777777777)), words(10 ** 18).title())
