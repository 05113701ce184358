# SPDX-License-Identifier: GPL-3.0-or-later
# Re-raising: bare raise, raise e, raise ... from e / from None, errors raised in except, else and finally bodies.


class StorageError(Exception):
    pass


class ServiceError(Exception):
    pass


AUDIT: list[str] = []


def load(key: str) -> int:
    data = {"a": 1, "b": 2}
    try:
        return data[key]
    except KeyError:
        AUDIT.append(f"load {key} failed")
        raise


def load_twice(key: str) -> int:
    try:
        return load(key) + load(key + key)
    except KeyError as e:
        AUDIT.append(f"passing on {e!r}")
        raise e


def service(key: str, wrap: bool) -> int:
    try:
        return load_twice(key)
    except LookupError as e:
        if wrap:
            raise ServiceError(f"lookup of {key} failed: {e}") from e
        raise ServiceError(f"lookup of {key} failed") from None


def main() -> None:
    for key, wrap in [("a", True), ("b", True), ("c", False)]:
        try:
            print(key, service(key, wrap))
        except ServiceError as e:
            print(key, type(e).__name__, e)
    print(AUDIT)
    try:
        try:
            int("x1")
        except ValueError as e:
            raise StorageError(f"while handling: {e}")
    except StorageError as e:
        print("replaced in except:", e)
    try:
        try:
            print("body ok")
        except RuntimeError:
            print("not reached")
        else:
            raise RuntimeError("raised in else")
    except RuntimeError as e:
        print("else error escapes its own try:", e)
    try:
        try:
            raise ValueError("first")
        finally:
            raise StorageError("from finally")
    except ValueError:
        print("not reached: finally replaced it")
    except StorageError as e:
        print("finally error wins:", repr(e))
    try:
        try:
            raise NotImplementedError("todo")
        except RuntimeError as e:
            print("handling", type(e).__name__)
            raise
    except NotImplementedError as e:
        print("re-raised keeps its class:", repr(e))
