# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: min() of an empty list raises ValueError 'min() arg is an empty sequence'.


def main() -> None:
    xs = [4, 2]
    print(min(xs))
    xs.pop()
    xs.pop()
    print(min(xs))
