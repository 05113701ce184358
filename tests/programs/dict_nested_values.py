# SPDX-License-Identifier: GPL-3.0-or-later
# dicts holding lists, dicts and tuples; updating nested values in place; equality ignores order.


def main() -> None:
    inventory: dict[str, list[int]] = {"a": [1, 2], "b": []}
    inventory["b"].append(3)
    inventory["a"][0] = 10
    inventory["c"] = inventory["a"] + inventory["b"]
    print(inventory)
    config = {"db": {"host": "localhost", "port": "5432"}, "cache": {"ttl": "60"}}
    config["db"]["port"] = "6543"
    print(config, config["db"]["host"], len(config["cache"]))
    points = {"origin": (0, 0), "corner": (3, 4)}
    for name, (x, y) in points.items():
        print(name, x, y, x * x + y * y)
    a = {"x": 1, "y": 2}
    b = {"y": 2, "x": 1}
    print(a == b, a != b, a == {"x": 1}, {"k": [1.0]} == {"k": [1.0]}, str(a) == str(b))
    matrix = {"r0": [[1, 2], [3, 4]]}
    matrix["r0"][1][0] = 30
    print(matrix)
