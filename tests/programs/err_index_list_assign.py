# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: assigning past the end of a list raises IndexError 'list assignment index out of range'.


def main() -> None:
    xs = [0] * 3
    for i in range(3):
        xs[i] = i * i
    print(xs)
    xs[3] = 9
    print(xs)
