# SPDX-License-Identifier: GPL-3.0-or-later
# Token-bucket and fixed-window rate limiters per client, driven by a list of timestamped requests.
from dataclasses import dataclass


@dataclass
class Bucket:
    tokens: float
    last: float


def allow_bucket(buckets: dict[str, Bucket], client: str, now: float, rate: float, burst: float) -> bool:
    b = buckets.setdefault(client, Bucket(burst, now))
    b.tokens = min(burst, b.tokens + (now - b.last) * rate)
    b.last = now
    if b.tokens >= 1.0:
        b.tokens -= 1.0
        return True
    return False


def allow_window(counts: dict[str, int], client: str, now: float, window: float, limit: int) -> bool:
    key = f"{client}:{int(now // window)}"
    counts[key] = counts.get(key, 0) + 1
    return counts[key] <= limit


def main() -> None:
    reqs = [("a", 0.0), ("a", 0.1), ("a", 0.2), ("b", 0.25), ("a", 0.3), ("a", 1.4), ("a", 1.45), ("b", 1.5), ("a", 3.0), ("a", 3.01)]
    buckets: dict[str, Bucket] = {}
    counts: dict[str, int] = {}
    line = ""
    for client, t in reqs:
        ok1 = allow_bucket(buckets, client, t, 1.5, 3.0)
        ok2 = allow_window(counts, client, t, 1.0, 2)
        line += f"{client}{t:g}:{'+' if ok1 else '-'}{'+' if ok2 else '-'} "
    print(line.rstrip())
    print(buckets)
    print(counts)
