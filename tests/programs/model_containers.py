# SPDX-License-Identifier: GPL-3.0-or-later
# Reference-model test of the runtime's containers against CPython: long random sequences
# of operations (a fixed linear congruential generator, so both sides see the same ones) on
# dicts with int and str keys (deletion-heavy, so lookups cross deleted slots and the table
# is rebuilt), lists, sets and str searches, with checksums and samples printed along the way.

STATE: list[int] = [12345]


def rand(n: int) -> int:
    STATE[0] = (STATE[0] * 1103515245 + 12345) % 2147483648
    return STATE[0] % n


def dict_ints(rounds: int) -> None:
    d: dict[int, int] = {}
    for step in range(rounds):
        op = rand(10)
        k = rand(64)
        if op < 4:
            d[k] = step
        elif op < 7:
            if k in d:
                d.pop(k)
        elif op == 7:
            d.pop(k, -1)
        elif op == 8:
            d.setdefault(k, -step)
        else:
            v = d.get(k, -2)
            if v == -2 and k in d:
                print("lost key", k)
        if step % 997 == 0:
            print(step, len(d), sum(d.values()), list(d.keys())[:6])
    print("ints", len(d), sum(d.keys()), sum(d.values()))
    print(list(d.items())[-5:])


def dict_strs(rounds: int) -> None:
    d: dict[str, int] = {}
    words = ["a", "bb", "ccc", "dd", "e", "ff", "ggg", "h", "ii", "jjj", "k", "ll", "m", "nn", "o", "pp"]
    for step in range(rounds):
        op = rand(6)
        w = words[rand(len(words))] + str(rand(8))
        if op < 3:
            d[w] = d.get(w, 0) + 1
        elif op < 5:
            if w in d:
                d.pop(w)
        else:
            d.pop(w, 0)
        if step % 1499 == 0:
            print(step, len(d), sorted(d.items())[:4])
    print("strs", len(d), sum(d.values()))
    print(list(d)[:8])


def lists(rounds: int) -> None:
    xs: list[int] = []
    for step in range(rounds):
        op = rand(8)
        if op < 3 or len(xs) == 0:
            xs.append(rand(100))
        elif op == 3:
            xs.insert(rand(len(xs) + 1), step % 50)
        elif op == 4:
            xs.pop(rand(len(xs)))
        elif op == 5:
            v = rand(100)
            if v in xs:
                xs.pop(xs.index(v))
        elif op == 6:
            i = rand(len(xs))
            xs[i] = xs[i] * 2 % 101
        else:
            v = rand(100)
            if v in xs:
                print("index", v, xs.index(v), xs.count(v))
        if step % 1201 == 0:
            print(step, len(xs), sum(xs), xs[:5], xs[-3:], xs[1:8:3])
    print("list", len(xs), sum(xs), sorted(xs)[:10])


def sets(rounds: int) -> None:
    s: set[int] = set()
    for step in range(rounds):
        op = rand(5)
        v = rand(200) - 100
        if op < 2:
            s.add(v)
        elif op < 4:
            s.discard(v)
        elif v in s:
            s.remove(v)
        if step % 1301 == 0:
            print(step, len(s), sum(s), sorted(s)[:5])
    print("set", len(s), sum(s), s == set(sorted(s)))


def searches(rounds: int) -> None:
    text = ""
    for k in range(300):
        text += "abcab"[rand(5)]
    found = 0
    for step in range(rounds):
        needle = "abcab"[rand(5):][: 1 + rand(3)]
        start = rand(320) - 10
        end = rand(320) - 10
        found += text.find(needle, start, end) + text.rfind(needle, start, end) + text[start:end].count(needle)
        if step % 499 == 0:
            print(step, needle, start, end, text.find(needle, start, end), text.rfind(needle, start), text.count(needle))
    print("found", found)


def main() -> None:
    dict_ints(20000)
    dict_strs(15000)
    lists(12000)
    sets(13000)
    searches(3000)
