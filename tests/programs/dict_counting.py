# SPDX-License-Identifier: GPL-3.0-or-later
# Word and character frequency counting with dicts, then ranking by count.

TEXT = "It was the best of times, it was the worst of times, it was the age of wisdom"


def main() -> None:
    counts: dict[str, int] = {}
    for raw in TEXT.split():
        word = raw.strip(",.").lower()
        counts[word] = counts.get(word, 0) + 1
    print(counts)
    ranked: list[tuple[int, str]] = []
    for w, c in counts.items():
        ranked.append((-c, w))
    ranked.sort()
    for neg, w in ranked[:4]:
        print(w, -neg)
    letters: dict[str, int] = {}
    for ch in TEXT.lower():
        if ch.isalpha():
            letters[ch] = letters.get(ch, 0) + 1
    top = ""
    best = 0
    for ch, n in letters.items():
        if n > best:
            best = n
            top = ch
    print(top, best, len(letters), sum(letters.values()))
