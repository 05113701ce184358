# SPDX-License-Identifier: GPL-3.0-or-later
# The Mandelbrot set, float-heavy: an ASCII rendering and a count of the grid
# points that stay bounded. The grid samples cell centres, so the picture is
# exactly symmetric about the real axis.

from hotpath import get

SHADES = " .:-=+*#%"
INSIDE = "@"
MAX_SIZE = 256


def escape_time(cr: float, ci: float, max_iter: int) -> int:
    zr = 0.0
    zi = 0.0
    i = 0
    while i < max_iter:
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return i
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
        i += 1
    return max_iter


def grid_y(row: int, size: int) -> float:
    return (2.0 * row + 1.0) / size - 1.0


def grid_x(column: int, width: int) -> float:
    return 3.0 * (column + 0.5) / width - 2.0


@get("/mandelbrot")
def mandelbrot(size: int = 32, max_iter: int = 50) -> str:
    assert 1 <= size <= MAX_SIZE, f"size must be between 1 and {MAX_SIZE}"
    assert max_iter >= 1, "max_iter must be positive"
    width = 2 * size
    lines: list[str] = []
    for row in range(size):
        ci = grid_y(row, size)
        line = ""
        for column in range(width):
            n = escape_time(grid_x(column, width), ci, max_iter)
            if n == max_iter:
                line += INSIDE
            else:
                line += SHADES[n * len(SHADES) // max_iter]
        lines.append(line)
    return "\n".join(lines)


@get("/mandelbrot/count")
def mandelbrot_count(size: int = 32, max_iter: int = 50) -> int:
    assert 1 <= size <= MAX_SIZE, f"size must be between 1 and {MAX_SIZE}"
    width = 2 * size
    inside = 0
    for row in range(size):
        ci = grid_y(row, size)
        for column in range(width):
            if escape_time(grid_x(column, width), ci, max_iter) == max_iter:
                inside += 1
    return inside
