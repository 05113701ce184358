# SPDX-License-Identifier: GPL-3.0-or-later
# How exceptions print: str, repr, print, f-strings (!r too) and type names, for messages with quotes and keys.


class NotFound(Exception):
    pass


class Conflict(NotFound):
    """A resource exists twice."""


def make_error(kind: str, detail: str) -> Exception:
    if kind == "value":
        return ValueError(detail)
    if kind == "type":
        return TypeError(detail)
    if kind == "conflict":
        return Conflict(detail)
    return NotFound(detail)


def show(e: Exception) -> None:
    print(f"{type(e).__name__:<12}|{e}|{e!r}|" + str(e) + "|" + repr(e))


def main() -> None:
    for kind, detail in [("value", "it's bad"), ("type", 'say "hi"'), ("conflict", "both ' and \""), ("other", "")]:
        try:
            raise make_error(kind, detail)
        except Exception as e:
            show(e)
    try:
        raise NotFound
    except NotFound as e:
        show(e)
        print(e)
    try:
        raise NotFound()
    except NotFound as e:
        print(f"[{e}]", len(str(e)), repr(e) == "NotFound()")
    scores = {"ann": 3}
    ids = {7: "seven"}
    try:
        print(scores["it's"])
    except KeyError as e:
        show(e)
    try:
        print(ids[42])
    except KeyError as e:
        show(e)
    try:
        raise KeyError(-5)
    except LookupError as e:
        print(e, repr(e))
    try:
        raise KeyError("")
    except KeyError as e:
        print(e, repr(e), len(str(e)))
    try:
        raise RuntimeError("tab\there, é, λ")
    except RuntimeError as e:
        print(e)
        print(repr(e))
        print("message:", e, sep=" ")
    try:
        raise AssertionError("line one\nline two")
    except AssertionError as e:
        print(repr(e))
        print(e)
