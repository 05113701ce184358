# SPDX-License-Identifier: GPL-3.0-or-later
# finally with return, break and continue: it always runs, a return in it overrides, control flow leaves through it.


def overriding(x: int) -> str:
    try:
        if x < 0:
            raise ValueError("negative")
        return "from try"
    finally:
        if x != 0:
            return f"from finally ({x})"


def swallow(log: list[str]) -> int:
    try:
        raise RuntimeError("lost")
    finally:
        log.append("finally returns")
        return 7


def returned_before_finally(log: list[str]) -> int:
    n = 1
    try:
        return n
    finally:
        n = 100
        log.append(f"finally saw n={n}")


def loop_with_continue(items: list[str]) -> list[str]:
    seen: list[str] = []
    for item in items:
        try:
            if item.startswith("#"):
                continue
            if item == "stop":
                break
            seen.append(item.upper())
        finally:
            seen.append(f"<{item}>")
    return seen


def break_in_finally() -> str:
    i = 0
    while True:
        i += 1
        try:
            if i == 3:
                raise KeyError("discarded by break")
        finally:
            if i >= 3:
                break
    return f"left loop at i={i}"


def continue_in_finally() -> int:
    total = 0
    for i in range(5):
        try:
            total += 10 // (i - 2)
        finally:
            total += 1
            continue
    return total


def main() -> None:
    print(overriding(0), "|", overriding(5), "|", overriding(-1))
    log: list[str] = []
    print(swallow(log), returned_before_finally(log), log)
    print(loop_with_continue(["a", "#b", "c", "stop", "d"]))
    print(break_in_finally(), continue_in_finally())
    order: list[str] = []
    try:
        try:
            try:
                order.append("inner")
                print({"a": 1}["b"])
            finally:
                order.append("inner finally")
        finally:
            order.append("middle finally")
    except KeyError as e:
        order.append(f"outer caught {e}")
    finally:
        order.append("outer finally")
    print(order)
