# SPDX-License-Identifier: GPL-3.0-or-later
# try/except/else/finally order: which clauses run with and without an error, tuples of classes, bare except.


def parse_ratio(text: str) -> float:
    parts = text.split("/")
    top = int(parts[0])
    bottom = int(parts[1])
    return top / bottom


def attempt(text: str) -> str:
    result = "?"
    try:
        value = parse_ratio(text)
    except ZeroDivisionError as e:
        result = f"zero: {e}"
    except (ValueError, IndexError) as e:
        result = f"bad ({type(e).__name__}): {e}"
    else:
        result = f"ok {value:.3f}"
    finally:
        print("  checked", repr(text))
    return result


def tolerant(text: str) -> int:
    try:
        return int(text) * 2
    except:
        return -1


def main() -> None:
    for text in ["3/4", "1/0", "x/2", "7", "10/4", "2/-8"]:
        print(attempt(text))
    print([tolerant(t) for t in ["21", "", " 8 ", "0x10"]])
    steps: list[str] = []
    try:
        steps.append("body")
    except Exception:
        steps.append("handler")
    else:
        steps.append("else")
    finally:
        steps.append("finally")
    try:
        steps.append("body2")
        xs = [1, 2, 3]
        steps.append(str(xs[3]))
        steps.append("unreached")
    except IndexError:
        steps.append("handler2")
    else:
        steps.append("else2")
    finally:
        steps.append("finally2")
    print(" -> ".join(steps))
    count = 0
    try:
        count += 1
    finally:
        count += 10
    print("count", count)
