# SPDX-License-Identifier: GPL-3.0-or-later
# Rendering rows as a Markdown table: column widths, alignment markers, numeric formatting, escaping.


def pad(s: str, width: int, right: bool) -> str:
    return " " * (width - len(s)) + s if right else s + " " * (width - len(s))


def render(header: list[str], rows: list[list[str]], numeric: list[bool]) -> str:
    widths: list[int] = []
    for i, h in enumerate(header):
        w = max(3, len(h))
        for r in rows:
            w = max(w, len(r[i].replace("|", "\\|")))
        widths.append(w)
    out = "|"
    rule = "|"
    for i, h in enumerate(header):
        out += " " + pad(h, widths[i], numeric[i]) + " |"
        rule += " " + ("-" * (widths[i] - 1) + ":" if numeric[i] else ":" + "-" * (widths[i] - 1)) + " |"
    out += "\n" + rule
    for r in rows:
        out += "\n|"
        for i, c in enumerate(r):
            out += " " + pad(c.replace("|", "\\|"), widths[i], numeric[i]) + " |"
    return out


def main() -> None:
    data = [("Widget", 4, 3.5), ("Gizmo | Pro", 12, 1234.5), ("A", 100000, 0.125), ("Ünicode ✓", -3, -0.0)]
    rows: list[list[str]] = []
    for name, qty, price in data:
        rows.append([name, f"{qty:,}", f"{price:.2f}", f"{qty * price:,.1f}"])
    print(render(["Item", "Qty", "Price", "Total"], rows, [False, True, True, True]))
    print(render(["x"], [], [False]))
