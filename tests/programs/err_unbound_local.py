# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: reading a local assigned only on another path raises UnboundLocalError.


def pick(flag: bool) -> int:
    if flag:
        value = 42
    return value


def main() -> None:
    print(pick(True))
    print(pick(False))
