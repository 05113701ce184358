# SPDX-License-Identifier: GPL-3.0-or-later
# key= of sorted(), min(), max() and list.sort(): lambdas (reading the enclosing function's
# variables when they run), named functions, str methods, reverse=, default=, stability.
from dataclasses import dataclass
from typing import Optional


@dataclass
class Player:
    name: str
    score: int
    team: str


def score_of(p: Player) -> int:
    return p.score


def leaderboard(players: list[Player]) -> list[str]:
    ordered = sorted(players, key=lambda p: p.score, reverse=True)
    return [f"{p.name}:{p.score}" for p in ordered]


def by_team(players: list[Player]) -> list[str]:
    players.sort(key=lambda p: (p.team, -p.score, p.name))
    return [p.name for p in players]


def nearest(values: list[int], target: int) -> int:
    return min(values, key=lambda v: abs(v - target))


def main() -> None:
    ps = [Player("cy", 5, "b"), Player("Ann", 9, "a"), Player("bob", 5, "a"), Player("Dee", 1, "b")]
    print(leaderboard(ps))
    print(by_team(ps))
    print(max(ps, key=score_of).name, min(ps, key=score_of).name, sorted(ps, key=score_of)[1].name)
    words = ["pear", "Fig", "apple", "kiwi", "banana", "date"]
    print(sorted(words, key=len), sorted(words, key=len, reverse=True))
    print(sorted(words, key=str.lower), sorted(words, key=lambda w: (-len(w), w)))
    print(max(words, key=len), min(words, key=len), max("b", "aa", "c", key=len))
    print(nearest([1, 5, 9, 12], 7), nearest([1, 5, 9, 12], 11), nearest([4, 6], 5))
    target = 10
    key_of = [3, 14, 8]
    print(sorted(key_of, key=lambda x: abs(x - target)))
    target = 0
    print(sorted(key_of, key=lambda x: abs(x - target)))
    counts = {"x": 3, "y": 7, "z": 3}
    print(sorted(counts, key=lambda k: counts[k]), max(counts.items(), key=lambda kv: kv[1]))
    print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    print(min([4, 2, 8], default=0), max(range(0), default=-1), min(range(0), key=lambda x: -x, default=7))
    best: Optional[Player] = max((p for p in ps if p.score > 100), key=score_of, default=None)
    print(best, max((p for p in ps if p.score > 4), key=score_of, default=None))
    print(sorted([-3, 1, -2, 2], key=abs), sorted([[2, 1], [1], [1, 0]], key=len))
    stable = [(1, "b"), (0, "a"), (1, "a"), (0, "b")]
    print(sorted(stable, key=lambda t: t[0]), sorted(stable, key=lambda t: t[0], reverse=True))
