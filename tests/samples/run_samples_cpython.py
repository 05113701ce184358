# SPDX-License-Identifier: GPL-3.0-or-later
"""Run the sample handlers under CPython with the ``hotpath`` shim.

Usage: python3 tests/samples/run_samples_cpython.py REPO_ROOT

Every Hotpath program must be valid Python 3.11 with the same output.  This
script imports each file of samples/hello (through the pure-Python shim in
resources/python), checks the endpoints they declare, calls every handler with
realistic arguments and checks the results.  It exits 1 with a message on the
first failure and prints a one-line summary on success.
"""

import dataclasses
import importlib.util
import json
import sys
from pathlib import Path

checks = 0


class CheckFailed(Exception):
    pass


def check(condition, message):
    global checks
    checks += 1
    if not condition:
        raise CheckFailed(message)


def check_equal(actual, expected, what):
    check(actual == expected, f"{what}: expected {expected!r}, got {actual!r}")


def check_raises(error_type, text, function, *args):
    try:
        function(*args)
    except error_type as error:
        check(text in str(error), f"{function.__name__}{args}: message {str(error)!r} lacks {text!r}")
        return
    check(False, f"{function.__name__}{args}: did not raise {error_type.__name__}")


def load(path):
    spec = importlib.util.spec_from_file_location(f"hotpath_sample_{path.stem}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# (methods, path, module, function name) of every endpoint the samples declare.
EXPECTED_ENDPOINTS = {
    (("GET",), "/", "hello", "index"),
    (("GET",), "/hello/<name>", "hello", "hello"),
    (("GET",), "/greet", "hello", "greet"),
    (("GET", "POST"), "/echo", "hello", "echo"),
    (("GET",), "/fib/<int:n>", "fib", "fib_recursive"),
    (("GET",), "/fib_iter/<int:n>", "fib", "fib_iter"),
    (("GET",), "/mandelbrot", "mandelbrot", "mandelbrot"),
    (("GET",), "/mandelbrot/count", "mandelbrot", "mandelbrot_count"),
    (("GET",), "/nbody/<int:steps>", "nbody", "nbody"),
    (("GET",), "/nbody/system", "nbody", "system"),
    (("POST",), "/wordcount", "text", "wordcount"),
    (("GET",), "/slugify", "text", "slugify"),
    (("GET",), "/caesar", "text", "caesar"),
    (("GET",), "/primes/<int:n>", "lists", "primes"),
    (("GET",), "/sort", "lists", "sort_numbers"),
    (("GET",), "/median", "lists", "median"),
    (("POST",), "/orders/summary", "lists", "order_summary"),
    (("GET",), "/todos", "todos", "list_todos"),
    (("GET",), "/todos/<int:todo_id>", "todos", "get_todo"),
    (("POST",), "/todos", "todos", "create_todo"),
    (("PATCH",), "/todos/<int:todo_id>", "todos", "update_todo"),
    (("DELETE",), "/todos/<int:todo_id>", "todos", "delete_todo"),
}


def check_project(samples, modules, hotpath):
    manifest = json.loads((samples / "hotpath.json").read_text(encoding="utf-8"))
    check_equal(manifest["format"], 1, "hotpath.json format")
    check_equal(sorted(manifest["files"]), sorted(p.name for p in samples.glob("*.py")),
                "hotpath.json files vs samples/hello/*.py")

    declared = set()
    seen = set()
    for methods, path, function in hotpath.ENDPOINTS:
        stem = function.__module__.removeprefix("hotpath_sample_")
        check(function is getattr(modules[stem], function.__name__),
              f"{path}: the decorator must return the function unchanged")
        for method in methods:
            check((method, path) not in seen, f"{method} {path} is declared twice")
            seen.add((method, path))
        declared.add((tuple(methods), path, stem, function.__name__))
    check_equal(len(hotpath.ENDPOINTS), len(declared), "number of endpoint declarations")
    check(declared == EXPECTED_ENDPOINTS,
          f"endpoints: unexpected {sorted(declared - EXPECTED_ENDPOINTS)}, "
          f"missing {sorted(EXPECTED_ENDPOINTS - declared)}")


def check_hello(m, hotpath):
    check_equal(m.index(), "Hello, World!", "GET /")
    check_equal(m.hello("Ada"), "Hello, Ada!", "GET /hello/Ada")
    check_equal(m.greet(), "Hello, World!", "GET /greet")
    check_equal(m.greet("Bob", 2, True), "HELLO, BOB! HELLO, BOB!", "GET /greet?name=Bob&times=2&shout=true")
    check_equal(m.greet(times=0), "", "GET /greet?times=0")

    req = hotpath.Request("POST", "/echo", body="ping", headers={"user-agent": "curl/8.0"})
    resp = m.echo(req)
    check(isinstance(resp, hotpath.Response), "POST /echo must return a Response")
    check_equal(resp.body, "POST /echo\nuser-agent: curl/8.0\nbody: 4 characters\nping", "POST /echo body")
    check_equal((resp.status, resp.content_type, resp.headers), (200, "text/plain", {"X-Hotpath": "echo"}),
                "POST /echo status, type, headers")
    check_equal(m.echo(hotpath.Request()).body, "GET /\nuser-agent: unknown\nbody: 0 characters",
                "GET /echo without headers")


def check_fib(m):
    expected = [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55]
    check_equal([m.fib_recursive(n) for n in range(11)], expected, "GET /fib/0..10")
    check_equal(m.fib_recursive(20), 6765, "GET /fib/20")
    check_equal([m.fib_iter(n) for n in range(11)], expected, "GET /fib_iter/0..10")
    check_equal(m.fib_iter(90), 2880067194370816120, "GET /fib_iter/90")
    check_equal(m.fib_iter(92), 7540113804746346429, "GET /fib_iter/92 (largest 64-bit)")
    check(m.fib_iter(93) >= 2**63, "fib_iter(93) leaves the 64-bit range (OverflowError in Hotpath)")


def reference_escape_time(c, max_iter):
    # Independent formulation with Python complex numbers.
    z = 0j
    for i in range(max_iter):
        if z.real * z.real + z.imag * z.imag > 4.0:
            return i
        z = z * z + c
    return max_iter


def check_mandelbrot(m):
    picture = m.mandelbrot(16, 30)
    lines = picture.split("\n")
    check_equal(len(lines), 16, "mandelbrot rows")
    check(all(len(line) == 32 for line in lines), "mandelbrot rows must be 32 characters wide")
    check_equal(lines, lines[::-1], "mandelbrot symmetry about the real axis")
    check("@" in lines[8] and " " in lines[0], "mandelbrot shows inside and outside points")

    size, max_iter = 24, 40
    expected = 0
    for row in range(size):
        for column in range(2 * size):
            c = complex(m.grid_x(column, 2 * size), m.grid_y(row, size))
            expected += reference_escape_time(c, max_iter) == max_iter
    check(expected > 0, "reference count is positive")
    check_equal(m.mandelbrot_count(size, max_iter), expected, "mandelbrot count vs complex reference")
    check_equal(m.mandelbrot_count(size, max_iter), m.mandelbrot(size, max_iter).count("@"),
                "count agrees with the rendering")
    check_equal(m.escape_time(-0.5, 0.0, 100), 100, "-0.5 is in the set")
    check_equal(m.escape_time(1.0, 1.0, 100), 2, "1+1j escapes after two steps")
    check_equal(m.escape_time(2.5, 0.0, 100), 1, "2.5 escapes after one step")
    check_raises(AssertionError, "size must be between 1 and 256", m.mandelbrot, 0, 10)


def check_nbody(m):
    # The benchmarks game's reference output for the initial state and 1000 steps.
    check_equal(m.nbody(0), "-0.169075164", "GET /nbody/0")
    check_equal(m.nbody(1000), "-0.169087605", "GET /nbody/1000")
    bodies = m.system()
    check_equal(len(bodies), 5, "GET /nbody/system length")
    check(all(dataclasses.is_dataclass(b) for b in bodies), "bodies are dataclass records")
    momentum = sum(b.vx * b.mass for b in bodies)
    check(abs(momentum) < 1e-15, f"total momentum is zero after offset, got {momentum!r}")


def check_text(m, hotpath):
    text = "The cat sat on the mat.\nThe END -- (really) the end!"
    counts = m.wordcount(hotpath.Request("POST", "/wordcount", body=text))
    check_equal(counts, {"the": 4, "cat": 1, "sat": 1, "on": 1, "mat": 1, "end": 2, "really": 1},
                "POST /wordcount")
    check_equal(list(counts), ["the", "cat", "sat", "on", "mat", "end", "really"], "word order of first use")
    check_equal(m.wordcount(hotpath.Request("POST", "/wordcount", body="  \n ")), {}, "POST /wordcount blank")

    check_equal(m.slugify("Hello, World!"), "hello-world", "GET /slugify?title=Hello, World!")
    check_equal(m.slugify("  Hotpath: JIT & interpreter, 2024 edition  "), "hotpath-jit-interpreter-2024-edition",
                "slugify of a longer title")
    check_equal(m.slugify("Crème Brûlée"), "crème-brûlée", "slugify keeps Unicode letters")
    check_equal(m.slugify("!!!"), "", "slugify of punctuation only")

    check_equal(m.caesar("Hello, World!"), "Khoor, Zruog!", "GET /caesar")
    check_equal(m.caesar("Khoor, Zruog!", -3), "Hello, World!", "GET /caesar negative shift")
    check_equal(m.caesar("xyz XYZ", 29), "abc ABC", "GET /caesar wraps")


def check_lists(m, hotpath):
    check_equal(m.primes(30), [2, 3, 5, 7, 11, 13, 17, 19, 23, 29], "GET /primes/30")
    check_equal(m.primes(1), [], "GET /primes/1")
    check_equal(m.primes(2), [2], "GET /primes/2")
    check_equal(len(m.primes(10000)), 1229, "number of primes below 10000")

    raw = m.pseudo_random(50, 7, 1000)
    check(all(0 <= v < 1000 for v in raw), "pseudo_random stays in range")
    check_equal(m.sort_numbers(50, 7), sorted(raw), "GET /sort")
    check_equal(m.sort_numbers(50, 7, True), sorted(raw, reverse=True), "GET /sort?descending=true")
    check_equal(m.sort_numbers(0), [], "GET /sort?count=0")
    values = sorted(m.pseudo_random(11, 1, 1000))
    check_equal(m.median(11, 1), float(values[5]), "GET /median (odd count)")
    values = sorted(m.pseudo_random(10, 3, 1000))
    check_equal(m.median(10, 3), (values[4] + values[5]) / 2, "GET /median (even count)")
    check(isinstance(m.median(1, 5), float), "median returns a float")

    body = json.dumps([
        {"item": "keyboard", "quantity": 2, "price": 49.5},
        {"item": "monitor", "quantity": 1, "price": 189},
        {"item": "cable", "quantity": 10, "price": 3.25},
    ])
    summary = m.order_summary(hotpath.Request("POST", "/orders/summary", body=body))
    check_equal(summary, m.Summary(3, 13, 320.5, "monitor"), "POST /orders/summary")
    check_equal(dataclasses.asdict(summary), {"orders": 3, "units": 13, "total": 320.5, "largest": "monitor"},
                "summary as JSON object")
    empty = m.order_summary(hotpath.Request("POST", "/orders/summary", body="[]"))
    check_equal(empty, m.Summary(0, 0, 0.0, ""), "POST /orders/summary with no orders")


def check_todos(m, hotpath):
    check_equal([t.title for t in m.list_todos()], ["Read the Hotpath docs"], "GET /todos")
    check_equal(m.list_todos("nothing"), [], "GET /todos?q=nothing")
    check_raises(hotpath.HTTPException, "no todo 9", m.get_todo, 9)
    todo, status, headers = m.create_todo(hotpath.Request("POST", "/todos", body='{"title": "ship", "tags": ["x"]}'))
    check_equal((todo.id, todo.title, todo.tags, status, headers), (2, "ship", ["x"], 201, {"Location": "/todos/2"}),
                "POST /todos")
    check_raises(m.DuplicateTitle, "'ship' is todo 2", m.create_todo, hotpath.Request("POST", "/todos", body='{"title": "ship"}'))
    check_raises(ValueError, "a todo needs a title", m.create_todo, hotpath.Request("POST", "/todos", body='{"title": " "}'))
    check_equal(m.todo_error(m.DuplicateTitle("t")), ({"error": "DuplicateTitle", "message": "t"}, 409), "the error handler")
    patched = m.update_todo(2, hotpath.Request("PATCH", "/todos/2", body='{"done": true}'))
    check_equal((patched.title, patched.done), ("ship", True), "PATCH leaves the title")
    check_equal(m.delete_todo(2), ("deleted ship", 200), "DELETE /todos/2")


@dataclasses.dataclass
class Point:
    x: float
    y: float


@dataclasses.dataclass
class Shape:
    name: str
    points: list[Point]
    tags: dict[str, int]
    closed: bool = False


def check_shim(hotpath):
    req = hotpath.Request("GET", "/p", query={"n": "5"}, headers={"Content-Type": "application/json"})
    check_equal(req.query("n", "0"), "5", "Request.query present")
    check_equal(req.query("m", "0"), "0", "Request.query default")
    check_equal(req.header("content-type", ""), "application/json", "Request.header is case-insensitive")
    check_equal(req.header("X-Missing", "none"), "none", "Request.header default")

    shape = Shape("tri", [Point(0.0, 0.0), Point(1.0, 0.0), Point(0.5, 2.0)], {"layer": 2})
    body = json.dumps(dataclasses.asdict(shape))
    back = hotpath.Request("POST", "/shape", body=body).json(Shape)
    check_equal(back, shape, "Request.json round trip into a nested dataclass")
    check(isinstance(back.points[0], Point), "nested records are dataclass instances")
    point = hotpath.Request(body='{"x": 1, "y": 2}').json(Point)
    check(isinstance(point.x, float) and point.x == 1.0, "JSON int becomes a float field")
    check_equal(hotpath.Request(body='{"a": [1, 2], "b": []}').json(dict[str, list[int]]),
                {"a": [1, 2], "b": []}, "Request.json into dict[str, list[int]]")
    check_equal(hotpath.Request(body='["a", 3]').json(tuple[str, int]), ("a", 3), "Request.json into a tuple")

    def bad(text, type_):
        return hotpath.Request(body=text).json(type_)

    check_raises(ValueError, "$.y: expected float", bad, '{"x": 1, "y": "2"}', Point)
    check_raises(ValueError, "missing field 'y'", bad, '{"x": 1}', Point)
    check_raises(ValueError, "$[1]: expected int", bad, "[1, true]", list[int])
    check_raises(ValueError, "Expecting value", bad, "not json", list[int])

    resp = hotpath.Response("x")
    check_equal((resp.status, resp.content_type, resp.headers), (200, "text/plain", {}), "Response defaults")
    check(hotpath.Response("y").headers is not resp.headers, "Response headers are not shared")


def main():
    if len(sys.argv) != 2:
        print("usage: run_samples_cpython.py REPO_ROOT", file=sys.stderr)
        return 2
    root = Path(sys.argv[1]).resolve()
    samples = root / "samples" / "hello"
    sys.path.insert(0, str(root / "resources" / "python"))
    import hotpath

    hotpath.ENDPOINTS.clear()
    try:
        modules = {path.stem: load(path) for path in sorted(samples.glob("*.py"))}
        check_project(samples, modules, hotpath)
        check_hello(modules["hello"], hotpath)
        check_fib(modules["fib"])
        check_mandelbrot(modules["mandelbrot"])
        check_nbody(modules["nbody"])
        check_text(modules["text"], hotpath)
        check_lists(modules["lists"], hotpath)
        check_todos(modules["todos"], hotpath)
        check_shim(hotpath)
    except CheckFailed as failure:
        print(f"run_samples_cpython: FAILED: {failure}", file=sys.stderr)
        return 1
    print(f"run_samples_cpython: {len(modules)} sample files, {len(hotpath.ENDPOINTS)} endpoints, "
          f"{checks} checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
