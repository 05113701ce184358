# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: unbounded recursion raises RecursionError 'maximum recursion depth exceeded'.


def depth(n: int) -> int:
    return depth(n + 1) + 1


def main() -> None:
    print("starting")
    print(depth(0))
