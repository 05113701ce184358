# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: a helper adds a key to the dict its caller is iterating, raising RuntimeError.


def register_alias(users: dict[str, str], name: str) -> None:
    alias = name[:3]
    if alias not in users:
        users[alias] = users[name]


def main() -> None:
    users = {"ann": "admin", "bob": "dev"}
    for name in users:
        register_alias(users, name)
        print("checked", name, len(users))
    users["carol"] = "ops"
    for name in users:
        print("aliasing", name)
        register_alias(users, name)
