# SPDX-License-Identifier: GPL-3.0-or-later
# Built-in class hierarchy: a base class catches its subclasses; the first matching clause wins.
import math


def fetch(kind: str) -> int:
    table = {"a": 1, "b": 2}
    xs = [5, 6, 7]
    if kind == "key":
        return table["zzz"]
    if kind == "index":
        return xs[10]
    if kind == "floordiv":
        return 1 // 0
    if kind == "mod":
        return len(xs) % (len(xs) - 3)
    if kind == "overflow":
        return int(math.exp(1000.0))
    if kind == "notimpl":
        raise NotImplementedError("fetch of " + kind)
    if kind == "runtime":
        raise RuntimeError("state is broken")
    if kind == "name":
        raise NameError("name 'q' is not defined")
    if kind == "type":
        raise TypeError("expected str")
    if kind == "timeout":
        raise TimeoutError("backend too slow")
    return 0


def classify(kind: str) -> str:
    try:
        fetch(kind)
        return "no error"
    except LookupError as e:
        return f"lookup {type(e).__name__} {e}"
    except ArithmeticError as e:
        return f"arith {type(e).__name__} {e}"
    except RuntimeError as e:
        return f"runtime {type(e).__name__} {e}"
    except Exception as e:
        return f"other {type(e).__name__} {e}"


def main() -> None:
    for kind in ["key", "index", "floordiv", "mod", "overflow", "notimpl", "runtime", "name", "type", "timeout", "none"]:
        print(f"{kind:>9}: {classify(kind)}")
    try:
        raise KeyError("k")
    except IndexError:
        print("wrong")
    except KeyError:
        print("KeyError clause")
    except LookupError:
        print("LookupError clause, not reached")
    try:
        try:
            raise BaseException("stop now")
        except Exception:
            print("Exception does not catch BaseException")
    except BaseException as e:
        print("BaseException caught:", e, repr(e))
    try:
        print([1, 2][5])
    except BaseException as e:
        print("BaseException also catches", type(e).__name__)
    try:
        raise OverflowError("too big")
    except (ValueError, ArithmeticError) as e:
        print("tuple with a base:", repr(e))
