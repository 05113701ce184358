# SPDX-License-Identifier: GPL-3.0-or-later
# f-string conversions !r and !s on every type, combined with format specs.
from dataclasses import dataclass


@dataclass
class Tag:
    name: str
    weight: float


def main() -> None:
    s = "it's"
    n = 42
    x = 0.1
    print(f"{s} {s!s} {s!r} {n!r} {x!r} {True!r} {[s]!s} {[s]!r}")
    print(f"[{s!r:>10}] [{s!s:>10}] [{'ab'!r:*^8}] [{n!r:<5}] [{x!s:>6}]")
    t = Tag("a\"b", 1.5)
    print(f"{t} {t!r} {t!s}")
    d = {"k": (1, "v")}
    print(f"{d} {d!r} {(1, 'x')!r}")
    print(f"{'line' + chr(10)!r} {chr(9)!r} {chr(92)!r} {chr(39) + chr(34)!r}")
    print(f"{'café'!r} {'☕'!s} {chr(0x7f)!r} {chr(0x85)!r} {chr(0xa0)!r}")
