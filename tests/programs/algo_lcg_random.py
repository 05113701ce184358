# SPDX-License-Identifier: GPL-3.0-or-later
# A linear congruential generator kept within 64 bits by masking, used for shuffling and sampling.

MASK = (1 << 31) - 1


def next_state(s: int) -> int:
    return (s * 1103515245 + 12345) & MASK


def main() -> None:
    s = 42
    outs: list[int] = []
    for i in range(8):
        s = next_state(s)
        outs.append(s % 100)
    print(outs)
    deck = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    for i in range(len(deck) - 1, 0, -1):
        s = next_state(s)
        j = s % (i + 1)
        deck[i], deck[j] = deck[j], deck[i]
    print(deck, sorted(deck) == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    inside = 0
    for i in range(2000):
        s = next_state(s)
        x = s / MASK
        s = next_state(s)
        y = s / MASK
        if x * x + y * y <= 1.0:
            inside += 1
    print(inside, 4.0 * inside / 2000)
