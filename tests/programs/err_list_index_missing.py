# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: list.index of an absent int raises ValueError '5 is not in list'.


def position(xs: list[int], x: int) -> int:
    return xs.index(x)


def main() -> None:
    xs = [1, 2, 3, 4]
    print(position(xs, 3), position(xs, 1))
    print(position(xs, 5))
