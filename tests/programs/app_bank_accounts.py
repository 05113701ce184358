# SPDX-License-Identifier: GPL-3.0-or-later
# Bank-account simulation with dataclasses: deposits, withdrawals, transfers, rejections and a ledger.
from dataclasses import dataclass


@dataclass
class Account:
    owner: str
    balance: int = 0
    overdraft: int = 0


def withdraw(acct: Account, amount: int) -> bool:
    if amount <= 0 or acct.balance - amount < -acct.overdraft:
        return False
    acct.balance -= amount
    return True


def apply(accts: dict[str, Account], op: str, src: str, dst: str, amount: int) -> bool:
    ok = amount > 0 if op == "dep" else withdraw(accts[src], amount)
    if ok and op != "wd":
        accts[dst].balance += amount
    return ok


def main() -> None:
    accts = {"ann": Account("ann", 100), "bob": Account("bob", overdraft=50), "cy": Account("cy", 10, 0)}
    ledger: list[tuple[str, str, int, bool]] = []
    for op, src, dst, amount in [("dep", "", "bob", 20), ("wd", "ann", "", 30), ("wd", "cy", "", 11), ("wd", "bob", "", 60),
                                 ("wd", "bob", "", 20), ("dep", "", "cy", -5), ("xfer", "ann", "cy", 70), ("xfer", "cy", "bob", 100)]:
        ledger.append((op, f"{src}->{dst}", amount, apply(accts, op, src, dst, amount)))
    rejected = 0
    for op, who, amount, ok in ledger:
        print(f"{op:<5}{who:<9}{amount:>5} {'ok' if ok else 'REJECTED'}")
        rejected += 0 if ok else 1
    print(accts)
    print("total:", accts["ann"].balance + accts["bob"].balance + accts["cy"].balance, "rejected:", rejected, accts["bob"] == Account("bob", -40, 50))
