# SPDX-License-Identifier: GPL-3.0-or-later
# Nested try statements inside nested loops: per-cell and per-row handlers, and an exception that leaves both loops.


class Found(Exception):
    pass


class TooManyErrors(Exception):
    pass


def row_average(row: str, bad: list[str]) -> float:
    total = 0.0
    count = 0
    for cell in row.split(","):
        try:
            total += float(cell)
            count += 1
        except ValueError:
            bad.append(cell.strip() or "<empty>")
            if len(bad) > 4:
                raise TooManyErrors(f"{len(bad)} bad cells, last {bad[-1]!r}")
    return total / count


def find_cell(grid: list[list[int]], target: int) -> str:
    try:
        for r, row in enumerate(grid):
            for c, v in enumerate(row):
                if v == target:
                    raise Found(f"{target} at ({r}, {c})")
    except Found as e:
        return str(e)
    return f"{target} absent"


def main() -> None:
    rows = ["1,2,3", "4,x,6", "", "a,b", "7.5, 8.5", "n,9", "1,2", "q,r,s"]
    bad: list[str] = []
    for i, row in enumerate(rows):
        try:
            avg = row_average(row, bad)
        except ZeroDivisionError:
            print(i, "no numbers")
            continue
        except TooManyErrors as e:
            print(i, "stopping:", e)
            break
        print(i, f"avg {avg:g}")
    print("bad cells:", bad)
    grid = [[3, 1, 4], [1, 5, 9], [2, 6, 5]]
    for target in [9, 2, 7]:
        print(find_cell(grid, target))
    i = 0
    collected: list[int] = []
    while i < 8:
        i += 1
        try:
            try:
                if i % 3 == 0:
                    raise ValueError(str(i))
                collected.append(100 // (i - 4))
            except ValueError as e:
                collected.append(-int(str(e)))
                continue
            finally:
                collected.append(0)
        except ZeroDivisionError:
            collected.append(999)
    print(collected)
