# SPDX-License-Identifier: GPL-3.0-or-later
# Order validation service: validators raise, a function builds the exception to raise, errors become responses.
from dataclasses import dataclass


class ValidationError(ValueError):
    pass


class UnknownCustomer(LookupError):
    pass


class Fraud(Exception):
    """Order flagged by the risk check."""


@dataclass
class Order:
    customer: str
    item: str
    qty: int
    unit_price: float


CUSTOMERS = {"ann": 500.0, "bob": 40.0, "cy": 0.0}


def invalid(field: str, why: str) -> Exception:
    return ValidationError(f"{field}: {why}")


def validate(order: Order) -> float:
    if order.qty <= 0:
        raise invalid("qty", f"must be positive, got {order.qty}")
    if not order.item:
        raise invalid("item", "is empty")
    credit = CUSTOMERS[order.customer]
    total = order.qty * order.unit_price
    if total > 1000.0:
        raise Fraud
    if total > credit:
        if credit == 0.0:
            raise UnknownCustomer(f"{order.customer} has credit {credit:.2f} < {total:.2f}")
        raise ValidationError(f"over credit by {total - credit:.2f}")
    return total


def response(e: Exception) -> tuple[int, str]:
    name = type(e).__name__
    if name == "ValidationError":
        return 400, str(e)
    if name == "KeyError":
        return 404, f"no customer {e}"
    return (403 if name == "Fraud" else 409), repr(e)


def submit(order: Order) -> tuple[int, str]:
    try:
        total = validate(order)
    except (ValidationError, KeyError, Fraud, UnknownCustomer) as e:
        return response(e)
    return 200, f"charged {total:.2f}"


def main() -> None:
    orders = [
        Order("ann", "lamp", 2, 45.5),
        Order("ann", "lamp", 0, 45.5),
        Order("bob", "", 1, 1.0),
        Order("dan", "desk", 1, 99.0),
        Order("bob", "desk", 1, 99.0),
        Order("ann", "gold", 3, 400.0),
        Order("cy", "pen", 1, 2.0),
    ]
    accepted = 0
    for order in orders:
        status, body = submit(order)
        if status == 200:
            accepted += 1
        print(status, body)
    print(f"{accepted}/{len(orders)} accepted")
