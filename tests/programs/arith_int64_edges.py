# SPDX-License-Identifier: GPL-3.0-or-later
# Integer arithmetic at the edges of the 64-bit range without leaving it.

MAX = 9223372036854775807
MIN = -MAX - 1


def main() -> None:
    print(MAX, MIN)
    print(MAX // 2, MIN // 2, MIN // 3, MIN // -3, MIN % 10, MAX % -10)
    print(MIN + MAX, MAX - MAX, abs(MIN + 1), -(MIN + 1))
    print(MIN >> 63, MAX >> 62, MIN >> 1, 1 << 62, (1 << 62) - 1 + (1 << 62))
    print(MAX // MIN, MIN // MAX, MIN % MAX, MAX % MIN)
    print(float(MAX), float(MIN), int(float(MIN)), float(MAX) == MAX)
    print(MAX & MIN, MAX | MIN, MAX ^ MIN, ~MAX, ~MIN)
    print(divmod(MIN, 7), divmod(MAX, -7))
    print(3037000499 * 3037000499, -3037000499 * 3037000499)
    print(str(MIN), len(str(MIN)), f"{MIN:,}", f"{MAX:x}")
