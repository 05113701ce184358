# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: a slice step of zero raises ValueError 'slice step cannot be zero'.


def every(s: str, step: int) -> str:
    return s[::step]


def main() -> None:
    for step in [2, -1, 0]:
        print(every("abcdef", step))
