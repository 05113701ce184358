# SPDX-License-Identifier: GPL-3.0-or-later
# Shopping-cart pricing in integer cents: percentage and buy-N-get-one rules, coupon codes, caps.


def line_total(price: int, qty: int, rule: str) -> int:
    if rule.startswith("pct"):
        return price * qty - price * qty * int(rule[3:]) // 100
    if rule.startswith("bogo"):
        return price * (qty - qty // (int(rule[4:]) + 1))
    return price * qty


def apply_coupon(subtotal: int, code: str) -> tuple[int, str]:
    if code.startswith("OFF") and code[3:].isdigit():
        off = min(int(code[3:]) * 100, subtotal // 2)
        return subtotal - off, f"-{off / 100:.2f} (capped at half)" if off == subtotal // 2 else f"-{off / 100:.2f}"
    if code.startswith("SAVE") and code[4:].isdigit():
        pct = min(int(code[4:]), 50)
        return subtotal * (100 - pct) // 100, f"{pct}% off"
    return subtotal, f"invalid code {code!r}" if code else "no coupon"


def main() -> None:
    cart = [("tea", 499, 3, "pct10"), ("mug", 1250, 5, "bogo2"), ("spoon", 99, 7, ""), ("pot", 3500, 1, "pct0")]
    subtotal = 0
    for name, price, qty, rule in cart:
        t = line_total(price, qty, rule)
        subtotal += t
        print(f"{name:<6} {qty:>2} x {price / 100:>6.2f} {rule or '-':<6} {t / 100:>8.2f}")
    print(f"subtotal {subtotal / 100:.2f}")
    for code in ["", "OFF5", "OFF999", "SAVE15", "SAVE80", "SAVEx", "bogus"]:
        total, note = apply_coupon(subtotal, code)
        print(f"{code:<7} -> {total:>6} cents ({note})")
    print(line_total(100, 0, "bogo1"), line_total(100, 1, "bogo1"), line_total(100, 2, "bogo1"), line_total(333, 3, "pct33"))
