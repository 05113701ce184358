# Hello, World! and a few small endpoints: a path parameter, query parameters with
# defaults, and a recursive function worth comparing in the two tiers (Profile…).

from hotpath import get


@get("/")
def index() -> str:
    return "Hello, World!"


@get("/hello/<name>")
def hello(name: str) -> str:
    return f"Hello, {name}!"


@get("/greet")
def greet(name: str = "World", times: int = 1) -> str:
    return " ".join([f"Hello, {name}!"] * times)


def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


@get("/fib/<int:n>")
def fibonacci(n: int) -> int:
    return fib(n)
