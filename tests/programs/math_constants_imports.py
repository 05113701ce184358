# SPDX-License-Identifier: GPL-3.0-or-later
# math constants and every import form: import math as m, from math import names, renamed imports.
import math
import math as m
from math import sqrt, pi, inf, nan, e
from math import floor as fl, ceil as cl, cos as cosine

RADIUS = 2.0
AREA = pi * RADIUS ** 2


def main() -> None:
    print(math.pi, math.e, math.inf, -math.inf, math.nan)
    print(m.pi == pi, m.sqrt(9.0), sqrt(2.0), e, inf, nan, -inf)
    print(AREA, fl(AREA), cl(AREA), cosine(0.0), cosine(pi))
    print(m.floor(-0.5), m.ceil(-0.5), m.isnan(nan), m.isinf(inf), m.log(m.e), m.log10(100.0))
    print(pi * 2, pi / 2, e ** 2, m.exp(2.0), e ** 2 == m.exp(2.0), round(pi, 4), f"{e:.10f}")
