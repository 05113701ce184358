# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: UnboundLocalError in a helper whose local is assigned only when a loop finds a match.


def find_owner(owners: dict[str, list[str]], item: str) -> str:
    for name, items in owners.items():
        if item in items:
            owner = name
            break
    return owner.upper()


def main() -> None:
    owners = {"ann": ["pen", "cup"], "bob": ["hat"], "cy": []}
    for item in ["cup", "hat", "pen", "kite"]:
        print(item, "->", find_owner(owners, item))
