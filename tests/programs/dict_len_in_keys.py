# SPDX-License-Identifier: GPL-3.0-or-later
# dict len, membership, keys with unusual strings (empty, quotes, unicode), and overwriting values.


def main() -> None:
    d = {"": 0, "it's": 1, 'a"b': 2, "naïve": 3, "tab\t": 4, "\\": 5}
    print(d)
    print(len(d), "" in d, "its" in d, "it's" in d, "naïve" in d, "naive" in d)
    for k in d:
        print(repr(k), d[k])
    d["it's"] = 10
    d.pop("")
    print(d, len(d))
    e = {"x": "y"}
    e["x"] = e["x"] * 3
    e[e["x"]] = "z"
    print(e, e["yyy"])
