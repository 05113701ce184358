# SPDX-License-Identifier: GPL-3.0-or-later
# Form validation: check dataclass fields, collect error messages per field, build a result dict.
from dataclasses import dataclass


@dataclass
class Signup:
    username: str
    email: str
    age: int
    password: str


def validate(s: Signup) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not 3 <= len(s.username) <= 12:
        errors.setdefault("username", []).append(f"length {len(s.username)} not in 3..12")
    for c in s.username:
        if not (c.isalpha() or c.isdigit() or c == "_"):
            errors.setdefault("username", []).append(f"bad character {c!r}")
            break
    at = s.email.find("@")
    if at < 1 or s.email.rfind(".") < at + 2 or s.email.count("@") != 1:
        errors.setdefault("email", []).append("malformed")
    if s.age < 13 or s.age > 130:
        errors.setdefault("age", []).append(f"{s.age} out of range")
    if len(s.password) < 8:
        errors.setdefault("password", []).append("too short")
    if s.password.lower() == s.password or s.password.upper() == s.password:
        errors.setdefault("password", []).append("needs mixed case")
    return errors


def main() -> None:
    for s in [Signup("ada_99", "ada@example.org", 36, "Sup3rSecret"), Signup("x", "x@y", 12, "short"),
              Signup("bad name!", "a@@b.com", 200, "alllowercase"), Signup("émile", ".@a.b", 13, "MixedCase")]:
        errs = validate(s)
        print(s.username, "OK" if not errs else str(errs))
        print("  ", {"ok": str(len(errs) == 0), "fields": ",".join(errs.keys())})
