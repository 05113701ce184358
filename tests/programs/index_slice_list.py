# SPDX-License-Identifier: GPL-3.0-or-later
# List slicing with omitted parts, negative bounds and steps, clamping of out-of-range bounds.


def main() -> None:
    xs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    print(xs[2:5], xs[:3], xs[7:], xs[:], xs[-3:], xs[:-3], xs[-5:-2])
    print(xs[::2], xs[1::2], xs[::-1], xs[::-3], xs[8:2:-2], xs[2:8:-1])
    print(xs[-1:-4:-1], xs[5::-1], xs[:5:-1], xs[3:3], xs[5:2])
    print(xs[-100:100], xs[100:], xs[:-100], xs[-100:3], xs[100:-100:-1], xs[::100])
    print(xs[::-100], xs[1:9:3], xs[9:0:-4], xs[-2::-2])
    ys = xs[2:6]
    ys[0] = 99
    print(ys, xs[2])
    n = len(xs)
    for step in [1, 2, 3, -1, -2]:
        print(step, xs[::step][:3], xs[n // 2::step])
    words = ["a", "b", "c", "d"]
    print(words[1:-1], words[::-1][1:], words[-2:] + words[:2])
