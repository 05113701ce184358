# SPDX-License-Identifier: GPL-3.0-or-later
# ASCII Mandelbrot set: nested loops over floats, early break, string building.

CHARS = " .:-=+*#%@"


def escape(cr: float, ci: float, limit: int) -> int:
    zr = 0.0
    zi = 0.0
    for i in range(limit):
        zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
        if zr * zr + zi * zi > 4.0:
            return i
    return limit


def main() -> None:
    total = 0
    for row in range(11):
        ci = -1.0 + row * 0.2
        line = ""
        for col in range(32):
            cr = -2.0 + col * 0.08
            n = escape(cr, ci, 30)
            total += n
            line += CHARS[n * (len(CHARS) - 1) // 30]
        print(line.rstrip())
    print(total)
