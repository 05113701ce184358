# SPDX-License-Identifier: GPL-3.0-or-later
# String indexing and slicing: negative indices, steps, reversal, clamping, code points.


def main() -> None:
    s = "Hello, World"
    print(s[0], s[-1], s[7], s[-5], s[len(s) - 2])
    print(s[:5], s[7:], s[-5:], s[2:-2], s[::2], s[1::3])
    print(s[::-1], s[-1:-6:-1], s[5:0:-1], s[::-4], s[100:], s[-100:4], repr(s[3:3]))
    u = "naïve café ☕ 𝄞"
    print(len(u), u[2], u[-1], u[-3], u[6:10], u[::-1])
    print(u[11:], len(u[11:]), u[-2:])
    word = "racecar"
    print(word == word[::-1], "level"[::-1], "abc"[::-1] == "cba")
    out = ""
    for i in range(0, len(s), 3):
        out += s[i:i + 3] + "|"
    print(out)
    print("x"[0], "abc"[-3], "abcdef"[1:5:2], "abcdef"[5:1:-2])
