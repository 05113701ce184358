# SPDX-License-Identifier: GPL-3.0-or-later
# Word frequencies: generate a text of n words deterministically (an LCG picks
# words from a made-up 4,368-word vocabulary with a skewed distribution, in
# sentences with capitals, commas and full stops), then split it, normalise
# each word (strip punctuation, lower-case) and count the words in a
# dict[str, int]. Measures str concatenation, join, split, strip, lower,
# dict lookups and inserts with str keys, and sorting tuples. Prints the
# number of words, distinct words and the three most frequent words.

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo",
             "ba", "de", "fi", "go", "hu", "ja", "ke", "lu"]
VOCAB_SIZE = 4368
LCG_MUL = 1103515245
LCG_ADD = 12345
LCG_MASK = 0x7FFFFFFF


def make_vocabulary() -> list[str]:
    # Words of one syllable first, then two, then three: frequent words are short.
    vocab: list[str] = []
    for a in range(16):
        vocab.append(SYLLABLES[a])
    for a in range(16):
        for b in range(16):
            vocab.append(SYLLABLES[a] + SYLLABLES[b])
    for a in range(16):
        for b in range(16):
            for c in range(16):
                vocab.append(SYLLABLES[a] + SYLLABLES[b] + SYLLABLES[c])
    return vocab


def make_text(n: int, vocab: list[str]) -> str:
    state = 42
    sentences: list[str] = []
    words = 0
    while words < n:
        state = (state * LCG_MUL + LCG_ADD) & LCG_MASK
        length = 4 + (state >> 16) % 12
        if length > n - words:
            length = n - words
        sentence: list[str] = []
        for k in range(length):
            state = (state * LCG_MUL + LCG_ADD) & LCG_MASK
            a = (state >> 8) % VOCAB_SIZE
            state = (state * LCG_MUL + LCG_ADD) & LCG_MASK
            b = (state >> 8) % VOCAB_SIZE
            word = vocab[a * b // VOCAB_SIZE]
            if k == 0:
                word = word.title()
            if k == length - 1:
                word += "."
            elif state % 9 == 0:
                word += ","
            sentence.append(word)
        sentences.append(" ".join(sentence))
        words += length
    return " ".join(sentences)


def main(n: int) -> None:
    text = make_text(n, make_vocabulary())
    counts: dict[str, int] = {}
    total = 0
    for raw in text.split():
        word = raw.strip(".,").lower()
        counts[word] = counts.get(word, 0) + 1
        total += 1
    ranked: list[tuple[int, str]] = []
    for word, count in counts.items():
        ranked.append((count, word))
    ranked.sort(reverse=True)
    top = ""
    for i in range(min(3, len(ranked))):
        count, word = ranked[i]
        top += f" {word}={count}"
    print(f"{total} {len(counts)}{top}")
