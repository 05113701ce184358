# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: adding a key while iterating over a dict raises RuntimeError.


def main() -> None:
    d = {"a": 1, "b": 2}
    for k in d:
        d[k] = d[k] * 10
    print(d)
    for k in d:
        print("visit", k)
        d[k + k] = 0
