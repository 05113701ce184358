# SPDX-License-Identifier: GPL-3.0-or-later
# Grouping anagrams under a sorted-letters key, palindrome checks, and letter-frequency signatures.


def key_of(word: str) -> str:
    letters: list[str] = []
    for c in word.lower():
        if c.isalpha():
            letters.append(c)
    return "".join(sorted(letters))


def is_palindrome(s: str) -> bool:
    k = ""
    for c in s.lower():
        if c.isalpha() or c.isdigit():
            k += c
    return k == k[::-1]


def signature(word: str) -> str:
    counts: dict[str, int] = {}
    for c in sorted(word):
        counts[c] = counts.get(c, 0) + 1
    out = ""
    for c, n in counts.items():
        out += c + (str(n) if n > 1 else "")
    return out


def main() -> None:
    words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog", "Inlets", "banana"]
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(key_of(w), []).append(w)
    for k, g in groups.items():
        print(f"{k:<8} {len(g)} {g}")
    for s in ["A man, a plan, a canal: Panama", "racecar", "hello", "", "No 'x' in Nixon", "12321", "été"]:
        print(repr(s), is_palindrome(s))
    print(signature("banana"), signature("mississippi"), signature(""), signature("aAbB"))
