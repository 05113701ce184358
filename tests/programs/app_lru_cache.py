# SPDX-License-Identifier: GPL-3.0-or-later
# An LRU cache for a slow lookup: dict storage plus a recency list, hits, misses and evictions logged.
from dataclasses import dataclass


@dataclass
class Cache:
    capacity: int
    data: dict[str, int]
    order: list[str]
    hits: int = 0
    misses: int = 0


def slow_square(key: str) -> int:
    n = int(key[1:])
    return n * n


def get(c: Cache, key: str) -> int:
    if key in c.data:
        c.hits += 1
        c.order.pop(c.order.index(key))
        c.order.append(key)
        return c.data[key]
    c.misses += 1
    if len(c.order) == c.capacity:
        old = c.order.pop(0)
        print(f"  evict {old} ({c.data.pop(old)})")
    c.data[key] = slow_square(key)
    c.order.append(key)
    return c.data[key]


def main() -> None:
    c = Cache(3, {}, [])
    for key in ["k2", "k3", "k2", "k4", "k5", "k3", "k2", "k2", "k9", "k4"]:
        print(key, get(c, key), c.order)
    print(c)
    print(f"hit rate {c.hits / (c.hits + c.misses):.0%}")
