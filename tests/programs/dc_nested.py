# SPDX-License-Identifier: GPL-3.0-or-later
# Nested dataclasses: records holding records, lists and dicts; deep field updates and repr.
from dataclasses import dataclass


@dataclass
class Vec:
    x: float
    y: float


@dataclass
class Body:
    name: str
    pos: Vec
    vel: Vec
    mass: float = 1.0


@dataclass
class World:
    bodies: list[Body]
    tags: dict[str, int]
    step: int = 0


def main() -> None:
    w = World([Body("a", Vec(0.0, 0.0), Vec(1.0, 0.5)), Body("b", Vec(1.0, 1.0), Vec(-0.5, 0.0), 2.0)], {"t": 1})
    print(w)
    for i in range(3):
        for b in w.bodies:
            b.pos.x += b.vel.x * 0.5
            b.pos.y += b.vel.y * 0.5
        w.step += 1
    w.tags["moved"] = w.step
    print(w.bodies[0].pos, w.bodies[1].pos, w.step, w.tags)
    v = w.bodies[1].vel
    v.y = 9.0
    print(w.bodies[1])
