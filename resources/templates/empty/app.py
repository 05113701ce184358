# Handlers for this project. Each function under a route decorator is an endpoint:
# its parameters come from the path and the query string, typed by their annotations.

from hotpath import get


@get("/")
def index() -> str:
    return "ok"
