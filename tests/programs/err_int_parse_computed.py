# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: int() of a string assembled from parts (a version component with a suffix) fails.


def parse_version(v: str) -> tuple[int, int, int]:
    parts = v.split(".")
    while len(parts) < 3:
        parts.append("0")
    nums: list[int] = []
    for p in parts[:3]:
        digits = p.strip() + ("" if p.strip() != "" else "0")
        nums.append(int(digits))
    return nums[0], nums[1], nums[2]


def main() -> None:
    for v in ["1.2.3", "10", " 2 . 0 ", "3..", "0.1.2.3"]:
        print(repr(v), parse_version(v))
    versions = ["1.4", "1.10.1", "1.9", "2.0.0-rc1", "0.9"]
    best = (0, 0, 0)
    for v in versions:
        cand = parse_version(v)
        print(v, cand, cand > best)
        best = max(best, cand)
