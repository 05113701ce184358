# SPDX-License-Identifier: GPL-3.0-or-later
# Stability of sorted()/sort(): equal keys keep their order; sorted() leaves the original alone.


def main() -> None:
    people = [("bob", 25), ("alice", 30), ("carol", 25), ("dave", 30), ("eve", 22)]
    by_age: list[tuple[int, int, str]] = []
    for i, (name, age) in enumerate(people):
        by_age.append((age, i, name))
    by_age.sort()
    print(by_age)
    flags = [True, False, True, False]
    print(sorted(flags), sorted(flags, reverse=True), flags)
    zeros = [0.0, -0.0, 1.0, -0.0, 0.0]
    print(sorted(zeros), sorted(zeros, reverse=True))
    zeros.sort(reverse=True)
    print(zeros)
    nums = [3, 1, 2]
    s = sorted(nums)
    s.append(99)
    print(nums, s, sorted(nums, reverse=True))
    letters = sorted("hotpath")
    print(letters, "".join(letters), sorted("hotpath", reverse=True))
    d = {"b": 2, "a": 1, "c": 3}
    print(sorted(d), sorted(d.keys(), reverse=True), sorted(d.values()), sorted(d.items()))
