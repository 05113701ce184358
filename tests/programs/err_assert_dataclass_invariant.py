# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: an invariant assert on a dataclass, with an f-string message showing its repr, fails.
from dataclasses import dataclass


@dataclass
class Stock:
    sku: str
    on_hand: int
    reserved: int


def reserve(s: Stock, qty: int) -> None:
    s.reserved += qty
    assert s.reserved <= s.on_hand, f"over-reserved {s!r} by {s.reserved - s.on_hand}"
    print(f"reserved {qty} of {s.sku}: {s.on_hand - s.reserved} left")


def main() -> None:
    s = Stock("bolt-6mm", 10, 0)
    for qty in [3, 4, 2, 2]:
        reserve(s, qty)
