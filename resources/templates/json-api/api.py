# A small JSON API: records in and out as dataclasses. POST a JSON list of items to
# /cart/total; GET /items/<id> answers one item as JSON.

from dataclasses import dataclass

from hotpath import Request, get, post


@dataclass
class Item:
    name: str
    quantity: int
    price: float


@dataclass
class Total:
    items: int
    units: int
    amount: float


@get("/items/<int:item_id>")
def item(item_id: int) -> Item:
    return Item(f"item-{item_id}", 1, 9.99)


@post("/cart/total")
def cart_total(request: Request) -> Total:
    items = request.json(list[Item])
    units = 0
    amount = 0.0
    for entry in items:
        units += entry.quantity
        amount += entry.quantity * entry.price
    return Total(len(items), units, round(amount, 2))
