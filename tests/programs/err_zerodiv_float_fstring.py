# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: a float floor division by zero inside an f-string field while rendering a table.


def rows(widths: list[float], total: float) -> list[str]:
    out: list[str] = []
    for w in widths:
        out.append(f"{w:>6.2f} fits {total // w:>4.0f} times, rest {total % w:.3f}")
    return out


def main() -> None:
    for line in rows([2.5, 0.75, 10.0], 12.0):
        print(line)
    print("\n".join(rows([1.5, -0.0, 3.0], 7.5)))
