# SPDX-License-Identifier: GPL-3.0-or-later
# Greedy word wrapping and justified output built with string methods and f-string alignment.

TEXT = "Hotpath handlers are written in a statically typed subset of Python and every accepted program prints what CPython prints."


def wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line != "" and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = word if not line else line + " " + word
    if line:
        lines.append(line)
    return lines


def main() -> None:
    for width in [20, 35]:
        for ln in wrap(TEXT, width):
            print(f"|{ln}" + " " * (width - len(ln)) + "|")
        print()
    for ln in wrap(TEXT, 30):
        print(f"[{ln:^30}]")
