# SPDX-License-Identifier: GPL-3.0-or-later
# Error messages as CPython cuts them: int() shows at most 200 characters of the text's repr.


def main() -> None:
    for text in ["x" * 300, "é" * 250, "1" * 50 + "a", "'" * 210]:
        try:
            print(int(text))
        except ValueError as e:
            message = str(e)
            print(len(message), message[-12:])
    try:
        print(float("y" * 300))
    except ValueError as e:
        print(len(str(e)))
