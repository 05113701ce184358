# SPDX-License-Identifier: GPL-3.0-or-later
# bool values: printing, arithmetic giving ints, comparisons, formatting, sum and max of bools.


def is_even(n: int) -> bool:
    return n % 2 == 0


def main() -> None:
    t = True
    f = False
    print(t, f, str(t), repr(f), f"{t}", f"{f!r}")
    print(t + t, t - f, t * 10, -t, t / 2, t // 1, t % 2, t ** 2)
    print(t == True, t != f, f < t, t > f, t >= t, max(t, f), min(t, f))
    print(f"{t:>5}|{f:<3}|{t:d}|{t:03}|{f:.1f}|{t:x}")
    flags = [is_even(1), is_even(2), is_even(4)]
    print(flags, sum(flags), sorted(flags), flags.count(True))
    both = is_even(2) and is_even(3)
    either = is_even(2) or is_even(3)
    print(both, either, not both, t & f, t | f, t ^ t)
    print([True, False] < [True, True], (False, 1) < (True, 0))
