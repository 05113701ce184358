# SPDX-License-Identifier: GPL-3.0-or-later
# Formatting None with a format spec fails as in CPython.
from typing import Optional


def show(x: Optional[float]) -> str:
    return f"{x:.2f}"


def main() -> None:
    print(show(1.5))
    print(show(None))
