# SPDX-License-Identifier: GPL-3.0-or-later
# Levenshtein distance with two rolling rows, longest common subsequence, and "did you mean" suggestions.


def levenshtein(a: str, b: str) -> int:
    prev: list[int] = []
    for j in range(len(b) + 1):
        prev.append(j)
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        prev = cur
    return prev[-1]


def lcs(a: str, b: str) -> str:
    best: list[list[str]] = []
    for _ in range(len(a) + 1):
        best.append([""] * (len(b) + 1))
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            if a[i] == b[j]:
                best[i][j] = a[i] + best[i + 1][j + 1]
            else:
                best[i][j] = max(best[i + 1][j], best[i][j + 1]) if len(best[i + 1][j]) == len(best[i][j + 1]) else (best[i + 1][j] if len(best[i + 1][j]) > len(best[i][j + 1]) else best[i][j + 1])
    return best[0][0]


def main() -> None:
    for a, b in [("kitten", "sitting"), ("", "abc"), ("flaw", "lawn"), ("same", "same"), ("naïve", "naive"), ("abcdef", "azced")]:
        print(f"{a!r:>9} {b!r:<10} d={levenshtein(a, b)} lcs={lcs(a, b)!r}")
    words = ["append", "insert", "extend", "pop", "index", "count", "reverse", "sort"]
    for typo in ["apend", "inserrt", "srot", "popp", "xyz"]:
        scored: list[tuple[int, str]] = []
        for w in words:
            scored.append((levenshtein(typo, w), w))
        d, w = min(scored)
        print(typo, "->", w if d <= 2 else "?", d, sorted(scored)[:3])
