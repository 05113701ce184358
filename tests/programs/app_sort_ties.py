# SPDX-License-Identifier: GPL-3.0-or-later
# Ranking ties: stable sorted/sort with reverse=True, equal keys like 0.0 and -0.0, min/max tie picks.


def main() -> None:
    zs = [0.0, -0.0, 1.0, -0.0, 0.0, -1.0]
    print(sorted(zs), sorted(zs, reverse=True))
    ys = zs[:]
    ys.sort(reverse=True)
    print(ys, zs)
    pairs = [(0.0, "b"), (-0.0, "b"), (2.5, "a"), (-0.0, "a"), (0.0, "a")]
    print(sorted(pairs), sorted(pairs, reverse=True))
    print(max(zs), min(zs), max(-0.0, 0.0), min(0.0, -0.0), max([-0.0, 0.0]), min([0.0, -0.0, 0.0]))
    nan = float("nan")
    print(max([nan, 1.0]), max([1.0, nan]), min(nan, 2.0), min(2.0, nan), sorted([3.0, 1.0, 2.0]) == [1.0, 2.0, 3.0])
    scores = {"amy": 3, "bob": 5, "cat": 3, "dan": 5, "eve": 1}
    ranking: list[tuple[int, str]] = []
    for name, s in scores.items():
        ranking.append((s, name))
    ranking.sort(reverse=True)
    print(ranking, sorted(scores.values(), reverse=True), max(scores), min(scores.keys()))
    words = ["b", "B", "a", "é", "e", "Z", "aa", ""]
    print(sorted(words), sorted(words, reverse=True), max(words), min(words) == "")
    nested = [[2, 1], [1, 5, 0], [1, 5], [], [2]]
    print(sorted(nested), max(nested), min(nested))
