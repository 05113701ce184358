# SPDX-License-Identifier: GPL-3.0-or-later
"""CPython stand-in for Hotpath's ``hotpath`` module.

Hotpath handler files are valid Python 3.11: they import ``route``, ``get``,
``post``, ``Request`` and ``Response`` from ``hotpath``.  Inside Hotpath those
names are provided by the runtime.  This module provides them for CPython, so
that the same files can be imported, called and tested with ``python3``:

* the decorators record each endpoint in ``ENDPOINTS`` as a tuple
  ``(methods, path, function)`` and return the function unchanged, so a
  decorated handler is still an ordinary function;
* ``Request`` and ``Response`` are plain classes with the attributes and
  methods the handler language allows.

It is deliberately small and does not serve HTTP.  Put the directory that
contains this package (``resources/python``) on ``sys.path`` to use it.
"""

import dataclasses
import json as _json
import types
import typing

__all__ = ["ENDPOINTS", "ERROR_HANDLERS", "route", "get", "post", "errorhandler", "Request", "Response", "abort",
           "jsonify", "HTTPException"]

# Every endpoint declared so far, in declaration order: (methods, path, function).
ENDPOINTS = []
# Every @errorhandler so far: (exception class, function). Hotpath applies one to the
# endpoints of its own file.
ERROR_HANDLERS = []


def errorhandler(exception_class):
    """Answer the exceptions of ``exception_class`` (and its subclasses) that an endpoint
    of the same file does not catch, as Flask's ``app.errorhandler`` does."""

    def register(function):
        ERROR_HANDLERS.append((exception_class, function))
        return function

    return register


def route(path, methods=None):
    """Declare ``function`` as the handler of ``path`` for ``methods`` (default ``["GET"]``)."""
    methods = ["GET"] if methods is None else [m.upper() for m in methods]

    def register(function):
        ENDPOINTS.append((methods, path, function))
        return function

    return register


def get(path):
    """Shorthand for ``route(path, methods=["GET"])``."""
    return route(path, methods=["GET"])


def post(path):
    """Shorthand for ``route(path, methods=["POST"])``."""
    return route(path, methods=["POST"])


class Request:
    """An HTTP request as a handler sees it.

    ``query`` maps parameter names to their (first) value; ``headers`` maps
    header names to values, looked up case-insensitively.
    """

    def __init__(self, method="GET", path="/", body="", query=None, headers=None):
        self.method = method
        self.path = path
        self.body = body
        self._query = dict(query or {})
        self._headers = {name.lower(): value for name, value in (headers or {}).items()}

    def query(self, name, default):
        """The query parameter ``name``, or ``default`` when it is absent."""
        return self._query.get(name, default)

    def header(self, name, default):
        """The header ``name`` (any letter case), or ``default`` when it is absent."""
        return self._headers.get(name.lower(), default)

    def json(self, type_):
        """Parse the body as JSON and convert it to ``type_``.

        ``type_`` is int, float, bool, str, a dataclass, ``list[T]``,
        ``dict[str, T]`` or ``tuple[A, B, ...]``.  A value that does not fit
        raises ValueError naming where it is (``$.items[2].price``).  Object
        keys that are not fields of the dataclass are ignored; a missing field
        without a default is an error.  A body that is not JSON raises ValueError
        with json's message, as Hotpath does (also for nesting deeper than 200).
        """
        too_deep = _too_deep(self.body)
        if too_deep is not None:
            raise ValueError(str(_json.JSONDecodeError("Nesting too deep", self.body, too_deep)))
        try:
            value = _json.loads(self.body)
        except _json.JSONDecodeError as failure:
            raise ValueError(str(failure)) from None
        return _convert(value, type_, "$")

    def __repr__(self):
        return f"Request({self.method!r}, {self.path!r})"


class Response:
    """A full HTTP response: body text, status code, content type and extra headers."""

    def __init__(self, body, status=200, content_type="text/plain", headers=None):
        self.body = body
        self.status = status
        self.content_type = content_type
        self.headers = dict(headers) if headers is not None else {}

    def __repr__(self):
        return f"Response({self.body!r}, status={self.status}, content_type={self.content_type!r})"


# The statuses Werkzeug's abort() has an exception for, with their reason phrases.
_REASONS = {
    400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
    406: "Not Acceptable", 408: "Request Timeout", 409: "Conflict", 410: "Gone", 411: "Length Required",
    412: "Precondition Failed", 413: "Request Entity Too Large", 414: "Request URI Too Long",
    415: "Unsupported Media Type", 416: "Requested Range Not Satisfiable", 417: "Expectation Failed",
    418: "I'm a teapot", 421: "Misdirected Request", 422: "Unprocessable Entity", 423: "Locked",
    424: "Failed Dependency", 428: "Precondition Required", 429: "Too Many Requests",
    431: "Request Header Fields Too Large", 451: "Unavailable For Legal Reasons", 500: "Internal Server Error",
    501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
    505: "HTTP Version Not Supported",
}


class HTTPException(Exception):
    """What ``abort`` raises: the request ends with ``status`` and a JSON body
    ``{"error": reason phrase, "message": description}``."""

    def __init__(self, status, description):
        super().__init__(description)
        self.status = status
        self.description = description


def abort(status, description=None):
    """End the request with ``status`` (400-599), as Flask's ``abort`` does."""
    if status not in _REASONS:
        raise LookupError(f"no exception for {status}")
    raise HTTPException(status, _REASONS[status] if description is None else description)


def _jsonable(value):
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


def jsonify(value):
    """A Response whose body is ``value`` as JSON, as Flask's ``jsonify``."""
    return Response(_json.dumps(_jsonable(value), separators=(",", ":"), ensure_ascii=False), 200, "application/json")


_MAX_NESTING = 200  # Hotpath's JSON reader nests at most this deep


def _too_deep(text):
    """Where a value nested deeper than _MAX_NESTING starts in ``text``, or None."""
    depth = 0
    in_string = escaped = False
    for at, char in enumerate(text):
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            continue
        if char in " \t\r\n,:":
            continue
        if char in "]}":
            depth -= 1
            continue
        if depth > _MAX_NESTING:
            return at
        if char in "[{":
            depth += 1
        elif char == '"':
            in_string = True
    return None


def _convert(value, type_, where):
    """Convert decoded JSON ``value`` to ``type_``; ``where`` locates it in messages."""

    def mismatch(expected):
        return ValueError(f"{where}: expected {expected}, got {type(value).__name__} {value!r}")

    origin, args = typing.get_origin(type_), typing.get_args(type_)
    if origin is typing.Union or (hasattr(types, "UnionType") and origin is types.UnionType):
        # T | None, Optional[T]: null is None, anything else a T.
        if value is None:
            return None
        return _convert(value, next(a for a in args if a is not type(None)), where)
    if type_ is bool:
        if not isinstance(value, bool):
            raise mismatch("bool")
        return value
    if type_ is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise mismatch("int")
        return value
    if type_ is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise mismatch("float")
        return float(value)
    if type_ is str:
        if not isinstance(value, str):
            raise mismatch("str")
        return value
    if origin is list:
        if not isinstance(value, list):
            raise mismatch("list")
        return [_convert(item, args[0], f"{where}[{i}]") for i, item in enumerate(value)]
    if origin is dict:
        if not isinstance(value, dict):
            raise mismatch("object")
        return {key: _convert(item, args[1], f"{where}.{key}") for key, item in value.items()}
    if origin is tuple:
        if not isinstance(value, list) or len(value) != len(args):
            raise mismatch(f"array of {len(args)}")
        return tuple(_convert(item, t, f"{where}[{i}]") for i, (item, t) in enumerate(zip(value, args)))
    if dataclasses.is_dataclass(type_):
        if not isinstance(value, dict):
            raise mismatch(f"{type_.__name__} object")
        hints = typing.get_type_hints(type_)
        fields = {}
        for field in dataclasses.fields(type_):
            if field.name in value:
                fields[field.name] = _convert(value[field.name], hints[field.name], f"{where}.{field.name}")
            elif field.default is not dataclasses.MISSING or field.default_factory is not dataclasses.MISSING:
                pass  # the dataclass fills its default
            elif type(None) in typing.get_args(hints[field.name]):
                fields[field.name] = None  # a partial update leaves an Optional field out
            else:
                raise ValueError(f"{where}: missing field {field.name!r} for {type_.__name__}")
        return type_(**fields)
    raise TypeError(f"Request.json: unsupported type {type_!r}")
