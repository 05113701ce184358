# SPDX-License-Identifier: GPL-3.0-or-later
# List processing: a prime sieve, sorting a generated list, and a summary of
# orders posted as JSON (a list of records in, a record out).

from dataclasses import dataclass

from hotpath import Request, get, post

MODULUS = 2147483648
MULTIPLIER = 1103515245
INCREMENT = 12345


@dataclass
class Order:
    item: str
    quantity: int
    price: float


@dataclass
class Summary:
    orders: int
    units: int
    total: float
    largest: str


@get("/primes/<int:n>")
def primes(n: int) -> list[int]:
    result: list[int] = []
    if n < 2:
        return result
    sieve = [True] * (n + 1)
    sieve[0] = False
    sieve[1] = False
    i = 2
    while i * i <= n:
        if sieve[i]:
            for multiple in range(i * i, n + 1, i):
                sieve[multiple] = False
        i += 1
    for k, is_prime in enumerate(sieve):
        if is_prime:
            result.append(k)
    return result


def pseudo_random(count: int, seed: int, limit: int) -> list[int]:
    values: list[int] = []
    state = seed % MODULUS
    for _ in range(count):
        state = (state * MULTIPLIER + INCREMENT) % MODULUS
        values.append(state % limit)
    return values


@get("/sort")
def sort_numbers(count: int = 10, seed: int = 1, descending: bool = False) -> list[int]:
    values = pseudo_random(count, seed, 1000)
    if descending:
        values.sort(reverse=True)
        return values
    return sorted(values)


@get("/median")
def median(count: int = 11, seed: int = 1) -> float:
    assert count > 0, "count must be positive"
    values = sorted(pseudo_random(count, seed, 1000))
    middle = count // 2
    if count % 2 == 1:
        return float(values[middle])
    return (values[middle - 1] + values[middle]) / 2


@post("/orders/summary")
def order_summary(req: Request) -> Summary:
    orders = req.json(list[Order])
    units = 0
    total = 0.0
    largest = ""
    largest_value = 0.0
    for order in orders:
        value = order.quantity * order.price
        units += order.quantity
        total += value
        if value > largest_value:
            largest = order.item
            largest_value = value
    return Summary(len(orders), units, round(total, 2), largest)
