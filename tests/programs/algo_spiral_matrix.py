# SPDX-License-Identifier: GPL-3.0-or-later
# Matrix walks: fill a spiral, read it back in spiral order, rotate 90 degrees and sum the diagonals.


def spiral(n: int, m: int) -> list[list[int]]:
    grid: list[list[int]] = []
    for _ in range(n):
        grid.append([0] * m)
    r, c, dr, dc = 0, 0, 0, 1
    for k in range(1, n * m + 1):
        grid[r][c] = k
        nr, nc = r + dr, c + dc
        if not (0 <= nr < n and 0 <= nc < m) or grid[nr][nc] != 0:
            dr, dc = dc, -dr
            nr, nc = r + dr, c + dc
        r, c = nr, nc
    return grid


def rotate(g: list[list[int]]) -> list[list[int]]:
    out: list[list[int]] = []
    for c in range(len(g[0])):
        row: list[int] = []
        for r in range(len(g) - 1, -1, -1):
            row.append(g[r][c])
        out.append(row)
    return out


def main() -> None:
    for n, m in [(4, 4), (3, 5), (1, 3)]:
        g = spiral(n, m)
        diag = 0
        for i, row in enumerate(g):
            line = ""
            for x in row:
                line += f"{x:>3}"
            print(line)
            diag += row[i] if i < m else 0
        print("rotated:", rotate(g), "diag:", diag, "last:", g[-1][-1])
