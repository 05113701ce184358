# SPDX-License-Identifier: GPL-3.0-or-later
# A long random sequence of set operations on ints: every printed set in CPython's order.
def main() -> None:
    a: set[int] = set()
    b: set[int] = set()
    c: set[int] = set()
    b.discard(3000009)
    print(0, b, len(b))
    b |= c
    print(1, b, len(b))
    b.update([10, 6, 65, 28, 63, 55])
    print(2, b, len(b))
    a.discard(5)
    print(3, a, len(a))
    c.update([65, 10, 39, 62, 2, 46, 69, 72, 62, 26, 23])
    print(4, c, len(c))
    c = c | b
    print(5, c, len(c))
    a = set(b)
    print(6, a, len(a))
    c = {x for x in range(0) if x % 4 != 0}
    print(7, c, len(c))
    b |= b
    print(8, b, len(b))
    a = set(a)
    print(9, a, len(a))
    a.discard(514825922651)
    print(10, a, len(a))
    c = set(c)
    print(11, c, len(c))
    b ^= b
    print(12, b, len(b))
    a.add(9)
    print(13, a, len(a))
    c.update([63, 83, 46, 19, 78, 49, 27, 31])
    print(14, c, len(c))
    if a:
        print(a.pop())
    print(15, a, len(a))
    c = c - c
    print(16, c, len(c))
    c.discard(23)
    print(17, c, len(c))
    c &= c
    print(18, c, len(c))
    b = {x for x in range(9) if x % 1 != 0}
    print(19, b, len(b))
    b = set(b)
    print(20, b, len(b))
    c = c - a
    print(21, c, len(c))
    c &= a
    print(22, c, len(c))
    c.discard(3000009)
    print(23, c, len(c))
    b.discard(104)
    print(24, b, len(b))
    a = {x for x in range(13) if x % 2 != 0}
    print(25, a, len(a))
    if c:
        print(c.pop())
    print(26, c, len(c))
    b = b | c
    print(27, b, len(b))
    b.discard(950987491643)
    print(28, b, len(b))
    c.update([16, 44, 44, 65, 49, 73, 28])
    print(29, c, len(c))
    if a:
        print(a.pop())
    print(30, a, len(a))
    c = c & a
    print(31, c, len(c))
    a = {x for x in range(28) if x % 3 != 0}
    print(32, a, len(a))
    if a:
        print(a.pop())
    print(33, a, len(a))
    a = {x for x in range(13) if x % 1 != 0}
    print(34, a, len(a))
    a.add(611894149664)
    print(35, a, len(a))
    c.update([79, 68, 86, 87, 16, 17, 66, 22, 30, 39, 33])
    print(36, c, len(c))
    a ^= c
    print(37, a, len(a))
    a &= a
    print(38, a, len(a))
    a = a - c
    print(39, a, len(a))
    b = {x for x in range(17) if x % 2 != 0}
    print(40, b, len(b))
    c = c & a
    print(41, c, len(c))
    b.discard(1075174200036)
    print(42, b, len(b))
    a = a | b
    print(43, a, len(a))
    if b:
        print(b.pop())
    print(44, b, len(b))
    c.add(23)
    print(45, c, len(c))
    c.update([29, 51, 23, 47, 27])
    print(46, c, len(c))
    c.discard(146)
    print(47, c, len(c))
    c.update([10, 34, 8])
    print(48, c, len(c))
    b.discard(0)
    print(49, b, len(b))
    c.add(-3000009)
    print(50, c, len(c))
    b = b ^ a
    print(51, b, len(b))
    c.add(453643120078)
    print(52, c, len(c))
    b.add(1000003)
    print(53, b, len(b))
    b.discard(307949290)
    print(54, b, len(b))
    if b:
        print(b.pop())
    print(55, b, len(b))
    if b:
        print(b.pop())
    print(56, b, len(b))
    a ^= c
    print(57, a, len(a))
    b.update([35, 81, 32, 33, -2, 34, 83])
    print(58, b, len(b))
    if c:
        print(c.pop())
    print(59, c, len(c))
