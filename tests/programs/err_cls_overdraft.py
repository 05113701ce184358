# SPDX-License-Identifier: GPL-3.0-or-later
# An uncaught user exception raised inside a method called from another method, after partial output.
from dataclasses import dataclass, field


class Overdraft(Exception):
    pass


@dataclass
class Wallet:
    owner: str
    cents: int = 0
    spent: list[int] = field(default_factory=list)

    def pay(self, amount: int) -> None:
        if amount > self.cents:
            raise Overdraft(f"{self.owner} cannot pay {amount} with {self.cents}")
        self.cents -= amount
        self.spent.append(amount)

    def pay_all(self, bills: list[int]) -> int:
        for b in bills:
            self.pay(b)
            print("paid", b, "left", self.cents)
        return len(self.spent)


def main() -> None:
    w = Wallet("ann", 500)
    print(w.pay_all([100, 250]))
    w.pay_all([100, 75, 20])
    print("unreachable", w)
