# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: a finally block that raises while a ValueError is on its way out replaces it.


def mean_of(cells: list[str], stats: list[int]) -> float:
    total = 0
    count = 0
    try:
        for cell in cells:
            total += int(cell)
            count += 1
    finally:
        stats.append(total // count)
        print("stats", stats)
    return total / count


def main() -> None:
    stats: list[int] = []
    print(mean_of(["4", "5"], stats))
    try:
        print(mean_of(["9", "x", "1"], stats))
    except ValueError as e:
        print("bad cell:", e)
    print(mean_of(["y", "2"], stats))
