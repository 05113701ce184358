# SPDX-License-Identifier: GPL-3.0-or-later
# Conway's game of life on a wrapping grid of strings: neighbour counts with modulo and generation steps.


def step(grid: list[str]) -> list[str]:
    h, w = len(grid), len(grid[0])
    out: list[str] = []
    for r in range(h):
        row = ""
        for c in range(w):
            n = 0
            for dr in range(-1, 2):
                for dc in range(-1, 2):
                    if (dr != 0 or dc != 0) and grid[(r + dr) % h][(c + dc) % w] == "#":
                        n += 1
            alive = grid[r][c] == "#"
            row += "#" if n == 3 or (alive and n == 2) else "."
        out.append(row)
    return out


def main() -> None:
    grid = ["......", "..#...", "...#..", ".###..", "......", "......"]
    for gen in range(5):
        count = 0
        for row in grid:
            count += row.count("#")
        print(f"gen {gen}: {count} alive")
        print("\n".join(grid))
        grid = step(grid)
    blinker = [".....", "..#..", "..#..", "..#..", "....."]
    print(step(blinker), step(step(blinker)) == blinker)
