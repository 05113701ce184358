# SPDX-License-Identifier: GPL-3.0-or-later
# print with no arguments, several arguments, sep and end keywords, and empty strings.


def main() -> None:
    print()
    print("a", "b", "c")
    print("a", "b", "c", sep="")
    print("a", "b", "c", sep=", ")
    print("no newline", end="")
    print(" then newline")
    print(1, 2.5, True, "s", [1], {"k": "v"}, (1,), sep="|")
    print("x", end="\n\n")
    print("tab", "sep", sep="\t", end="!\n")
    print("", "", sep="-")
    print("")
    print(sep="-", end="*\n")
    print("multi\nline", "text")
    for i in range(3):
        print(i, end=" " if i < 2 else "\n")
    print("unicode", "☕", "日本", sep=" · ")
