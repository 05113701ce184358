# SPDX-License-Identifier: GPL-3.0-or-later
# str.zfill with signs, widths smaller than the string, and non-numeric text.


def main() -> None:
    print("42".zfill(5), "-42".zfill(6), "+42".zfill(6), "42".zfill(1), "".zfill(3), "-".zfill(3))
    print("abc".zfill(6), "3.14".zfill(7), "-3.14".zfill(7), "--1".zfill(5), "+".zfill(2), "é".zfill(3))
    for n in [0, 7, 42, 123, -5, 1000]:
        print(str(n).zfill(4), f"{n:04d}", str(n).zfill(4) == f"{n:04d}")
    h = 9
    m = 5
    s = 3
    print(str(h).zfill(2) + ":" + str(m).zfill(2) + ":" + str(s).zfill(2))
