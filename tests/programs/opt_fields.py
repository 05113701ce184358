# SPDX-License-Identifier: GPL-3.0-or-later
# Narrowing Optional fields of locals (user.age, order.customer.email), updating them in
# place, and storing None back.
from dataclasses import dataclass
from typing import Optional


@dataclass
class Customer:
    name: str
    email: Optional[str] = None


@dataclass
class Order:
    id: int
    customer: Optional[Customer] = None
    discount: Optional[float] = None
    visits: Optional[int] = None


def contact(order: Order) -> str:
    if order.customer is not None and order.customer.email is not None:
        return order.customer.email.lower()
    if order.customer is None:
        return "no customer"
    return "no email for " + order.customer.name


def price(order: Order, base: float) -> float:
    if order.discount is None:
        return base
    return base * (1 - order.discount)


def visit(order: Order) -> int:
    if order.visits is None:
        order.visits = 0
    order.visits += 1
    return order.visits


def main() -> None:
    orders = [Order(1, Customer("Ann", "ANN@X.ORG"), 0.25), Order(2, Customer("Bob")), Order(3)]
    print([contact(o) for o in orders])
    print([price(o, 80.0) for o in orders])
    print(visit(orders[0]), visit(orders[0]), visit(orders[1]), orders[0].visits)
    first = orders[0]
    if first.customer is not None:
        first.customer.email = None
        print(first.customer, contact(first))
    first.discount = None
    print(first)
    names = [o.customer.name for o in orders if o.customer is not None]
    print(names)
