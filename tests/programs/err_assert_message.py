# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: a failing assert with an f-string message raises AssertionError with that message.


def check_positive(name: str, v: float) -> None:
    assert v > 0.0, f"{name} must be positive, got {v!r}"
    print(name, "ok")


def main() -> None:
    check_positive("width", 2.5)
    check_positive("height", -0.0)
