# SPDX-License-Identifier: GPL-3.0-or-later
# Leaderboard: rank records by tuple sort keys (score desc, time asc, name), with ties sharing a rank.
from dataclasses import dataclass


@dataclass
class Run:
    player: str
    score: int
    seconds: float


def ranked(runs: list[Run]) -> list[tuple[int, Run]]:
    keys: list[tuple[int, float, str, int]] = []
    for i, r in enumerate(runs):
        keys.append((-r.score, r.seconds, r.player, i))
    out: list[tuple[int, Run]] = []
    rank = 0
    prev = (1, 0.0)
    for pos, (neg, secs, name, i) in enumerate(sorted(keys)):
        if (neg, secs) != prev:
            rank = pos + 1
            prev = (neg, secs)
        out.append((rank, runs[i]))
    return out


def main() -> None:
    runs = [Run("zed", 900, 61.5), Run("amy", 1200, 75.0), Run("bob", 900, 58.25), Run("cat", 1200, 75.0),
            Run("dan", 450, 30.0), Run("eve", 900, 61.5), Run("abe", 1200, 80.125)]
    for rank, r in ranked(runs):
        print(f"#{rank:<2} {r.player:<4} {r.score:>5,} {r.seconds:>7.3f}s")
    best: dict[str, int] = {}
    for rank, r in ranked(runs):
        best.setdefault(str(r.score), rank)
    print(best, sorted(best.keys(), reverse=True), ranked([]))
    print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")], reverse=True))
