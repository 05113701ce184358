# SPDX-License-Identifier: GPL-3.0-or-later
# CSV-style report: parse lines, skip bad rows, group by region, averages and a sorted summary.

DATA = """region,product,units,price
north,apples,10,0.5
south,pears,3,1.25
north,pears,x,1.0
east,apples,7,0.55
south,apples,12,0.45

north,plums,1,3.0
west,figs,4"""


def main() -> None:
    lines = DATA.split("\n")
    header = lines[0].split(",")
    units: dict[str, int] = {}
    revenue: dict[str, float] = {}
    skipped: list[int] = []
    for n, line in enumerate(lines[1:], 2):
        fields = line.split(",")
        if len(fields) != len(header) or not fields[2].isdigit():
            skipped.append(n)
            continue
        region = fields[0]
        u = int(fields[2])
        units[region] = units.get(region, 0) + u
        revenue[region] = revenue.get(region, 0.0) + u * float(fields[3])
    rows: list[tuple[float, str]] = []
    for region in revenue:
        rows.append((-revenue[region], region))
    for neg, region in sorted(rows):
        print(f"{region:<6}{units[region]:>4} units {-neg:>8.3f} avg {-neg / units[region]:.4f}")
    print("header:", header, "skipped lines:", skipped)
    print(revenue)
