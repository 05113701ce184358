# SPDX-License-Identifier: GPL-3.0-or-later
# None and Optional: narrowing by is None / is not None, truthiness, early returns,
# and/or, conditional expressions, while loops, assert and comprehension filters.
from typing import Optional


def parse_int(text: str) -> Optional[int]:
    text = text.strip()
    if not text or not (text.isdigit() or (text[0] == "-" and text[1:].isdigit())):
        return None
    return int(text)


def double_or_zero(x: Optional[int]) -> int:
    if x is None:
        return 0
    return x * 2


def describe(x: int | None) -> str:
    return "nothing" if x is None else f"{x:+d}"


def first_long(words: list[str], n: int) -> str | None:
    for w in words:
        if len(w) >= n:
            return w
    return None


def both(a: Optional[int], b: Optional[int]) -> int:
    if a is not None and b is not None:
        return a + b
    if a is None or b is None:
        return -1
    return 0


def countdown(start: Optional[int]) -> list[int]:
    out: list[int] = []
    n = start
    while n is not None and n > 0:
        out.append(n)
        n = n - 1 if n > 1 else None
    return out


def truthy(name: Optional[str]) -> str:
    if name:
        return name.upper()
    return "anonymous" if name is None else "empty"


def checked(x: Optional[float]) -> float:
    assert x is not None, "x is required"
    return x / 2


def main() -> None:
    values = [parse_int(t) for t in ["12", " -3 ", "x", "", "007"]]
    print(values)
    print([v for v in values if v is not None], sum(v for v in values if v is not None))
    print([double_or_zero(v) for v in values], [describe(v) for v in values])
    print(first_long(["a", "abc", "abcd"], 3), first_long(["a"], 3))
    print(both(1, 2), both(None, 2), both(3, None), both(None, None))
    print(countdown(3), countdown(None), countdown(0))
    print(truthy("ann"), truthy(""), truthy(None))
    print(checked(3.0))
    name: Optional[str] = None
    print(name, name or "guest", name is None, name == None, name != "x")
    name = "zed"
    print(name.title(), name or "guest", len(name))
    count: Optional[int] = None
    for i in range(3):
        if count is None:
            count = 0
        count += i
    print(count)
