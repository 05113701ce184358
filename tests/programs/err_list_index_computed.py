# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: list.index of a computed value that is absent raises ValueError 'N is not in list'.


def rank_of(scores: list[int], target: int) -> int:
    ordered = sorted(scores, reverse=True)
    return ordered.index(target) + 1


def main() -> None:
    scores = [70, 95, 88, 61, 95, 79]
    for bonus in [0, 7, 9, 12]:
        want = 88 + bonus if bonus % 2 == 1 or bonus == 0 else 70 - bonus + 9
        print(f"bonus {bonus}: score {want} is rank {rank_of(scores, want)}")
