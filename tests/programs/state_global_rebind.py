# SPDX-License-Identifier: GPL-3.0-or-later
# Module state: `global` rebinding of ints, floats, strs, bools, tuples and lists, augmented assignment.
BANNER = "log"
count = 0
total = 0.0
text = ""
enabled = False
point: tuple[int, int] = (0, 0)
history: list[int] = []
names: list[str] = ["a"]


def record(n: int) -> int:
    global count, total, text, enabled, point, history
    count += 1
    total += n / 4
    text += str(n)
    text = text + ","
    enabled = not enabled
    point = (point[0] + n, point[1] - n)
    history = history + [n]
    history += [n * 10]
    return count


def reset_names(fresh: list[str]) -> None:
    global names
    names = fresh
    names.append("z")


def read_only() -> str:
    return f"{BANNER}: {count} {total} {text!r} {enabled} {point} {history} {names}"


def main() -> None:
    print(read_only())
    for n in [3, 5, 8]:
        print(record(n))
    print(read_only())
    local = ["q"]
    reset_names(local)
    print(local, names, local == names)
    names.append("y")
    print(local)
    global count
    count = count * 100
    print(read_only())
