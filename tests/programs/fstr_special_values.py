# SPDX-License-Identifier: GPL-3.0-or-later
# inf, -inf, nan and -0.0 under every float presentation type, with signs, widths and zero padding.
import math


def main() -> None:
    vals = [math.inf, -math.inf, math.nan, -0.0, 0.0]
    for v in vals:
        print(f"{v}|{v:f}|{v:F}|{v:e}|{v:E}|{v:g}|{v:G}|{v:%}|{v:.2}|{v!r}")
    for v in vals:
        print(f"[{v:+}] [{v: }] [{v:08}] [{v:08.2f}] [{v:>6}] [{v:*<6}] [{v:=+8}]")
    print(str(math.inf), repr(-math.inf), str(math.nan), str(-math.nan), str(-0.0))
    print(math.inf - math.inf, math.inf * 0.0, -math.inf * -1.0, 1.0 / math.inf, -1.0 / math.inf)
