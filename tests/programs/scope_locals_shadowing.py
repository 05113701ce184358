# SPDX-License-Identifier: GPL-3.0-or-later
# Scoping: locals and parameters shadowing module constants, locals independent per call.

LIMIT = 5
NAME = "module"


def local_limit() -> int:
    LIMIT = 3
    LIMIT += 1
    return LIMIT


def param_name(NAME: str) -> str:
    return NAME.upper()


def counter(start: int) -> list[int]:
    seen: list[int] = []
    n = start
    while n < LIMIT:
        seen.append(n)
        n += 1
    return seen


def main() -> None:
    print(local_limit(), LIMIT, param_name("param"), NAME)
    print(counter(2), counter(4), counter(9), LIMIT)
    for LIMIT_COPY in [LIMIT, LIMIT * 2]:
        print(LIMIT_COPY)
