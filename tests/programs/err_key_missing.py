# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: reading a missing dict key raises KeyError with the key's repr.


def main() -> None:
    d = {"a": 1, "b": 2}
    print(d["a"], d["b"], d.get("x", -1))
    for k in "abx":
        print(k, d[k])
    print("not reached")
