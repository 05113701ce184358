# SPDX-License-Identifier: GPL-3.0-or-later
# JSON-ish records: build n orders (@dataclass records holding lists of item
# records, lists of str and a dict[str, str]) from an LCG, group them by
# customer in a dict[str, list[Order]], summarise them (revenue per customer,
# tag counts, best customer) and serialise every order to JSON text with
# f-strings and join. Measures allocation of records, lists and dicts, field
# access, dict updates, float-to-str and str building: the work of a typical
# API handler. Prints counts, the revenue, the JSON text's length and the top
# customer and tag.

from dataclasses import dataclass

TAGS = ["new", "sale", "gift", "bulk", "eco", "fragile", "digital", "import"]
LCG_MUL = 1103515245
LCG_ADD = 12345
LCG_MASK = 0x7FFFFFFF


@dataclass
class Item:
    sku: str
    price: float
    quantity: int
    tags: list[str]


@dataclass
class Order:
    id: int
    customer: str
    items: list[Item]
    attrs: dict[str, str]
    paid: bool = False


@dataclass
class Rng:
    state: int


def rand(rng: Rng) -> int:
    rng.state = (rng.state * LCG_MUL + LCG_ADD) & LCG_MASK
    return rng.state >> 8


def make_order(order_id: int, rng: Rng) -> Order:
    items: list[Item] = []
    for _ in range(1 + rand(rng) % 5):
        tags: list[str] = []
        for _ in range(rand(rng) % 4):
            tags.append(TAGS[rand(rng) % len(TAGS)])
        sku = f"SKU-{rand(rng) % 100000:05d}"
        items.append(Item(sku, rand(rng) % 100000 / 100, 1 + rand(rng) % 9, tags))
    attrs: dict[str, str] = {"channel": "web" if rand(rng) % 3 else "store"}
    if rand(rng) % 4 == 0:
        attrs["coupon"] = "C" + str(rand(rng) % 1000)
    customer = "cust" + str(rand(rng) % 997)
    return Order(order_id, customer, items, attrs, rand(rng) % 5 != 0)


def order_total(order: Order) -> float:
    total = 0.0
    for item in order.items:
        total += item.price * item.quantity
    return total


def item_json(item: Item) -> str:
    tags: list[str] = []
    for tag in item.tags:
        tags.append(f'"{tag}"')
    return (f'{{"sku": "{item.sku}", "price": {item.price}, '
            f'"quantity": {item.quantity}, "tags": [{", ".join(tags)}]}}')


def order_json(order: Order) -> str:
    items: list[str] = []
    for item in order.items:
        items.append(item_json(item))
    attrs: list[str] = []
    for key, value in order.attrs.items():
        attrs.append(f'"{key}": "{value}"')
    paid = "true" if order.paid else "false"
    return (f'{{"id": {order.id}, "customer": "{order.customer}", "paid": {paid}, '
            f'"items": [{", ".join(items)}], "attrs": {{{", ".join(attrs)}}}}}')


def main(n: int) -> None:
    rng = Rng(2024)
    by_customer: dict[str, list[Order]] = {}
    for i in range(n):
        order = make_order(i, rng)
        by_customer.setdefault(order.customer, []).append(order)

    revenue = 0.0
    item_count = 0
    tag_counts: dict[str, int] = {}
    ranking: list[tuple[float, str]] = []
    for customer, orders in by_customer.items():
        spent = 0.0
        for order in orders:
            item_count += len(order.items)
            if order.paid:
                spent += order_total(order)
            for item in order.items:
                for tag in item.tags:
                    tag_counts[tag] = tag_counts.get(tag, 0) + 1
        revenue += spent
        ranking.append((spent, customer))
    ranking.sort(reverse=True)

    top_tag = ""
    top_tag_count = 0
    for tag, count in tag_counts.items():
        if count > top_tag_count:
            top_tag = tag
            top_tag_count = count

    parts: list[str] = []
    for orders in by_customer.values():
        for order in orders:
            parts.append(order_json(order))
    text = "[" + ",\n".join(parts) + "]"

    best_spent, best = ranking[0]
    print(f"{n} {item_count} {revenue:.2f} {len(text)} {best}={best_spent:.2f} {top_tag}={top_tag_count}")
