# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: a user exception that no handler matches ends the program with its class and message.


class NotFound(Exception):
    pass


class Forbidden(Exception):
    pass


WIDGETS = {3: "gear", 5: "spring"}


def get_widget(wid: int) -> str:
    if wid < 0:
        raise Forbidden(f"widget {wid}")
    if wid not in WIDGETS:
        raise NotFound(f"widget {wid}")
    return WIDGETS[wid]


def main() -> None:
    for wid in [3, -1, 5, 7, 9]:
        try:
            print(wid, get_widget(wid))
        except Forbidden as e:
            print(wid, "forbidden:", e)
