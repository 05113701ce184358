# SPDX-License-Identifier: GPL-3.0-or-later
# Bank transfers: rollback in an except block followed by a bare raise, an audit in finally, a batch that goes on.
from dataclasses import dataclass


class BankError(Exception):
    pass


class InsufficientFunds(BankError):
    pass


class AccountLocked(BankError):
    pass


@dataclass
class Account:
    owner: str
    cents: int
    locked: bool = False


def withdraw(acct: Account, cents: int) -> None:
    if acct.locked:
        raise AccountLocked(acct.owner)
    if cents > acct.cents:
        raise InsufficientFunds(f"{acct.owner} has {acct.cents}, needs {cents}")
    acct.cents -= cents


def deposit(acct: Account, cents: int) -> None:
    if acct.locked:
        raise AccountLocked(f"{acct.owner} (deposit)")
    acct.cents += cents


def transfer(bank: dict[str, Account], src: str, dst: str, cents: int, audit: list[str]) -> None:
    source = bank[src]
    target = bank[dst]
    withdraw(source, cents)
    try:
        deposit(target, cents)
    except BankError:
        source.cents += cents
        audit.append(f"rolled back {cents} to {src}")
        raise
    finally:
        audit.append(f"{src}->{dst} {cents} attempted")


def main() -> None:
    bank = {"ann": Account("ann", 1000), "bob": Account("bob", 50), "vault": Account("vault", 0, True)}
    audit: list[str] = []
    batch = [("ann", "bob", 300), ("bob", "ann", 500), ("ann", "vault", 200), ("vault", "ann", 1), ("bob", "eve", 10), ("bob", "ann", 350)]
    ok = 0
    failed = 0
    for src, dst, cents in batch:
        try:
            transfer(bank, src, dst, cents, audit)
            ok += 1
        except InsufficientFunds as e:
            failed += 1
            print("insufficient:", e)
        except AccountLocked as e:
            failed += 1
            print("locked:", e)
        except KeyError as e:
            failed += 1
            print("no such account", e)
    print(ok, "ok,", failed, "failed")
    for line in audit:
        print(" ", line)
    print({name: acct.cents for name, acct in bank.items()})
    print(sum(acct.cents for acct in bank.values()))
