# SPDX-License-Identifier: GPL-3.0-or-later
# Dataclass field reads and writes, augmented assignment on fields, and reference semantics.
from dataclasses import dataclass


@dataclass
class Account:
    owner: str
    balance: float
    count: int = 0


def deposit(acct: Account, amount: float) -> None:
    acct.balance += amount
    acct.count += 1


def main() -> None:
    a = Account("ann", 10.0)
    deposit(a, 5.5)
    deposit(a, 0.25)
    print(a, a.balance, a.count)
    b = a
    b.owner = "bea"
    print(a.owner, a == b)
    accounts = [Account("x", 1.0), Account("y", 2.0)]
    first = accounts[0]
    first.balance *= 10.0
    for acct in accounts:
        deposit(acct, 1.0)
    print(accounts)
    a.owner = a.owner.upper() + "!"
    a.count = a.count * 100 - 1
    print(a)
