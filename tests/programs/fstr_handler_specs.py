# SPDX-License-Identifier: GPL-3.0-or-later
# Format specs as handlers use them: '=' alignment, zero padding with grouping, space sign, % and g.


def main() -> None:
    amounts = [0.0, -0.0, 1234.5, -98765.4321, 0.005, 1e16, -1e-7, 999999.995]
    for x in amounts:
        print(f"[{x:=+12.2f}] [{x:012,.2f}] [{x: .3g}] [{x:>10.1%}] [{x:<12.4e}] [{x:,}]")
    for n in [0, 7, -7, 1234567, -9223372036854775807, 255]:
        print(f"[{n:=+8}] [{n:08,}] [{n: d}] [{n:^9x}] [{n:>12o}] [{n:b}] [{n:.2f}] [{n:%}] [{n:g}]")
    ok = True
    print(f"[{ok}] [{ok:>5}] [{ok:d}] [{not ok:03}] [{'ab':*>6.1}] [{'ab'!r:^8}] [{'':-<3}]")
    w = 17.0 / 3.0
    print(f"{w}|{w:.0f}|{w:.1f}|{w:10.3}|{w:e}|{w:.0e}|{w:G}|{-w:+.2E}|{w * 1e20:g}|{w * 1e-20:.3g}")
