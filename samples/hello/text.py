# SPDX-License-Identifier: GPL-3.0-or-later
# String processing: word counts of a posted text, URL slugs, and a Caesar
# cipher (ord/chr with Python's floor modulo, so negative shifts work).

from hotpath import Request, get, post

PUNCTUATION = ".,;:!?\"'()[]{}<>*_-/"
ALPHABET_SIZE = 26


@post("/wordcount")
def wordcount(req: Request) -> dict[str, int]:
    counts: dict[str, int] = {}
    for raw in req.body.split():
        word = raw.strip(PUNCTUATION).lower()
        if not word:
            continue
        counts[word] = counts.get(word, 0) + 1
    return counts


@get("/slugify")
def slugify(title: str) -> str:
    words: list[str] = []
    current = ""
    for ch in title.lower():
        if ch.isalpha() or ch.isdigit():
            current += ch
        elif current != "":
            words.append(current)
            current = ""
    if current != "":
        words.append(current)
    return "-".join(words)


def shift_letter(ch: str, shift: int, first: str) -> str:
    base = ord(first)
    return chr(base + (ord(ch) - base + shift) % ALPHABET_SIZE)


@get("/caesar")
def caesar(text: str, shift: int = 3) -> str:
    out: list[str] = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(shift_letter(ch, shift, "a"))
        elif "A" <= ch <= "Z":
            out.append(shift_letter(ch, shift, "A"))
        else:
            out.append(ch)
    return "".join(out)
