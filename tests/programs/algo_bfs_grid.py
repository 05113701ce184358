# SPDX-License-Identifier: GPL-3.0-or-later
# Breadth-first search on a text grid with a list queue: shortest path length and the path drawn back.

GRID = """S..#......
.#.#.####.
.#...#....
.####.#.#.
......#.#E"""


def main() -> None:
    rows = GRID.split("\n")
    h, w = len(rows), len(rows[0])
    start, goal = 0, 0
    for r in range(h):
        for c in range(w):
            if rows[r][c] == "S":
                start = r * w + c
            elif rows[r][c] == "E":
                goal = r * w + c
    prev = [-1] * (h * w)
    prev[start] = start
    queue = [start]
    while len(queue) > 0 and prev[goal] < 0:
        cur = queue.pop(0)
        r, c = divmod(cur, w)
        for dr, dc in [(0, 1), (1, 0), (0, -1), (-1, 0)]:
            nr, nc = r + dr, c + dc
            if 0 <= nr < h and 0 <= nc < w and rows[nr][nc] != "#" and prev[nr * w + nc] < 0:
                prev[nr * w + nc] = cur
                queue.append(nr * w + nc)
    steps, at = 0, prev[goal]
    while at != start:
        r, c = divmod(at, w)
        rows[r] = rows[r][:c] + "*" + rows[r][c + 1:]
        at, steps = prev[at], steps + 1
    print("steps:", steps + 1, "left in queue:", len(queue))
    print("\n".join(rows))
