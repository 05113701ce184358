# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: list.pop(i) with a computed index past the end raises 'pop index out of range'.


def draw(deck: list[str], seed: int) -> str:
    i = (seed * 7 + 3) % 10
    card = deck.pop(i)
    return card


def main() -> None:
    deck: list[str] = []
    for suit in "SH":
        for rank in "A23456":
            deck.append(rank + suit)
    hand: list[str] = []
    for seed in range(12):
        hand.append(draw(deck, seed))
        print(f"seed {seed}: {hand[-1]} ({len(deck)} left)")
