# SPDX-License-Identifier: GPL-3.0-or-later
# Word counts: normalise words, count in a dict, rank by (-count, word) tuples, format a top-N table.

TEXT = """The quick brown fox jumps over the lazy dog. The dog sleeps;
the fox doesn't. A fox, a dog, and THE end -- the END!"""


def words(text: str) -> list[str]:
    out: list[str] = []
    for raw in text.split():
        w = raw.strip(".,;!?-").lower()
        if w != "":
            out.append(w)
    return out


def main() -> None:
    counts: dict[str, int] = {}
    for w in words(TEXT):
        counts[w] = counts.get(w, 0) + 1
    ranked: list[tuple[int, str]] = []
    for w, n in counts.items():
        ranked.append((-n, w))
    ranked.sort()
    total = sum(counts.values())
    print(f"{len(counts)} distinct of {total} words")
    for i, (neg, w) in enumerate(ranked[:6]):
        print(f"{i + 1:>2}. {w:<8}{-neg:>3} {-neg / total:6.1%} {'#' * -neg}")
    singles: list[str] = []
    for w in counts:
        if counts[w] == 1:
            singles.append(w)
    print("once:", ", ".join(sorted(singles)))
    longest = ""
    for w in counts:
        if len(w) > len(longest):
            longest = w
    print("last:", max(counts.keys()), "longest:", longest, len(longest))
