# SPDX-License-Identifier: GPL-3.0-or-later
# Endpoint-decorated functions are ordinary functions: main calls them directly, including Response.
from hotpath import Request, Response, get, post, route


@get("/square/<int:n>")
def square(n: int) -> int:
    return n * n


@route("/greet/<name>", methods=["GET", "POST"])
def greet(name: str, excited: bool = False) -> str:
    return f"Hello, {name}{'!' if excited else '.'}"


@post("/echo")
def echo(req: Request) -> Response:
    return Response(req.body, status=201, headers={"X-Echo": "1"})


def main() -> None:
    print(square(12), square(-3))
    print(greet("Ada"), greet("Bob", True), greet(name="Cy", excited=False))
    total = 0
    for i in range(5):
        total += square(i)
    print(total)
