# SPDX-License-Identifier: GPL-3.0-or-later
"""Serve Hotpath handler files with Flask, as `hotpath serve` serves them.

The same endpoints, parameters and responses as Hotpath's server, on the stack users
know: for comparing Hotpath with Flask (bench/http/) and for migrating to it.

    python3 -m hotpath.flask_app PROJECT|FILE.py [--host H] [--port P]
    gunicorn -w 2 'hotpath.flask_app:create_app("samples/hello")'

Query parameters bind by annotation (int(), float(), str, bool from true/false/1/0/
yes/no/on/off) with the function's defaults; a `Request` parameter receives the request;
str results are text/plain, `Response` is sent as given, and anything else is JSON as
json.dumps(separators=(",", ":"), ensure_ascii=False) writes it. Failures are JSON with
the statuses Hotpath uses (400, 404, 405, 500).
"""

import dataclasses
import importlib.util
import inspect
import json
import os
import sys
import traceback
import types
import typing

import flask

import hotpath

_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}


def _error(status, error, message, **extra):
    body = {"error": error, "message": message}
    body.update(extra)
    return flask.Response(json.dumps(body, separators=(",", ":"), ensure_ascii=False), status=status,
                          content_type="application/json")


_to_json = hotpath._jsonable


def _answer(result, annotation):
    """A handler's result as Hotpath sends it: a Response as given, a str (by its
    annotation) as text, anything else as JSON."""
    if isinstance(result, hotpath.Response):
        response = flask.Response(result.body, status=result.status, content_type=result.content_type)
        for key, value in result.headers.items():
            response.headers[key] = value
        return response
    if isinstance(result, str) and annotation is str:
        return flask.Response(result, content_type="text/plain; charset=utf-8")
    return flask.Response(json.dumps(_to_json(result), separators=(",", ":"), ensure_ascii=False),
                          content_type="application/json")


def _tuple_answer(annotation):
    """How Hotpath reads a returned tuple of this annotation, as Flask does: "status" for
    (body, int), "status_headers" for (body, int, dict[str, str]), "headers" for (body,
    dict[str, str]); None for any other return type (a tuple[int, str] is JSON)."""
    if typing.get_origin(annotation) is not tuple:
        return None
    args = typing.get_args(annotation)
    if len(args) in (2, 3) and args[1] is int:
        return "status" if len(args) == 2 else "status_headers"
    if len(args) == 2 and args[1] == dict[str, str]:
        return "headers"
    return None


def _answer_result(result, hints):
    """A handler's result as Hotpath answers it: a returned tuple by its annotation (see
    _tuple_answer), else the result alone."""
    annotation = hints.get("return")
    shape = _tuple_answer(annotation)
    if shape is None:
        return _answer(result, annotation)
    response = _answer(result[0], typing.get_args(annotation)[0])
    headers = result[1] if shape == "headers" else result[2] if shape == "status_headers" else {}
    if shape != "headers":
        response.status_code = result[1]
    for key, value in headers.items():
        if key.lower() == "content-type":
            response.content_type = value
        else:
            response.headers[key] = value
    return response


def _error_handler(function, failure_class):
    """The @errorhandler of function's file for failure_class or its nearest base."""
    handlers = {cls: handler for cls, handler in hotpath.ERROR_HANDLERS if handler.__module__ == function.__module__}
    for cls in failure_class.__mro__:
        if cls in handlers:
            return handlers[cls]
    return None


def _unwrap_optional(annotation):
    """T for Optional[T] (and T | None), else the annotation itself."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return next(a for a in typing.get_args(annotation) if a is not type(None))
    return annotation


def _convert(text, annotation):
    annotation = _unwrap_optional(annotation)
    if annotation is bool:
        lowered = text.lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        raise ValueError(text)
    if annotation in (int, float):
        return annotation(text)
    return text


def _type_name(annotation):
    annotation = _unwrap_optional(annotation)
    return getattr(annotation, "__name__", str(annotation))


def _view(function, path):
    signature = inspect.signature(function)
    hints = typing.get_type_hints(function)
    path_names = {part.split(":")[-1].strip("<>") for part in path.split("/") if part.startswith("<")}
    source = os.path.basename(inspect.getsourcefile(function) or "")

    def view(**captured):
        kwargs = {}
        for name, parameter in signature.parameters.items():
            annotation = hints.get(name)
            if annotation is hotpath.Request:
                kwargs[name] = hotpath.Request(flask.request.method, flask.request.path,
                                               flask.request.get_data(as_text=True),
                                               {k: v for k, v in flask.request.args.items()},
                                               dict(flask.request.headers))
            elif name in path_names:
                kwargs[name] = captured[name]
            elif name in flask.request.args:
                text = flask.request.args[name]
                try:
                    kwargs[name] = _convert(text, annotation)
                except ValueError:
                    return _error(400, "BadRequest", f"query parameter '{name}': expected {_type_name(annotation)}, got '{text}'")
            elif parameter.default is inspect.Parameter.empty:
                return _error(400, "BadRequest", f"missing query parameter '{name}' ({_type_name(annotation)})")
        try:
            result = function(**kwargs)
        except hotpath.HTTPException as failure:  # abort(status, description)
            return _error(failure.status, hotpath._REASONS[failure.status], failure.description)
        except Exception as failure:  # every handler error is the request's 500
            handler = _error_handler(function, type(failure))
            if handler is not None:
                try:
                    return _answer_result(handler(failure), typing.get_type_hints(handler))
                except Exception as again:
                    failure = again
            frame = traceback.extract_tb(failure.__traceback__)[-1]
            status = 400 if isinstance(failure, ValueError) and frame.name in ("json", "_convert") else 500
            line = next((f.lineno for f in reversed(traceback.extract_tb(failure.__traceback__))
                         if os.path.basename(f.filename) == source), 0)
            return _error(status, type(failure).__name__, str(failure), file=source, line=line)
        return _answer_result(result, hints)

    view.__name__ = f"{function.__module__}.{function.__name__}"
    return view


def _files(target):
    if os.path.isdir(target):
        with open(os.path.join(target, "hotpath.json")) as manifest:
            names = json.load(manifest)["files"]
        return [os.path.join(target, name) for name in names]
    return [target]


def create_app(target):
    """A Flask app serving every endpoint of a project folder or handler file."""
    app = flask.Flask("hotpath")
    app.json.sort_keys = False
    hotpath.ENDPOINTS.clear()
    hotpath.ERROR_HANDLERS.clear()
    for path in _files(target):
        name = "hotpath_handlers_" + os.path.splitext(os.path.basename(path))[0]
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    for methods, path, function in hotpath.ENDPOINTS:
        app.add_url_rule(path, endpoint=f"{function.__module__}.{function.__name__}",
                         view_func=_view(function, path), methods=methods)

    @app.errorhandler(404)
    def not_found(_):
        return _error(404, "NotFound", f"no endpoint for {flask.request.method} {flask.request.path}")

    @app.errorhandler(405)
    def not_allowed(failure):
        # As Hotpath lists them: the route's methods, with HEAD after GET (which answers it).
        methods = [m for m in (failure.valid_methods or []) if m not in ("HEAD", "OPTIONS")]
        if "GET" in methods:
            methods.insert(methods.index("GET") + 1, "HEAD")
        allowed = ", ".join(methods)
        response = _error(405, "MethodNotAllowed", f"{flask.request.method} is not allowed for {flask.request.path} (allowed: {allowed})")
        response.headers["Allow"] = allowed
        return response

    return app


def main(argv):
    import argparse
    parser = argparse.ArgumentParser(prog="python3 -m hotpath.flask_app", description=__doc__.splitlines()[0])
    parser.add_argument("target", help="project folder (with hotpath.json) or handler file")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args(argv)
    create_app(args.target).run(host=args.host, port=args.port)


if __name__ == "__main__":
    main(sys.argv[1:])
