# SPDX-License-Identifier: GPL-3.0-or-later
# A small n-body simulation with dataclasses and float arithmetic; state printed with full precision.
import math
from dataclasses import dataclass


@dataclass
class Body:
    x: float
    y: float
    vx: float
    vy: float
    m: float


def advance(bodies: list[Body], dt: float) -> None:
    for i, b in enumerate(bodies):
        for c in bodies[i + 1:]:
            dx = b.x - c.x
            dy = b.y - c.y
            d2 = dx * dx + dy * dy
            mag = dt / (d2 * math.sqrt(d2))
            b.vx -= dx * c.m * mag
            b.vy -= dy * c.m * mag
            c.vx += dx * b.m * mag
            c.vy += dy * b.m * mag
    for b in bodies:
        b.x += dt * b.vx
        b.y += dt * b.vy


def main() -> None:
    bodies = [Body(0.0, 0.0, 0.0, 0.0, 10.0), Body(1.0, 0.0, 0.0, 3.0, 0.1), Body(-2.0, 0.5, 0.2, -2.0, 0.05)]
    for step in range(100):
        advance(bodies, 0.001)
    print(bodies[0])
    print(bodies[1])
    print(bodies[2].x, bodies[2].y, math.sqrt(bodies[2].vx ** 2 + bodies[2].vy ** 2))
