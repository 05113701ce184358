# SPDX-License-Identifier: GPL-3.0-or-later
# A tiny path router: match request paths against patterns with <name> and <int:name> segments.

def match(pattern: str, path: str) -> dict[str, str]:
    pparts = pattern.strip("/").split("/")
    parts = path.strip("/").split("/")
    params = {"!": "length"}
    if len(pparts) != len(parts):
        return params
    params.pop("!")
    for p, s in zip(pparts, parts):
        if p.startswith("<int:") and p.endswith(">"):
            if not s.isdigit():
                params["!"] = "not int"
                return params
            params[p[5:-1]] = str(int(s))
        elif p.startswith("<") and p.endswith(">"):
            params[p[1:-1]] = s
        elif p != s:
            params["!"] = "literal"
            return params
    return params


def dispatch(method: str, path: str) -> str:
    routes = ["GET /users", "GET /users/<int:id>", "POST /users/<int:id>/posts", "GET /files/<name>", "GET /"]
    for r in routes:
        pat = r[r.find(" ") + 1:]
        params = match(pat, path)
        if r.startswith(method + " ") and "!" not in params:
            return f"{method} {path} -> {pat} {params}"
    return f"{method} {path} -> 404"


def main() -> None:
    for method, path in [("GET", "/users"), ("GET", "/users/007"), ("GET", "/users/abc"), ("POST", "/users/12/posts/"),
                         ("GET", "/users/12/posts"), ("GET", "/files/a.txt"), ("GET", "/"), ("DELETE", "/users")]:
        print(dispatch(method, path))
