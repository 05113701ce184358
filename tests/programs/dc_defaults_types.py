# SPDX-License-Identifier: GPL-3.0-or-later
# Dataclass fields of every type (int, float, bool, str, list, dict, tuple, record) with constant defaults.
from dataclasses import dataclass

DEFAULT_RATIO = 0.5


@dataclass
class Inner:
    flag: bool = True


@dataclass
class Everything:
    inner: Inner
    tags: list[str]
    meta: dict[str, float]
    pair: tuple[int, str]
    n: int = -1
    ratio: float = 0.5
    on: bool = False
    name: str = "anon"


def main() -> None:
    e = Everything(Inner(), ["a", "b"], {"k": 1.5}, (1, "one"))
    print(e)
    e2 = Everything(Inner(False), [], {}, (0, ""), 7, 1e-7, True, "it's")
    print(e2)
    e2.tags.append("new")
    e2.meta["x"] = -0.0
    e2.pair = (2, "two")
    e2.inner.flag = not e2.inner.flag
    print(e2, e2.pair[1], e2.inner.flag)
