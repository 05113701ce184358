# SPDX-License-Identifier: GPL-3.0-or-later
# A bank account object: deposit/withdraw methods that raise user exceptions, a history list field, transfers.
from dataclasses import dataclass, field


class InsufficientFunds(Exception):
    pass


class FrozenAccount(Exception):
    pass


@dataclass
class Account:
    owner: str
    balance: int = 0
    frozen: bool = False
    history: list[str] = field(default_factory=list)

    def _check(self) -> None:
        if self.frozen:
            raise FrozenAccount(f"{self.owner} is frozen")

    def deposit(self, amount: int) -> int:
        self._check()
        if amount <= 0:
            raise ValueError(f"bad deposit {amount}")
        self.balance += amount
        self.history.append(f"+{amount}")
        return self.balance

    def withdraw(self, amount: int) -> int:
        self._check()
        if amount > self.balance:
            raise InsufficientFunds(f"{self.owner} has {self.balance}, needs {amount}")
        self.balance -= amount
        self.history.append(f"-{amount}")
        return self.balance

    def transfer(self, other: "Account", amount: int) -> None:
        self.withdraw(amount)
        try:
            other.deposit(amount)
        except FrozenAccount:
            self.deposit(amount)
            raise

    def statement(self) -> str:
        return f"{self.owner}: {self.balance} [{' '.join(self.history)}]"


def attempt(acct: Account, op: str, amount: int) -> str:
    try:
        if op == "d":
            return f"ok {acct.deposit(amount)}"
        return f"ok {acct.withdraw(amount)}"
    except InsufficientFunds as e:
        return f"refused: {e}"
    except ValueError as e:
        return f"invalid: {e}"


def main() -> None:
    ann = Account("ann", 100)
    bob = Account("bob")
    for op, amount in [("d", 50), ("w", 30), ("w", 500), ("d", -5), ("w", 120)]:
        print(op, amount, attempt(ann, op, amount))
    print(ann.statement())
    ann.deposit(200)
    ann.transfer(bob, 75)
    print(ann.statement(), "|", bob.statement())
    bob.frozen = True
    try:
        ann.transfer(bob, 10)
    except FrozenAccount as e:
        print("transfer failed:", e)
    print(ann.statement(), "|", bob.statement())
    try:
        bob.transfer(ann, 1)
    except FrozenAccount as e:
        print("source frozen:", e)
    accounts = [ann, bob, Account("cy", 300)]
    print([a.owner for a in sorted(accounts, key=lambda a: a.balance)])
