# SPDX-License-Identifier: GPL-3.0-or-later
# Dijkstra's shortest paths on a weighted graph in nested dicts, with a linear-scan frontier and routes.

INF = 10 ** 18


def shortest(graph: dict[str, dict[str, int]], src: str) -> tuple[dict[str, int], dict[str, str]]:
    dist = {src: 0}
    via: dict[str, str] = {}
    done: dict[str, bool] = {}
    while True:
        best, node = INF, ""
        for n, d in dist.items():
            if n not in done and d < best:
                best, node = d, n
        if node == "":
            return dist, via
        done[node] = True
        for nxt, w in graph.get(node, {}).items():
            if best + w < dist.get(nxt, INF):
                dist[nxt] = best + w
                via[nxt] = node


def route(via: dict[str, str], src: str, dst: str) -> str:
    path = dst
    while dst != src:
        dst = via[dst]
        path = dst + ">" + path
    return path


def main() -> None:
    g = {"A": {"B": 7, "C": 9, "F": 14}, "B": {"A": 7, "C": 10, "D": 15}, "C": {"A": 9, "B": 10, "D": 11, "F": 2},
         "D": {"B": 15, "C": 11, "E": 6}, "E": {"D": 6, "F": 9}, "F": {"A": 14, "C": 2, "E": 9}, "G": {"A": 1}}
    dist, via = shortest(g, "A")
    for node in sorted(dist.keys()):
        print(f"{node}: {dist[node]:>3} {route(via, 'A', node)}")
    print("G reachable:", "G" in dist, shortest(g, "G")[0], shortest({}, "Z"))
