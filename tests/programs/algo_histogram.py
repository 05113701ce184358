# SPDX-License-Identifier: GPL-3.0-or-later
# Text histogram of values bucketed by floor division, with percentages and aligned bars.

SCORES = (55, 67, 72, 88, 91, 45, 73, 78, 82, 99, 100, 64, 70, 58, 85)


def main() -> None:
    buckets: dict[str, int] = {}
    for lo in range(40, 101, 10):
        buckets[f"{lo}-{lo + 9}"] = 0
    values = [SCORES[0], SCORES[1], SCORES[2], SCORES[3], SCORES[4], SCORES[5], SCORES[6], SCORES[7], SCORES[8], SCORES[9], SCORES[10], SCORES[11], SCORES[12], SCORES[13], SCORES[14]]
    for s in values:
        lo = min(s // 10 * 10, 100)
        buckets[f"{lo}-{lo + 9}"] += 1
    n = len(values)
    for label, count in buckets.items():
        print(f"{label:>7} | {'#' * count:<5} | {count:2d} {count / n:6.1%}")
    mean = sum(values) / n
    var = 0.0
    for s in values:
        var += (s - mean) ** 2
    print(f"mean={mean:.3f} sd={(var / n) ** 0.5:.4f} min={min(values)} max={max(values)}")
