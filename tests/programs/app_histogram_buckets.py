# SPDX-License-Identifier: GPL-3.0-or-later
# Histogram bucketing of response times into log-scale and fixed-width buckets with scaled bars.

BOUNDS = (1, 2, 5, 10, 20, 50, 100)


def bucket_label(i: int) -> str:
    if i == 0:
        return f"<{BOUNDS[0]}ms"
    if i == len(BOUNDS):
        return f">={BOUNDS[-1]}ms"
    lo = [1, 2, 5, 10, 20, 50, 100]
    return f"{lo[i - 1]}-{lo[i]}ms"


def main() -> None:
    samples = [0.4, 1.2, 1.9, 3.3, 4.99, 5.0, 7.7, 12.0, 18.5, 19.99, 25.0, 33.3, 48.0, 51.0, 99.9, 100.0, 250.0, 0.0]
    bounds = [1, 2, 5, 10, 20, 50, 100]
    counts = [0] * (len(bounds) + 1)
    for s in samples:
        i = 0
        while i < len(bounds) and s >= bounds[i]:
            i += 1
        counts[i] += 1
    peak = max(counts)
    for i, c in enumerate(counts):
        bar = "*" * (c * 20 // peak)
        print(f"{bucket_label(i):>10} | {c:>2} {c / len(samples):>6.1%} {bar}")
    fixed: dict[str, int] = {}
    for s in samples:
        key = f"{int(s // 25.0) * 25:03d}"
        fixed[key] = fixed.get(key, 0) + 1
    for k in sorted(fixed.keys()):
        print(k, fixed[k], end="; ")
    print()
    print(sum(counts) == len(samples), counts)
