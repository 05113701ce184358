# SPDX-License-Identifier: GPL-3.0-or-later
# Hello world: the smallest endpoints, a path parameter, query parameters with
# defaults, and a handler that takes the Request and builds its own Response.

from hotpath import Request, Response, get, route

GREETING = "Hello"


@get("/")
def index() -> str:
    return "Hello, World!"


@get("/hello/<name>")
def hello(name: str) -> str:
    return f"{GREETING}, {name}!"


@get("/greet")
def greet(name: str = "World", times: int = 1, shout: bool = False) -> str:
    text = f"{GREETING}, {name}!"
    if shout:
        text = text.upper()
    return " ".join([text] * times)


@route("/echo", methods=["GET", "POST"])
def echo(req: Request) -> Response:
    agent = req.header("User-Agent", "unknown")
    lines = [f"{req.method} {req.path}", f"user-agent: {agent}", f"body: {len(req.body)} characters"]
    if req.body != "":
        lines.append(req.body)
    return Response("\n".join(lines), status=200, content_type="text/plain", headers={"X-Hotpath": "echo"})
