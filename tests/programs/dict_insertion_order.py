# SPDX-License-Identifier: GPL-3.0-or-later
# dict insertion order: overwriting keeps the position, pop and re-insert moves a key to the end.


def main() -> None:
    d = {"z": 1, "a": 2, "m": 3}
    print(d, list_keys(d))
    d["a"] = 20
    print(d)
    d["b"] = 4
    print(d)
    v = d.pop("z")
    d["z"] = v * 100
    print(d, len(d))
    e: dict[str, int] = {}
    for w in "the quick the lazy quick the end".split():
        e[w] = e.get(w, 0) + 1
    print(e)
    dup = {"k": 1, "j": 2, "k": 3}
    print(dup, len(dup))


def list_keys(d: dict[str, int]) -> list[str]:
    out: list[str] = []
    for k in d:
        out.append(k)
    return out
