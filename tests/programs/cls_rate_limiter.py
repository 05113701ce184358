# SPDX-License-Identifier: GPL-3.0-or-later
# Stateful objects mutated across calls: a token-bucket rate limiter and a sliding-window counter with a nested stats field.
from dataclasses import dataclass, field


@dataclass
class Stats:
    allowed: int = 0
    denied: int = 0

    def ratio(self) -> str:
        seen = self.allowed + self.denied
        if seen == 0:
            return "n/a"
        return f"{100 * self.allowed // seen}%"


@dataclass
class TokenBucket:
    capacity: int
    refill_per_tick: int = field(default=1)
    tokens: int = 0
    last_tick: int = 0
    stats: Stats = field(default_factory=Stats)

    def __post_init__(self) -> None:
        self.tokens = self.capacity

    def _refill(self, now: int) -> None:
        if now > self.last_tick:
            self.tokens = min(self.capacity, self.tokens + (now - self.last_tick) * self.refill_per_tick)
            self.last_tick = now

    def allow(self, now: int, cost: int) -> bool:
        self._refill(now)
        if self.tokens >= cost:
            self.tokens -= cost
            self.stats.allowed += 1
            return True
        self.stats.denied += 1
        return False


@dataclass
class WindowCounter:
    window: int
    limit: int
    hits: dict[str, list[int]] = field(default_factory=dict)

    def hit(self, key: str, now: int) -> bool:
        recent = [t for t in self.hits.get(key, []) if t > now - self.window]
        ok = len(recent) < self.limit
        if ok:
            recent.append(now)
        self.hits[key] = recent
        return ok

    def busiest(self) -> list[str]:
        return sorted(self.hits, key=lambda k: (-len(self.hits[k]), k))


def main() -> None:
    bucket = TokenBucket(3)
    print(bucket)
    marks = ""
    for now in [0, 0, 0, 0, 1, 1, 2, 5, 5, 5, 5, 6]:
        marks += "+" if bucket.allow(now, 1) else "-"
    print(marks, bucket.tokens, bucket.stats, bucket.stats.ratio())
    big = TokenBucket(10, refill_per_tick=4)
    print([big.allow(t, c) for t, c in [(0, 6), (0, 6), (1, 6), (3, 9), (3, 1)]], big.stats.ratio())
    fresh = TokenBucket(1)
    fresh.stats.denied += 7
    print(fresh.stats, big.stats, Stats().ratio())
    wc = WindowCounter(10, 2)
    log: list[str] = []
    for key, now in [("a", 1), ("a", 2), ("b", 2), ("a", 3), ("a", 12), ("b", 20), ("a", 13), ("a", 14)]:
        log.append(f"{key}@{now}:{'ok' if wc.hit(key, now) else 'limited'}")
    print(" ".join(log))
    print(wc.hits, wc.busiest())
