# SPDX-License-Identifier: GPL-3.0-or-later
# Geometry with math: distances, angles in degrees, polygon area, rounding of trigonometric results.
import math
from dataclasses import dataclass


@dataclass
class P:
    x: float
    y: float


def dist(a: P, b: P) -> float:
    return math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2)


def angle_deg(a: P, b: P) -> float:
    return math.atan2(b.y - a.y, b.x - a.x) * 180.0 / math.pi


def main() -> None:
    pts = [P(0.0, 0.0), P(4.0, 0.0), P(4.0, 3.0), P(0.0, 3.0)]
    perim = 0.0
    area2 = 0.0
    for i in range(len(pts)):
        a = pts[i]
        b = pts[(i + 1) % len(pts)]
        perim += dist(a, b)
        area2 += a.x * b.y - b.x * a.y
        print(i, dist(a, b), angle_deg(a, b))
    print(perim, abs(area2) / 2.0, dist(pts[0], pts[2]))
    for deg in range(0, 361, 45):
        r = deg * math.pi / 180.0
        print(deg, round(math.sin(r), 12), round(math.cos(r), 12), f"{math.sin(r):+.3f}")
