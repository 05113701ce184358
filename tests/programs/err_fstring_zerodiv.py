# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: a ZeroDivisionError raised while evaluating an f-string field in a report helper.


def report_line(name: str, hits: int, total: int) -> str:
    return f"{name:<8} {hits:>4} {hits / total:>7.1%} of {total}"


def report(rows: dict[str, list[int]]) -> None:
    for name, counts in rows.items():
        total = sum(counts)
        print(report_line(name, counts[0], total))


def main() -> None:
    report({"home": [40, 60], "search": [5, 15, 30], "about": [1, 0]})
    report({"empty": [0, 0], "never": [3]})
