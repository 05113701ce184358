# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: an off-by-one moving-average window reads past the end of a list inside a loop.


def window_sum(xs: list[int], start: int, k: int) -> int:
    s = 0
    for j in range(k):
        s += xs[start + j]
    return s


def moving_average(xs: list[int], k: int) -> list[float]:
    out: list[float] = []
    for i in range(len(xs) - k + 2):
        avg = window_sum(xs, i, k) / k
        print(f"window {i}: {avg:.3f}")
        out.append(avg)
    return out


def main() -> None:
    print(moving_average([3, 1, 4, 1, 5, 9, 2, 6], 3))
