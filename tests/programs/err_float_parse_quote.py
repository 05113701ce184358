# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: float() of text with a quote and spaces shows the text's repr in the message.


def main() -> None:
    print(float("1_000.25"), float(" -0.5\n"))
    rows = "3.5;it's 1.0 ;2".split(";")
    total = 0.0
    for r in rows:
        print("row", repr(r))
        total += float(r)
    print(total)
