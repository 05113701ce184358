# SPDX-License-Identifier: GPL-3.0-or-later
# User exception classes: subclasses of Exception, of user classes and of built-ins; raise E, E(), E("msg").


class AppError(Exception):
    """Base class of this service's errors."""


class NotFound(AppError):
    pass


class UserNotFound(NotFound):
    pass


class Forbidden(AppError):
    """The caller may not do this."""


class BadInput(ValueError):
    pass


def act(step: int) -> str:
    if step == 0:
        raise UserNotFound("user 42")
    if step == 1:
        raise NotFound("page /about")
    if step == 2:
        raise Forbidden
    if step == 3:
        raise BadInput("age must be a number")
    if step == 4:
        raise NotFound()
    if step == 5:
        raise AppError("generic failure")
    return "done"


def handle(step: int) -> str:
    try:
        return act(step)
    except UserNotFound as e:
        return f"user missing: {e}"
    except NotFound as e:
        return f"not found: {e!r}"
    except ValueError as e:
        return f"value error {type(e).__name__}: {e}"
    except AppError as e:
        return f"app error {type(e).__name__} [{e}] {repr(e)}"


def main() -> None:
    for step in range(7):
        print(step, handle(step))
    try:
        raise UserNotFound("ann")
    except AppError as e:
        print("caught through two levels:", type(e).__name__, str(e))
    try:
        raise BadInput("x")
    except AppError:
        print("wrong: BadInput is not an AppError")
    except Exception as e:
        print("BadInput is an Exception:", e)
    try:
        int("twelve")
    except BadInput:
        print("wrong: a plain ValueError is not a BadInput")
    except ValueError as e:
        print("plain ValueError:", e)
