# SPDX-License-Identifier: GPL-3.0-or-later
# Method features together: field(default=...), nested dataclass default_factory, cls.other() classmethods, properties calling properties.
from dataclasses import dataclass, field, replace
from typing import Optional


@dataclass
class Config:
    retries: int = 3
    tags: set[str] = field(default_factory=set)

    def bump(self) -> "Config":
        return replace(self, retries=self.retries + 1)


@dataclass
class Counter:
    name: str
    step: int = field(default=2)
    value: int = 0
    cfg: Config = field(default_factory=Config)
    seen: dict[str, int] = field(default_factory=dict)
    parent: Optional[Config] = None

    def __post_init__(self) -> None:
        if self.step <= 0:
            raise ValueError(f"step must be positive, got {self.step}")
        self.seen[self.name] = self.step

    def tick(self, times: int) -> int:
        for _ in range(times):
            self.value += self.step
        return self.value

    @property
    def doubled(self) -> int:
        return self.value * 2

    @property
    def label(self) -> str:
        return f"{self.name}:{self.doubled}"

    @staticmethod
    def make(name: str) -> "Counter":
        return Counter(name, 5)

    @classmethod
    def named(cls, name: str, step: int) -> "Counter":
        c = cls(name, step=step)
        c.tick(1)
        return c

    @classmethod
    def pair_of(cls, name: str) -> list["Counter"]:
        return [cls.named(name + "1", 1), cls.named(name + "2", 2)]

    def retries(self) -> int:
        if self.parent is not None:
            return self.parent.retries + self.cfg.retries
        return self.cfg.retries

    def key(self) -> tuple[int, str]:
        return (self.value, self.name)


def main() -> None:
    c = Counter("a")
    print(c.tick(1), c.tick(3), c.tick(times=2), c.doubled, c.label)
    d = Counter.make("b")
    e = Counter.named("e", 7)
    f = c.make("f")
    print(d, e, f.label)
    print(Counter.pair_of("p"))
    c.cfg.tags.add("x")
    c2 = replace(c, name="c2")
    c2.cfg.tags.add("y")
    print(sorted(c.cfg.tags), c2.cfg.retries, c2.seen, c.seen)
    print(c.retries(), replace(c, parent=Config(10)).retries())
    print(Config().bump().bump(), Config())
    cs = [c, d, e, f]
    print([x.name for x in sorted(cs, key=lambda x: x.key())])
    print({x.name: x.doubled for x in cs}, max(x.value for x in cs), [x.label for x in cs if x.value > 5])
    for make_bad in ["replace", "construct"]:
        try:
            bad = replace(c, step=0) if make_bad == "replace" else Counter("z", -1)
            print("unexpected", bad)
        except ValueError as err:
            print(make_bad, "->", err)
