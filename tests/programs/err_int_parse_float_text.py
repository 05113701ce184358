# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: int('1.5') raises ValueError with the text's repr in the message.


def parse_all(parts: list[str]) -> int:
    total = 0
    for p in parts:
        total += int(p)
        print("running total", total)
    return total


def main() -> None:
    print(parse_all("3,4,1.5,2".split(",")))
