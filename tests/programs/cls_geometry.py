# SPDX-License-Identifier: GPL-3.0-or-later
# A 2D geometry library: vector methods returning new instances, staticmethod, classmethod, properties, key lambdas.
import math
from dataclasses import dataclass


@dataclass
class Vec:
    x: float
    y: float

    @staticmethod
    def origin() -> "Vec":
        return Vec(0.0, 0.0)

    @classmethod
    def polar(cls, r: float, degrees: float) -> "Vec":
        rad = degrees * math.pi / 180.0
        return cls(round(r * math.cos(rad), 6), round(r * math.sin(rad), 6))

    def add(self, other: "Vec") -> "Vec":
        return Vec(self.x + other.x, self.y + other.y)

    def sub(self, other: "Vec") -> "Vec":
        return Vec(self.x - other.x, self.y - other.y)

    def scale(self, k: float) -> "Vec":
        return Vec(self.x * k, self.y * k)

    def dot(self, other: "Vec") -> float:
        return self.x * other.x + self.y * other.y

    def cross(self, other: "Vec") -> float:
        return self.x * other.y - self.y * other.x

    @property
    def norm(self) -> float:
        return math.sqrt(self.dot(self))


@dataclass
class Polygon:
    name: str
    points: list[Vec]

    def perimeter(self) -> float:
        total = 0.0
        for i in range(len(self.points)):
            total += self.points[(i + 1) % len(self.points)].sub(self.points[i]).norm
        return total

    def area(self) -> float:
        s = 0.0
        for i in range(len(self.points)):
            s += self.points[i].cross(self.points[(i + 1) % len(self.points)])
        return abs(s) / 2.0

    def centroid(self) -> Vec:
        c = Vec.origin()
        for p in self.points:
            c = c.add(p)
        return c.scale(1.0 / len(self.points))

    def translated(self, d: Vec) -> "Polygon":
        return Polygon(self.name + "'", [p.add(d) for p in self.points])


def main() -> None:
    a = Vec(3.0, 4.0)
    b = Vec(1.0, -2.0)
    print(a.add(b), a.sub(b), a.scale(0.5), a.dot(b), a.cross(b), a.norm)
    print(Vec.origin(), a.origin(), Vec.polar(2.0, 90.0), Vec.polar(1.0, 45.0))
    square = Polygon("square", [Vec(0.0, 0.0), Vec(2.0, 0.0), Vec(2.0, 2.0), Vec(0.0, 2.0)])
    tri = Polygon("tri", [Vec(0.0, 0.0), Vec(4.0, 0.0), Vec(0.0, 3.0)])
    strip = Polygon("strip", [Vec(0.0, 0.0), Vec(10.0, 0.0), Vec(10.0, 0.5), Vec(0.0, 0.5)])
    shapes = [square, tri, strip]
    for s in shapes:
        print(f"{s.name:7} area={s.area():.2f} perim={s.perimeter():.3f} centroid={s.centroid()}")
    print([s.name for s in sorted(shapes, key=lambda s: s.area())])
    print([s.name for s in sorted(shapes, key=lambda s: -s.perimeter())])
    print(max([p.norm for s in shapes for p in s.points]))
    moved = tri.translated(Vec(1.0, 1.0))
    print(moved.name, moved.points, moved.area() == tri.area(), tri.points[1])
    vs = [Vec(1.0, 1.0), Vec(-3.0, 0.0), Vec(0.5, 0.5)]
    print(sorted(vs, key=lambda v: v.norm))
