# SPDX-License-Identifier: GPL-3.0-or-later
# Arbitrary-size arithmetic on decimal digit strings: addition, multiplication and factorials beyond 64 bits.


def add(a: str, b: str) -> str:
    out = ""
    carry = 0
    i, j = len(a) - 1, len(b) - 1
    while i >= 0 or j >= 0 or carry > 0:
        s = carry + (int(a[i]) if i >= 0 else 0) + (int(b[j]) if j >= 0 else 0)
        out = str(s % 10) + out
        carry = s // 10
        i, j = i - 1, j - 1
    return out


def mul_small(a: str, k: int) -> str:
    out = ""
    carry = 0
    for ch in reversed(a):
        p = int(ch) * k + carry
        out = str(p % 10) + out
        carry = p // 10
    return (str(carry) if carry else "") + out if out != "0" and k != 0 else "0"


def main() -> None:
    print(add("999", "1"), add("0", "0"), add("9223372036854775807", "9223372036854775807"))
    f = "1"
    for n in range(1, 31):
        f = mul_small(f, n)
        if n in [5, 10, 20, 21, 25, 30]:
            print(f"{n}! = {f} ({len(f)} digits)")
    fib_a, fib_b = "0", "1"
    for _ in range(150):
        fib_a, fib_b = fib_b, add(fib_a, fib_b)
    print("fib(150) =", fib_a, mul_small("123", 0), mul_small("0", 5))
