# SPDX-License-Identifier: GPL-3.0-or-later
# Build-order resolution: Kahn's topological sort over a dict of dependency lists, with cycle detection.


def topo(deps: dict[str, list[str]]) -> tuple[list[str], list[str]]:
    indeg: dict[str, int] = {}
    users: dict[str, list[str]] = {}
    for node, needs in deps.items():
        indeg.setdefault(node, 0)
        for d in needs:
            indeg.setdefault(d, 0)
            indeg[node] += 1
            users.setdefault(d, []).append(node)
    ready: list[str] = []
    for node in indeg:
        if indeg[node] == 0:
            ready.append(node)
    ready.sort()
    order: list[str] = []
    while len(ready) > 0:
        node = ready.pop(0)
        order.append(node)
        for u in users.get(node, []):
            indeg[u] -= 1
            if indeg[u] == 0:
                ready.append(u)
                ready.sort()
    stuck: list[str] = []
    for node, n in indeg.items():
        if n > 0:
            stuck.append(node)
    return order, sorted(stuck)


def main() -> None:
    print(topo({"app": ["lib", "log"], "lib": ["core"], "log": ["core", "fmt"], "test": ["app"], "fmt": []}))
    print(topo({"a": ["b"], "b": ["c"], "c": ["a"], "d": [], "e": ["d", "a"]}))
    print(topo({}), topo({"solo": []}), topo({"x": ["x"]}))
