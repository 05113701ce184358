# SPDX-License-Identifier: GPL-3.0-or-later
# A vending-machine state machine: a transition table field, methods that move between states, a log and errors.
from dataclasses import dataclass, field


class InvalidTransition(Exception):
    pass


@dataclass
class Machine:
    state: str = "idle"
    credit: int = 0
    stock: dict[str, int] = field(default_factory=dict)
    prices: dict[str, int] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)
    transitions: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.transitions = {
            "idle": ["paying", "service"],
            "paying": ["paying", "vending", "idle"],
            "vending": ["idle", "paying"],
            "service": ["idle"],
        }

    def go(self, target: str) -> None:
        if target not in self.transitions[self.state]:
            raise InvalidTransition(f"{self.state} -> {target}")
        self.log.append(f"{self.state}>{target}")
        self.state = target

    def insert(self, coins: int) -> None:
        self.go("paying")
        self.credit += coins

    def choose(self, product: str) -> str:
        if self.state != "paying":
            raise InvalidTransition(f"choose in {self.state}")
        price = self.prices.get(product, 0)
        if self.stock.get(product, 0) == 0:
            return f"{product} sold out"
        if self.credit < price:
            return f"{product} needs {price - self.credit} more"
        self.go("vending")
        self.credit -= price
        self.stock[product] -= 1
        if self.credit > 0:
            self.go("paying")
        else:
            self.go("idle")
        return f"vended {product}"

    def refund(self) -> int:
        back = self.credit
        self.credit = 0
        self.go("idle")
        return back

    def restock(self, product: str, n: int, price: int) -> None:
        self.go("service")
        self.stock[product] = self.stock.get(product, 0) + n
        self.prices[product] = price
        self.go("idle")


def main() -> None:
    m = Machine()
    m.restock("cola", 2, 150)
    m.restock("chips", 1, 90)
    steps = [("insert", "100"), ("choose", "cola"), ("insert", "100"), ("choose", "cola"), ("choose", "chips"),
             ("refund", ""), ("choose", "cola"), ("insert", "200"), ("choose", "cola"), ("choose", "cola"),
             ("restock", "gum"), ("refund", ""), ("refund", "")]
    for action, arg in steps:
        try:
            if action == "insert":
                m.insert(int(arg))
                result = f"credit {m.credit}"
            elif action == "choose":
                result = m.choose(arg)
            elif action == "refund":
                result = f"refunded {m.refund()}"
            else:
                m.restock(arg, 5, 60)
                result = "restocked"
        except InvalidTransition as e:
            result = f"invalid: {e}"
        print(f"{action:8}{arg:6}-> {result:22} state={m.state} credit={m.credit}")
    print(m.stock, m.prices)
    print(len(m.log), m.log[-6:])
