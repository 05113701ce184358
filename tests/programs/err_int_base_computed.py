# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: int(s, base) with a base chosen from a prefix rejects a digit invalid in that base.


def parse_literal(text: str) -> int:
    t = text.strip().lower()
    base = 10
    if t.startswith("0x"):
        base = 16
    elif t.startswith("0o") or (t.startswith("0") and len(t) > 1):
        base = 8
    digits = t[2:] if t[1:2] in "xo" and len(t) > 2 else t
    return int(digits, base)


def main() -> None:
    for lit in ["42", " 0x1F ", "0o17", "017", "0", "0X7fff", "-5", "0755", "0189"]:
        print(f"{lit!r:>10} -> {parse_literal(lit)}")
