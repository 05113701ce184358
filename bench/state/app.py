# SPDX-License-Identifier: GPL-3.0-or-later
# Module state under load (bench/state.sh): a writer (the counter of issue 13), a reader
# over a 200-entry store, and an endpoint that touches no state, for reference.
from hotpath import get

HITS: dict[str, int] = {"n": 0}
LOG: list[str] = []
SCORES: dict[str, int] = {}


def seed(n: int) -> None:
    for i in range(n):
        SCORES[f"player{i}"] = (i * 7919) % 1000


@get("/hit")
def hit() -> int:
    HITS["n"] = HITS["n"] + 1
    if len(LOG) < 100000:
        LOG.append("x")
    return HITS["n"]


@get("/seed")
def seed_scores() -> int:
    seed(200)
    return len(SCORES)


@get("/top")
def top() -> str:
    best = ""
    best_score = -1
    total = 0
    for name, score in SCORES.items():
        total += score
        if score > best_score:
            best = name
            best_score = score
    return f"{best} {best_score} {total}"


@get("/pure")
def pure() -> str:
    total = 0
    for i in range(200):
        total += (i * 7919) % 1000
    return f"{total}"
