#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Differential testing of Hotpath's tiers with random well-typed programs.

Each seed gives one program of the handler subset: nested loops, int arithmetic near the
64-bit boundaries, floor division and modulo with negative operands, string slicing with
negative steps, list and dict mutation, a dataclass (construction, fields read and
written, a list field mutated, repr), module state (module-level ints, strs, lists, dicts
and dataclass objects, some built by comprehensions, that functions rebind with `global`
or change in place), recursion
and helper calls, f-strings, list and dict comprehensions and generator expressions
(sum, any, all, str.join), key lambdas of sorted, min and max, dicts keyed by int and by
(int, int) tuples, tuple(...) of any length, set[int] values (whose
printed order CPython checks), int | None locals narrowed by `is not None`, `or` and
conditional expressions, dataclasses with methods, and exceptions.

About two programs in three also define one or two dataclasses with methods: fields of
scalar, list, dict, set and earlier record types, with plain defaults, field(default=...)
and field(default_factory=list / dict / set / an earlier class); instance methods whose
bodies are written like helpers (so they read, assign and change self's fields as
variables: self.count += 1, self.items.append(x)), call the class's other methods (only of
a lower level, so calls never recur), the helpers written before the class and earlier
classes' methods, may raise (their own checks raise the program's classes or ValueError)
and return values or new objects (annotated with the quoted class name); @staticmethod
members called on the class and on objects, @classmethod members constructing with
cls(...), @property getters; __post_init__ validating a field (ValueError) or normalising
it; and replace(obj, f=v), whose copy shares the original's lists (both are printed after
the copy's list changes). Methods are called in expressions, statements, loops over lists
of objects, comprehensions and generator expressions, key lambdas of sorted and try bodies,
on objects held in variables, parameters, fields, lists and module state, with positional
and keyword arguments; objects are compared with == and printed. Keyword arguments come
in any order, with side effects (KEYWORDS_IN_ANY_ORDER).

Exceptions: most programs define 1-3 exception classes of
their own (deriving from built-in classes or from each other), and try/except/else/finally
statements, sometimes nested, in loops and in helpers, wrap statements that may raise
(division and modulo by values that may be 0, list indexing, dict lookups, int() of text,
arithmetic at the 64-bit edges, asserts, helpers that raise, and raise of the program's
and built-in classes under random conditions). Handlers catch one class, a tuple of two,
or everything (bare `except:`), print what they caught (str, repr, f-strings,
type(e).__name__) and may re-raise it (bare `raise`, `raise e`), raise another exception
`from e` or `from None`, or break, continue or return; try bodies break, continue and
return through finally blocks, which print or change a variable (and a few break,
continue or return themselves). The program
runs under `hotpath run --tier interp` and `--tier jit` (odd seeds at -O0, even at -O2);
stdout, exit status and the error line must be identical; every third program also runs
at the other JIT level, -O0 against -O2 directly. Every --cpython-every'th program
also runs under CPython (with the repo's shim), unless Hotpath stopped it with an
OverflowError, which CPython's unbounded ints never raise, or caught one (a handler that
may catch an OverflowError prints the class name; no finally block that one may pass
through can replace it with another exception or drop it), or stopped it at a limit
CPython does not have: a MemoryError from the per-call memory cap, a TimeoutError from
the deadline.

A difference is reduced to a minimal reproducer (statements are deleted while the
program still checks and the tiers still disagree) and written to --out.

Usage: differential.py HOTPATH [--seeds A:B] [--cpython-every K] [--out DIR] [--keep]
Exit status: 0 no differences, 1 differences (reproducers written), 2 bad usage."""

import os
import random
import re
import subprocess
import sys
import tempfile

CPYTHON = "/usr/bin/python3"
SHIM = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "resources", "python"))

INT_EDGES = ["9223372036854775807", "(-9223372036854775807 - 1)", "4611686018427387904", "-4611686018427387904",
             "3037000499", "-3037000500", "2147483647", "-1", "0", "1"]
IDICT, TDICT = "dict[int, int]", "dict[tuple[int, int], int]"
ALPHABET = ["a", "b", "c", "Z", " ", "-", "é", "ü", "日", "7"]

# Exceptions. A handler that may catch an OverflowError (which CPython's unbounded ints never
# raise) names it and prints its type first, so the CPython comparison can tell (see main).
PARENT = {"ZeroDivisionError": "ArithmeticError", "OverflowError": "ArithmeticError", "IndexError": "LookupError",
          "KeyError": "LookupError", "RecursionError": "RuntimeError", "NotImplementedError": "RuntimeError",
          "BaseException": None}
CATCHES_OVERFLOW = {"OverflowError", "ArithmeticError", "Exception", "BaseException"}
CATCH_POOL = ["ZeroDivisionError", "IndexError", "KeyError", "ValueError", "LookupError", "ArithmeticError", "Exception",
              "AssertionError", "RuntimeError", "OverflowError", "TypeError", "BaseException"]
RAISE_POOL = ["ValueError", "KeyError", "IndexError", "RuntimeError", "TypeError", "ZeroDivisionError", "AssertionError",
              "NotImplementedError", "LookupError", "ArithmeticError", "Exception", "NameError", "TimeoutError",
              "RecursionError"]
USER_BASES = ["Exception", "Exception", "ValueError", "LookupError", "KeyError", "ArithmeticError", "RuntimeError", "IndexError"]
INT_TEXTS = ["'12'", "'-7'", "' 42 '", "'x'", "''", "'3.5'", "'0x1f'", "'1_000'", "'+0'", "'9' * 3"]

# Dataclasses with methods (see Generator.method_class).
CLASS_NAMES = ["Box", "Acc", "Item", "Point", "Order", "Node"]
FIELD_NAMES = {"int": ["count", "score", "n", "level"], "str": ["name", "label", "tag"], "float": ["weight", "ratio"],
               "bool": ["active", "flag"], "list[int]": ["items", "history"], "dict[str, int]": ["counts", "seen"],
               "set[int]": ["ids", "marks"]}
FACTORY = {"list[int]": "list", "dict[str, int]": "dict", "set[int]": "set"}
METHOD_NAMES = {"method": ["bump", "total", "update", "merge", "check", "scale", "describe"],
                "property": ["size", "key", "text", "ok"], "static": ["unit", "parse", "combine"],
                "class": ["make", "build", "create"]}
MEMBER_TYPES = {"int", "str", "bool", "float", "list[int]"}
# Keyword arguments in any order, with side effects: Hotpath runs them as written, as CPython.
KEYWORDS_IN_ANY_ORDER = True
# Static methods are also called on expressions (`make().f()` evaluates make() first).
STATIC_CALL_OBJECTS_EVALUATED = True
PLAIN = re.compile(r"^-?[\w.]+$|^'[^'\\]*'$")


class Generator:
    """Writes one random program; every expression is well typed by construction."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.lines = []
        self.counter = 0
        self.helpers = []  # (name, parameter types)
        self.globals = {}  # module state: name -> type
        self.exceptions = {}  # the program's exception classes: name -> base
        self.helper_raises = {}  # helper name -> classes it may raise
        self.result = "None"  # the return type of the function being written
        self.raisable = [set()]  # per open try body (and function): classes its statements may raise
        self.regions = []  # enclosing parts of try statements: "try", "handler", "else", "finally"
        self.caught_names = []  # names bound by the enclosing `except ... as` blocks
        self.guarded = 0  # enclosing try bodies that have handlers
        self.classes = {}  # dataclasses with methods: name -> fields, methods, what construction may raise
        self.ctx = None  # the method being written: its class, kind and level (see method_class)
        self.loop_limit = 2  # how deep loops nest in the function being written
        self.max_depth = 3  # how deep expressions nest (less in methods: compile time grows with size)

    # ---- helpers
    def chance(self, p):
        return self.rng.random() < p

    def pick(self, items):
        return self.rng.choice(items)

    def fresh(self, prefix):
        self.counter += 1
        return "%s%d" % (prefix, self.counter)

    def emit(self, indent, text):
        self.lines.append("    " * indent + text if text else "")

    def names(self, scope, type_):
        return [n for n, t in scope.items() if t == type_]

    # ---- expressions
    def expr(self, type_, scope, depth=0):
        leaf = depth >= self.max_depth or self.chance(0.3)
        existing = self.names(scope, type_)
        if existing and (leaf or self.chance(0.3)):
            return self.pick(existing)
        if type_ in self.classes:
            return self.expr_obj(type_, scope, depth + 1, leaf)
        if type_.startswith("list[") and type_[5:-1] in self.classes:
            return self.expr_objlist(type_[5:-1], scope, depth + 1, leaf)
        if not leaf and self.classes and type_ in MEMBER_TYPES and self.chance(0.12):
            member = self.member_expr(type_, scope, depth + 1)
            if member:
                return member
        kind = {IDICT: "idict", TDICT: "tdict"}.get(type_, type_.split("[")[0])
        return getattr(self, "expr_" + kind)(scope, depth + 1, leaf)

    def comprehension_clause(self, scope, depth):
        # `for v in xs [if cond]`, and the scope the element sees (v is the clause's own).
        var = self.fresh("c")
        inner = dict(scope)
        element_type = "int"
        if self.chance(0.3):
            source = self.expr("str", scope, depth)
            element_type = "str"
        else:
            source = self.expr("list[int]", scope, depth)
        inner[var] = element_type
        clause = " for %s in %s" % (var, source)
        if self.chance(0.5):
            clause += " if %s" % self.expr("bool", inner, depth + 1)
        return clause, inner

    def expr_int(self, scope, depth, leaf):
        if leaf:
            return self.pick(INT_EDGES) if self.chance(0.15) else str(self.rng.randint(-20, 40))
        if self.chance(0.04):
            var = self.fresh("k")
            inner = dict(scope)
            inner[var] = "int"
            return "%s(%s, key=lambda %s: %s, default=%s)" % (self.pick(["min", "max"]), self.expr("list[int]", scope, depth),
                                                              var, self.expr("int", inner, depth), self.expr("int", scope, depth))
        if self.chance(0.08):
            clause, inner = self.comprehension_clause(scope, depth)
            if self.chance(0.5):
                return "sum(%s%s)" % (self.expr("int", inner, depth), clause)
            return "len([%s%s])" % (self.expr("str", inner, depth), clause)
        kind = self.rng.randint(0, 11)
        a = lambda: self.expr("int", scope, depth)
        if kind <= 2:
            return "(%s %s %s)" % (a(), self.pick(["+", "-", "*"]), a())
        if kind == 3:
            # Floor division and modulo with operands of either sign; mostly guarded.
            divisor = a()
            if self.chance(0.85):
                divisor = "(%s or %d)" % (divisor, self.pick([-7, -3, -1, 2, 5]))
            else:
                self.may_raise("ZeroDivisionError")
            return "(%s %s %s)" % (a(), self.pick(["//", "%"]), divisor)
        if kind == 4:
            return "len(%s)" % self.expr(self.pick(["str", "list[int]", "dict[str, int]", "set[int]"]), scope, depth)
        if kind == 5:
            return "(%s if %s else %s)" % (a(), self.expr("bool", scope, depth), a())
        if kind == 6:
            xs = self.expr("list[int]", scope, depth)
            if self.chance(0.8):
                return "(%s[%s %% len(%s)] if %s else -5)" % (xs, a(), xs, xs)
            self.may_raise("IndexError")
            return "%s[%s]" % (xs, a())
        if kind == 7 and self.chance(0.15):
            # tuple[int, ...]: built from a list or a generator, read like a list.
            xs = self.expr("list[int]", scope, depth)
            t = self.pick(["tuple(%s)" % xs, "tuple(sorted(%s))" % xs, "tuple(c * 2 for c in %s)" % xs])
            return self.pick(["len(%s)" % t, "sum(%s)" % t, "(%s[0] if %s else -1)" % (t, xs), "{%s: 1}.get(tuple(%s), 0)" % (t, xs)])
        if kind == 7 and self.chance(0.4):
            d = self.pick([IDICT, TDICT])
            if self.chance(0.3):
                return "len(%s)" % self.expr(d, scope, depth)
            if d == IDICT and self.chance(0.3):
                return "%s(%s, default=%s)" % (self.pick(["max", "min"]), self.expr(d, scope, depth), a())
            return "%s.get(%s, %s)" % (self.expr(d, scope, depth), self.key_of(d, scope, depth), a())
        if kind == 7:
            if self.chance(0.3):
                # d.get(k) is an int | None; `or` gives an int back.
                return "(%s.get(%s) or %s)" % (self.expr("dict[str, int]", scope, depth), self.expr("str", scope, depth), a())
            return "%s.get(%s, %s)" % (self.expr("dict[str, int]", scope, depth), self.expr("str", scope, depth), a())
        if kind == 8:
            return "(%s %s %d)" % (a(), self.pick(["<<", ">>"]), self.rng.randint(0, 70 if self.chance(0.1) else 8))
        if kind == 9:
            return "(%s %s %s)" % (a(), self.pick(["&", "|", "^"]), a())
        if kind == 10:
            return "%s(%s)" % (self.pick(["abs", "-"]), a())
        if self.names(scope, "Rec") and self.chance(0.3):
            return "%s.a" % self.pick(self.names(scope, "Rec"))
        if self.helpers and self.chance(0.7):
            return self.helper_call(scope, depth)
        return "int(%s)" % self.expr("float", scope, depth) if self.chance(0.5) else "ord(%s)" % self.str_char(scope, depth)

    def helper_call(self, scope, depth):
        name, params = self.pick(self.helpers)
        args = [self.expr(t, scope, depth + 1) for t in params]
        if name.startswith("rec"):
            args[0] = "(%s) %% %d" % (args[0], self.pick([5, 30, 200]))  # deep enough to matter, not a RecursionError
        for cls in sorted(self.helper_raises.get(name, ())):
            self.may_raise(cls)
        return "%s(%s)" % (name, ", ".join(args))

    def str_char(self, scope, depth):
        s = self.expr("str", scope, depth)
        return "(%s + 'x')[0]" % s

    def expr_float(self, scope, depth, leaf):
        if leaf:
            return self.pick(["0.5", "-2.25", "1e16", "3.0", "-0.0", "0.1", "7.75", "1e-7", "123456.789"])
        kind = self.rng.randint(0, 5)
        f = lambda: self.expr("float", scope, depth)
        if kind <= 1:
            return "(%s %s %s)" % (f(), self.pick(["+", "-", "*"]), f())
        if kind == 2:
            return "(%s / (%s or 1.5))" % (f(), f())
        if kind == 3:
            return "float(%s)" % self.expr("int", scope, depth)
        if kind == 4:
            return "(%s / (%s or 3))" % (self.expr("int", scope, depth), self.expr("int", scope, depth))
        return "(%s %s (%s or 2.5))" % (f(), self.pick(["//", "%"]), f())

    def expr_bool(self, scope, depth, leaf):
        if leaf:
            return self.pick(["True", "False"])
        if self.chance(0.06):
            clause, inner = self.comprehension_clause(scope, depth)
            return "%s(%s%s)" % (self.pick(["any", "all"]), self.expr("bool", inner, depth), clause)
        kind = self.rng.randint(0, 5)
        if kind <= 1:
            t = self.pick(["int", "int", "float", "str"])
            return "(%s %s %s)" % (self.expr(t, scope, depth), self.pick(["<", "<=", "==", "!=", ">", ">="]), self.expr(t, scope, depth))
        if kind == 2:
            return "(%s < %s)" % (self.expr("int", scope, depth), self.expr("float", scope, depth))
        if kind == 3:
            return "(not %s)" % self.expr("bool", scope, depth)
        if kind == 4:
            if self.chance(0.2):
                d = self.pick([IDICT, TDICT])
                return "(%s in %s)" % (self.key_of(d, scope, depth), self.expr(d, scope, depth))
            if self.chance(0.3):
                return "(%s in %s)" % (self.expr("int", scope, depth), self.expr("set[int]", scope, depth))
            return "(%s in %s)" % (self.expr("str", scope, depth), self.expr(self.pick(["str", "dict[str, int]"]), scope, depth))
        return "(%s %s %s)" % (self.expr("bool", scope, depth), self.pick(["and", "or"]), self.expr("bool", scope, depth))

    def expr_str(self, scope, depth, leaf):
        if leaf:
            return repr("".join(self.pick(ALPHABET) for _ in range(self.rng.randint(0, 6))))
        kind = self.rng.randint(0, 7)
        s = lambda: self.expr("str", scope, depth)
        if kind <= 1:
            return "(%s + %s)" % (s(), s())
        if kind == 2:
            parts = [self.pick([None, "-5", "-1", "0", "2", "7"]) for _ in range(2)]
            step = self.pick(["", ":-1", ":-2", ":2", ":-3", ":3"])
            return "%s[%s:%s%s]" % (s(), parts[0] or "", parts[1] or "", step)
        if kind == 3:
            if self.chance(0.2):
                clause, inner = self.comprehension_clause(scope, depth)
                return "%r.join(%s%s)" % (self.pick(["", "-", ", "]), self.expr("str", inner, depth), clause)
            return "str(%s)" % self.expr(self.pick(["int", "float", "bool", "list[int]"]), scope, depth)
        if kind == 4:
            # Fields are names or literals: a nested f-string may not reuse the quotes.
            return "f\"{%s}|{%s:.3f}|{%s!r}\"" % (self.expr("int", scope, 3), self.expr("float", scope, 3), self.expr("str", scope, 3))
        if kind == 5:
            if self.names(scope, "Rec") and self.chance(0.3):
                return "%s.s" % self.pick(self.names(scope, "Rec"))
            return "%s.%s()" % (s(), self.pick(["upper", "lower", "strip"]))
        if kind == 6:
            return "(%s * %d)" % (s(), self.rng.randint(-1, 3))
        return "%s.replace(%s, %s)" % (s(), repr(self.pick(ALPHABET)), repr(self.pick(ALPHABET)))

    def expr_list(self, scope, depth, leaf):
        if leaf:
            return "[%s]" % ", ".join(str(self.rng.randint(-9, 9)) for _ in range(self.rng.randint(1, 5)))
        if self.chance(0.15):
            # A list comprehension, sometimes with a second clause.
            clause, inner = self.comprehension_clause(scope, depth)
            if self.chance(0.25):
                more, inner = self.comprehension_clause(inner, depth + 1)
                clause += more
            return "[%s%s]" % (self.expr("int", inner, depth), clause)
        kind = self.rng.randint(0, 4)
        xs = lambda: self.expr("list[int]", scope, depth)
        if kind == 0:
            return "(%s + %s)" % (xs(), xs())
        if kind == 1:
            return "%s[%s:%s%s]" % (xs(), self.pick(["", "1", "-2"]), self.pick(["", "3", "-1"]), self.pick(["", ":-1", ":2", ":-2"]))
        if kind == 2:
            if self.chance(0.4):
                # A key lambda reading the enclosing function's variables.
                var = self.fresh("k")
                inner = dict(scope)
                inner[var] = "int"
                return "sorted(%s, key=lambda %s: %s%s)" % (xs(), var, self.expr("int", inner, depth),
                                                            self.pick(["", ", reverse=True"]))
            return "sorted(%s)" % xs()
        if kind == 3:
            return "(%s * %d)" % (xs(), self.rng.randint(-1, 3))
        return "[%s, %s]" % (self.expr("int", scope, depth), self.expr("int", scope, depth))

    def expr_Rec(self, scope, depth, leaf):
        # The program's dataclass: a constructor call, or a record from a list of them.
        if not leaf and self.chance(0.3):
            return "[%s, %s][%s %% 2]" % (self.expr("Rec", scope, depth), self.expr("Rec", scope, depth), self.expr("int", scope, depth))
        return "Rec(%s, %s, %s)" % (self.expr("int", scope, depth), self.expr("str", scope, depth), self.expr("list[int]", scope, 3))

    def expr_set(self, scope, depth, leaf):
        # A set[int]: printed in CPython's order, so the CPython comparison covers it.
        if leaf:
            return "{%s}" % ", ".join(str(self.rng.randint(-9, 40)) for _ in range(self.rng.randint(1, 6)))
        kind = self.rng.randint(0, 3)
        if kind == 0:
            return "set(%s)" % self.expr("list[int]", scope, depth)
        if kind == 1:
            clause, inner = self.comprehension_clause(scope, depth)
            return "{%s%s}" % (self.expr("int", inner, depth), clause)
        return "(%s %s %s)" % (self.expr("set[int]", scope, depth), self.pick(["|", "&", "-", "^"]), self.expr("set[int]", scope, depth))

    def expr_idict(self, scope, depth, leaf):
        # A dict[int, int]: keys of either sign, repeated keys (the last wins).
        if not leaf and self.chance(0.2):
            clause, inner = self.comprehension_clause(scope, depth)
            return "{%s: %s%s}" % (self.expr("int", inner, depth), self.expr("int", inner, depth), clause)
        if not leaf and self.chance(0.1):
            return "dict(zip(%s, %s))" % (self.expr("list[int]", scope, depth), self.expr("list[int]", scope, depth))
        keys = [self.pick(INT_EDGES) if self.chance(0.1) else str(self.rng.randint(-5, 5)) for _ in range(self.rng.randint(1, 3))]
        return "{%s}" % ", ".join("%s: %s" % (k, self.expr("int", scope, depth)) for k in keys)

    def expr_tdict(self, scope, depth, leaf):
        # A dict[tuple[int, int], int]: grid cells as Python code keys them.
        if not leaf and self.chance(0.2):
            clause, inner = self.comprehension_clause(scope, depth)
            element = self.expr("int", inner, depth)
            return "{(%s, %s %% 3): %s%s}" % (element, element, self.expr("int", inner, depth), clause)
        cells = [(self.rng.randint(-2, 2), self.rng.randint(-2, 2)) for _ in range(self.rng.randint(1, 3))]
        return "{%s}" % ", ".join("(%d, %d): %s" % (x, y, self.expr("int", scope, depth)) for x, y in cells)

    def key_of(self, dict_type, scope, depth):
        if dict_type == TDICT:
            return "(%s, %d)" % (self.expr("int", scope, depth), self.rng.randint(-2, 2))
        return self.expr("int", scope, depth) if dict_type == IDICT else self.expr("str", scope, depth)

    def expr_opt(self, scope, depth, leaf):
        # An int | None.
        if leaf or self.chance(0.3):
            return self.pick(["None", str(self.rng.randint(-9, 9))])
        return "(%s if %s else None)" % (self.expr("int", scope, depth), self.expr("bool", scope, depth))

    def expr_dict(self, scope, depth, leaf):
        if not leaf and self.chance(0.15):
            clause, inner = self.comprehension_clause(scope, depth)
            return "{%s: %s%s}" % (self.expr("str", inner, depth), self.expr("int", inner, depth), clause)
        return "{%s}" % ", ".join("%r: %s" % (self.pick(ALPHABET), self.expr("int", scope, depth)) for _ in range(self.rng.randint(1, 3)))

    # ---- dataclasses with methods
    def bind(self, scope, name, type_, depth=0):
        """Adds a variable and, for an object of a class with methods, the paths of its fields
        (o.count, o.part.items), which statements read, assign and change like variables."""
        scope[name] = type_
        if type_ in self.classes and depth < 2:
            for field_name, field_type, _ in self.classes[type_]["fields"]:
                self.bind(scope, "%s.%s" % (name, field_name), field_type, depth + 1)

    def annotation(self, type_):
        # In its own class's signatures the class's name is quoted.
        return '"%s"' % type_ if self.ctx and type_ == self.ctx["cls"] else type_

    def literal(self, type_):
        """A constant of the type (an object: its required fields), valid for every __post_init__."""
        if type_ in self.classes:
            return "%s(%s)" % (type_, ", ".join(self.literal(t) for _, t, d in self.classes[type_]["fields"] if d is None))
        if type_ == "int":
            return str(self.rng.randint(-9, 9))
        if type_ == "str":
            return repr(self.pick(ALPHABET))
        if type_ == "float":
            return self.pick(["0.5", "2.25", "-1.0"])
        if type_ == "bool":
            return self.pick(["True", "False"])
        if type_ == "list[int]":
            return "[%d, %d]" % (self.rng.randint(-9, 9), self.rng.randint(-9, 9))
        if type_ == "dict[str, int]":
            return "{%r: %d}" % (self.pick(ALPHABET), self.rng.randint(-9, 9))
        if type_ == "set[int]":
            return "{%d}" % self.rng.randint(-9, 9)
        return "Rec(%d, %r, [])" % (self.rng.randint(-9, 9), self.pick(ALPHABET))

    def field_default(self, type_):
        if type_ in FACTORY:
            return "field(default_factory=%s)" % FACTORY[type_] if self.chance(0.75) else None
        if type_ in self.classes:
            return "field(default_factory=%s)" % type_ if self.classes[type_]["all_default"] and self.chance(0.6) else None
        if type_ == "Rec" or not self.chance(0.35):
            return None
        value = self.literal(type_)
        return "field(default=%s)" % value if self.chance(0.3) else value

    def method_class(self):
        """A dataclass: fields of scalar, collection and earlier record types (defaults,
        field(default=...), field(default_factory=...)), sometimes __post_init__, and 2-3
        methods: instance methods, properties, static methods and class methods. Methods
        are smaller than helpers (shallower expressions, one loop level, few locals): the
        JIT compiles every function, and its compile time sets the test's.

        A method calls methods of earlier classes and, of its own class, only methods of a
        lower level (0 or 1; properties are 0), so calls never recur; it calls the helpers
        written before the class, which call no methods."""
        name = self.fresh(self.pick(CLASS_NAMES))
        pool = ["int", "int", "str", "str", "float", "bool", "list[int]", "list[int]", "dict[str, int]", "set[int]"]
        types = ["int"] + [self.pick(pool) for _ in range(self.rng.randint(1, 4))]
        if self.chance(0.3):
            types.append(self.pick(["Rec"] + sorted(self.classes)))
        if self.chance(0.5):
            types.insert(1, "list[int]")
        fields, used = [], set()
        for type_ in types:
            pool = [f for f in FIELD_NAMES.get(type_, ["part", "inner"]) if f not in used]
            if pool:
                field_name = self.pick(pool)
                used.add(field_name)
                fields.append((field_name, type_, self.field_default(type_)))
        fields.sort(key=lambda f: f[2] is not None)  # defaults last, as Python requires
        self.emit(0, "@dataclass")
        self.emit(0, "class %s:" % name)
        for field_name, type_, default in fields:
            self.emit(1, "%s: %s%s" % (field_name, type_, " = %s" % default if default else ""))
        self.emit(0, "")
        info = {"fields": fields, "methods": [], "post_raises": set(), "all_default": all(d for _, _, d in fields)}
        self.classes[name] = info
        if self.chance(0.5):
            self.post_init(name)
        specs = []
        for _ in range(self.pick([2, 2, 3])):
            kind = self.pick(["method", "method", "method", "property", "static", "class"])
            spec = {"name": self.fresh(self.pick(METHOD_NAMES[kind])), "kind": kind, "params": {}, "defaults": {}}
            pool = ["int", "int", "str"]
            if kind == "method":
                pool += ["float", "list[int]", name] + sorted(c for c in self.classes if c != name)
            count = {"method": self.rng.randint(0, 2), "property": 0}.get(kind, self.rng.randint(1, 2))
            for _ in range(count):
                spec["params"][self.fresh("p")] = self.pick(pool)
            spec["result"] = {"method": lambda: self.pick(["int", "int", "str", "bool", "list[int]", name, "None", "None"]),
                              "property": lambda: self.pick(["int", "str", "bool", "float"]),
                              "static": lambda: self.pick([name, "int", "str"]), "class": lambda: name}[kind]()
            last = list(spec["params"])[-1] if spec["params"] else None
            if last and spec["params"][last] in ("int", "str") and kind in ("method", "static") and self.chance(0.3):
                spec["defaults"][last] = " = %s" % self.literal(spec["params"][last])
            spec["level"] = 1 if kind != "property" and self.chance(0.5) else 0
            specs.append(spec)
        self.loop_limit, self.max_depth = 1, 2
        for spec in sorted(specs, key=lambda m: m["level"]):
            self.ctx = {"cls": name, "kind": spec["kind"], "level": spec["level"]}
            spec["raises"] = self.function(spec["name"], spec["params"], spec["result"], self.pick([1, 1, 2]),
                                           owner=name, kind=spec["kind"], defaults=spec["defaults"])
            info["methods"].append(spec)
        self.ctx = None
        self.loop_limit, self.max_depth = 2, 3

    def method_raise(self, scope, indent):
        """A method's own check: raises one of the program's classes or ValueError, now and then."""
        cls = self.pick(sorted(self.exceptions)) if self.exceptions and self.chance(0.6) else "ValueError"
        ints = self.names(scope, "int")
        self.emit(indent, "if (%s) %% %d == %d:" % (self.expr("int", scope, 2), self.pick([5, 7, 11]), self.rng.randint(0, 4)))
        message = self.pick(['f"rejected {%s}"' % self.pick(ints), repr(self.pick(["bad state", "no room"]))])
        self.emit(indent + 1, "raise %s(%s)" % (cls, message))
        self.may_raise(cls)

    def post_init(self, cls):
        """__post_init__: validates fields (ValueError, never for the values of literal()) or
        normalises them."""
        info = self.classes[cls]
        self.emit(1, "def __post_init__(self) -> None:")
        for _ in range(self.rng.randint(1, 2)):
            field_name, type_, _ = self.pick([f for f in info["fields"] if f[1] in ("int", "str", "float", "list[int]")])
            f = "self." + field_name
            if self.chance(0.5):
                if type_ == "int":
                    condition = self.pick(["%s < %d" % (f, -self.pick([10, 100, 10 ** 6])),
                                           "%s > %d" % (f, self.pick([50, 1000, 10 ** 9]))])
                elif type_ == "float":
                    condition = "abs(%s) > %s" % (f, self.pick(["1e9", "1e15"]))
                else:
                    condition = "len(%s) > %d" % (f, self.pick([3, 6, 12] if type_ == "str" else [5, 20]))
                message = ['f"%s out of range: {%s}"' % (field_name, f), '"invalid %s"' % field_name]
                if type_ == "str":
                    message.append('"bad %s: " + repr(%s)' % (field_name, f))
                self.emit(2, "if %s:" % condition)
                self.emit(3, "raise ValueError(%s)" % self.pick(message))
                info["post_raises"].add("ValueError")
            else:
                k = self.pick([7, 100, 1000])
                forms = {"int": ["%s = %s %% %d" % (f, f, k), "%s = max(%s, %d)" % (f, f, -k), "%s = min(%s, %d)" % (f, f, k)],
                         "str": ["%s = %s.strip()" % (f, f), "%s = %s.lower()" % (f, f), "%s = %s[:5]" % (f, f)],
                         "float": ["%s = max(%s, 0.0)" % (f, f), "%s = %s * 0.5" % (f, f)],
                         "list[int]": ["%s = sorted(%s)" % (f, f), "%s = %s[:8]" % (f, f)]}[type_]
                self.emit(2, self.pick(forms))
        self.emit(0, "")

    def callable_methods(self, cls):
        methods = self.classes[cls]["methods"]
        if self.ctx and self.ctx["cls"] == cls:
            return [m for m in methods if m["level"] < self.ctx["level"]]
        return methods

    def arguments(self, values, positional_limit):
        """values: (parameter, argument) in the parameters' order; positions, then keywords.
        Keywords are written in the parameters' order unless all are plain names or constants:
        Hotpath evaluates keyword arguments in the parameters' order, CPython as written."""
        split = min(positional_limit, len(values) if self.chance(0.7) else self.rng.randint(0, len(values)))
        keywords = ["%s=%s" % (p, v) for p, v in values[split:]]
        if len(keywords) > 1 and self.chance(0.5) and (KEYWORDS_IN_ANY_ORDER or all(PLAIN.match(v) for _, v in values[split:])):
            self.rng.shuffle(keywords)
        return ", ".join([v for _, v in values[:split]] + keywords)

    def construct(self, cls, scope, depth):
        """A call of the class (`cls(...)` in its own class methods), defaults sometimes left out."""
        values, limit = [], None
        for field_name, type_, default in self.classes[cls]["fields"]:
            if default and self.chance(0.5):
                limit = len(values) if limit is None else limit
                continue
            # Mostly names and constants: objects are built often, and compile time grows with size.
            values.append((field_name, self.expr(type_, scope, depth + 1 if self.chance(0.3) else self.max_depth)))
        for c in sorted(self.classes[cls]["post_raises"]):
            self.may_raise(c)
        callee = "cls" if self.ctx and self.ctx["kind"] == "class" and self.ctx["cls"] == cls else cls
        return "%s(%s)" % (callee, self.arguments(values, len(values) if limit is None else limit))

    def object_of(self, cls, scope, depth):
        names = self.names(scope, cls)
        if names and self.chance(0.85):
            return self.pick(names)
        return self.expr_obj(cls, scope, depth + 1, depth >= 3)

    def method_call(self, cls, method, scope, depth, obj=None):
        """A call of the method (a read of a property) on obj, an object or the class."""
        params = list(method["params"].items())
        if params and params[-1][0] in method["defaults"] and self.chance(0.5):
            params.pop()
        arguments = self.arguments([(p, self.expr(t, scope, depth + 1)) for p, t in params], len(params))
        for c in sorted(method["raises"]):
            self.may_raise(c)
        kind = method["kind"]
        names = self.names(scope, cls)
        if kind == "class" or (kind == "static" and obj is None and (self.chance(0.6) or not names)):
            target = cls
        elif kind == "static" and obj is None and not STATIC_CALL_OBJECTS_EVALUATED:
            target = self.pick(names)
        else:
            target = obj or self.object_of(cls, scope, depth)
        if kind == "property":
            return "%s.%s" % (target, method["name"])
        return "%s.%s(%s)" % (target, method["name"], arguments)

    def expr_obj(self, cls, scope, depth, leaf):
        # A call of the class, a method that makes one, replace(), or one of two.
        if leaf:
            return self.construct(cls, scope, depth)
        r = self.rng.random()
        makers = [m for m in self.callable_methods(cls) if m["result"] == cls]
        if r < 0.3 and makers:
            return self.method_call(cls, self.pick(makers), scope, depth)
        if r < 0.45 and self.names(scope, cls):
            fields = self.classes[cls]["fields"]
            chosen = sorted(self.rng.sample(range(len(fields)), self.rng.randint(1, min(2, len(fields)))))
            values = [(fields[i][0], self.expr(fields[i][1], scope, depth + 1)) for i in chosen]
            for c in sorted(self.classes[cls]["post_raises"]):
                self.may_raise(c)
            return "replace(%s, %s)" % (self.pick(self.names(scope, cls)), self.arguments(values, 0))
        if r < 0.55:
            return "[%s, %s][%s %% 2]" % (self.expr(cls, scope, depth), self.expr(cls, scope, depth), self.expr("int", scope, depth))
        return self.construct(cls, scope, depth)

    def expr_objlist(self, cls, scope, depth, leaf):
        # A list of objects: literal, comprehension, sorted by a method or field, filtered.
        if leaf:
            return "[%s]" % ", ".join(self.construct(cls, scope, 3) for _ in range(self.rng.randint(1, 2)))
        kind = self.rng.randint(0, 5)
        xs = lambda: self.expr("list[%s]" % cls, scope, depth)
        if kind == 0:
            clause, inner = self.comprehension_clause(scope, depth)
            return "[%s%s]" % (self.expr(cls, inner, depth), clause)
        if kind in (1, 2):
            var = self.fresh("k")
            inner = dict(scope)
            self.bind(inner, var, cls)
            if kind == 1:
                typed = [m["result"] for m in self.callable_methods(cls) if m["kind"] in ("method", "property")
                         and m["result"] in ("int", "str")]
                key = self.obj_value(var, cls, self.pick(typed or ["int", "int", "str"]), inner, depth)
                return "sorted(%s, key=lambda %s: %s%s)" % (xs(), var, key, self.pick(["", ", reverse=True"]))
            return "[%s for %s in %s if %s]" % (var, var, xs(), self.obj_value(var, cls, "bool", inner, depth))
        if kind == 3:
            return "%s[%s:%s]" % (xs(), self.pick(["", "1", "-2"]), self.pick(["", "3", "-1"]))
        if kind == 4:
            return "(%s + %s)" % (xs(), xs())
        return "[%s, %s]" % (self.expr(cls, scope, depth), self.expr(cls, scope, depth))

    def obj_value(self, var, cls, type_, scope, depth):
        """A value of the type from the object named var: a method, property or field."""
        fields = ["%s.%s" % (var, f) for f, t, _ in self.classes[cls]["fields"] if t == type_]
        methods = [m for m in self.callable_methods(cls) if m["result"] == type_ and m["kind"] in ("method", "property")]
        if methods and (not fields or self.chance(0.7)):
            return self.method_call(cls, self.pick(methods), scope, depth, obj=var)
        if fields:
            return self.pick(fields)
        return self.expr(type_, scope, depth)

    def member_expr(self, type_, scope, depth):
        """A value of the type from objects: a method call, a property, a comprehension over a
        list of objects calling their methods, or == between objects; None if none fits."""
        lists = [(n, t[5:-1]) for n, t in scope.items() if t.startswith("list[") and t[5:-1] in self.classes]
        r = self.rng.random()
        if r < 0.35:
            if lists and self.chance(0.6):
                name, cls = self.pick(lists)
            else:
                cls = self.pick(sorted(self.classes))
                name = self.expr("list[%s]" % cls, scope, depth + 1)
            var = self.fresh("o")
            inner = dict(scope)
            self.bind(inner, var, cls)
            value = lambda t: self.obj_value(var, cls, t, inner, depth)
            if type_ == "int":
                if self.chance(0.5):
                    return "len([%s for %s in %s if %s])" % (var, var, name, value("bool"))
                return "sum(%s for %s in %s)" % (value("int"), var, name)
            if type_ == "str":
                return "%r.join(%s for %s in %s)" % (self.pick(["", ",", " | "]), value("str"), var, name)
            if type_ == "list[int]":
                return "[%s for %s in %s]" % (value("int"), var, name)
            if type_ == "bool":
                return "%s(%s for %s in %s)" % (self.pick(["any", "all"]), value("bool"), var, name)
            return "sum(%s for %s in %s)" % (value("float"), var, name)
        if type_ == "bool" and r < 0.5:
            named = [c for c in self.classes if self.names(scope, c)]
            if named:
                cls = self.pick(named)
                return "(%s %s %s)" % (self.object_of(cls, scope, depth), self.pick(["==", "!="]), self.expr(cls, scope, depth))
        calls = [(c, m) for c in self.classes for m in self.callable_methods(c) if m["result"] == type_]
        if calls:
            cls, method = self.pick(calls)
            return self.method_call(cls, method, scope, depth)
        return None

    def call_statement(self, calls, scope, indent, obj=None):
        cls, method = self.pick(calls)
        call = self.method_call(cls, method, scope, 1, obj)
        ints = self.names(scope, "int")
        if method["result"] == "None":
            self.emit(indent, call)
        elif method["result"] == "int" and self.chance(0.5):
            self.emit(indent, "%s = %s" % (self.pick(ints), call))
        else:
            self.emit(indent, "print(%s)" % call)

    def object_statement(self, scope, indent, loop_depth, risky=False):
        """A method call (risky: one that may raise, or a construction whose __post_init__ may),
        a loop over a list of objects calling their methods, replace() and the copy's list
        changed, a list of objects changed; False if nothing fits."""
        calls = [(c, m) for c in self.classes for m in self.callable_methods(c) if m["kind"] != "property"]
        if risky:
            raising = [(c, m) for c, m in calls if m["raises"]]
            makers = [c for c in self.classes if self.classes[c]["post_raises"]]
            if raising and (not makers or self.chance(0.7)):
                self.call_statement(raising, scope, indent)
            elif makers:
                self.emit(indent, "print(%s)" % self.construct(self.pick(makers), scope, 1))
            else:
                return False
            return True
        objects = [(n, t) for n, t in scope.items() if t in self.classes]
        lists = [(n, t[5:-1]) for n, t in scope.items() if t.startswith("list[") and t[5:-1] in self.classes]
        with_list = [(n, c) for n, c in objects if any(t == "list[int]" for _, t, _ in self.classes[c]["fields"])]
        options = (["loop"] * (loop_depth < self.loop_limit) + ["replace"] * bool(with_list) + ["list"] * bool(lists)
                   + ["show"] * bool(objects) + ["call"] * 2 * bool(calls))
        if not options:
            return False
        choice = self.pick(options)
        if choice == "loop":
            if lists and self.chance(0.6):
                name, cls = self.pick(lists)
            else:
                cls = self.pick(sorted(self.classes))
                name = self.expr("list[%s]" % cls, scope, 1)
            own = [(cls, m) for m in self.callable_methods(cls) if m["kind"] == "method"]
            var = self.fresh("o")
            inner = dict(scope)
            self.bind(inner, var, cls)
            self.emit(indent, "for %s in %s:" % (var, name))
            if own:
                self.call_statement(own, inner, indent + 1, var)
            else:
                self.emit(indent + 1, "print(%s)" % self.obj_value(var, cls, "int", inner, 1))
            if self.chance(0.5):
                self.block(inner, indent + 1, 1, loop_depth + 1)
        elif choice == "replace":
            # replace() copies shallowly: the copy shares the list, as both objects show.
            name, cls = self.pick(with_list)
            fields = self.classes[cls]["fields"]
            shared = self.pick([f for f, t, _ in fields if t == "list[int]"])
            changed = self.pick([f for f in fields if f[0] != shared] or fields)
            copy = self.fresh("r")
            for c in sorted(self.classes[cls]["post_raises"]):
                self.may_raise(c)
            self.emit(indent, "%s = replace(%s, %s=%s)" % (copy, name, changed[0], self.expr(changed[1], scope, 1)))
            self.emit(indent, "if len(%s.%s) < 50:" % (copy, shared))
            self.emit(indent + 1, "%s.%s.append(%s)" % (copy, shared, self.expr("int", scope, 2)))
            self.emit(indent, "print(%s, %s)" % (name, copy))
        elif choice == "list":
            name, cls = self.pick(lists)
            own = [m for m in self.callable_methods(cls) if m["kind"] in ("method", "property") and m["result"] != "None"]
            if own and self.chance(0.5):
                self.emit(indent, "if %s:" % name)
                element = "%s[%s %% len(%s)]" % (name, self.expr("int", scope, 2), name)
                self.emit(indent + 1, "print(%s)" % self.method_call(cls, self.pick(own), scope, 1, element))
            else:
                self.emit(indent, "if len(%s) < 20:" % name)
                self.emit(indent + 1, "%s.append(%s)" % (name, self.expr(cls, scope, 1)))
        elif choice == "show":
            name, cls = self.pick(objects)
            readable = [m for m in self.callable_methods(cls) if m["kind"] == "property"]
            shown = [self.method_call(cls, self.pick(readable), scope, 1, name) if readable and self.chance(0.7) else name
                     for _ in range(self.rng.randint(1, 2))]
            self.emit(indent, "print(%s)" % ", ".join(shown))
        else:
            self.call_statement(calls, scope, indent)
        return True

    # ---- statements
    def block(self, scope, indent, budget, loop_depth):
        for _ in range(max(1, budget)):
            self.statement(scope, indent, loop_depth)

    def statement(self, scope, indent, loop_depth):
        depth = len(self.regions)
        if depth < 2 and self.chance((0.11 if depth == 0 else 0.05) * (0.5 if self.ctx else 1)):
            self.try_statement(scope, indent, loop_depth)
            return
        # Outside a try body only helpers raise much: their callers may catch it.
        if self.chance(0.45 if self.regions[-1:] == ["try"] else 0.03 if self.result != "None" or self.guarded else 0.01):
            self.risky_statement(scope, indent, loop_depth)
            return
        if self.classes and self.chance(0.15) and self.object_statement(scope, indent, loop_depth):
            return
        kind = self.rng.randint(0, 13)
        ints = self.names(scope, "int")
        if kind == 12 and self.names(scope, "set[int]") and self.chance(0.5):
            st = self.pick(self.names(scope, "set[int]"))
            op = self.rng.randint(0, 3)
            if op == 0:
                self.emit(indent, "%s.add(%s)" % (st, self.expr("int", scope)))
            elif op == 1:
                self.emit(indent, "%s.discard(%s)" % (st, self.expr("int", scope)))
            elif op == 2:
                self.emit(indent, "%s %s %s" % (st, self.pick(["|=", "&=", "-=", "^="]), self.expr("set[int]", scope)))
            else:
                self.emit(indent, "if %s:" % st)
                self.emit(indent + 1, "print(%s.pop(), %s)" % (st, st))
            return
        if kind == 13 and self.names(scope, "opt"):
            # Optional locals: narrowed by `is not None`, `or`, a conditional expression.
            o = self.pick(self.names(scope, "opt"))
            use = self.rng.randint(0, 4)
            if use == 0 and ints:
                self.emit(indent, "if %s is not None:" % o)
                self.emit(indent + 1, "%s += %s" % (self.pick(ints), o))
            elif use == 1:
                self.emit(indent, "%s = %s" % (o, self.expr("opt", scope)))
            elif use == 2 and ints:
                self.emit(indent, "%s = %s if %s is not None else %s" % (self.pick(ints), o, o, self.expr("int", scope)))
            elif use == 3 and ints:
                self.emit(indent, "%s = %s or %s" % (self.pick(ints), o, self.expr("int", scope)))
            else:
                self.emit(indent, "if %s is None:" % o)
                self.emit(indent + 1, "%s = %s" % (o, self.expr("int", scope)))
                self.emit(indent, "print(%s * 2, %s == %s)" % (o, o, self.expr("int", scope)))
            return
        if kind <= 2 and scope:
            name = self.pick([n for n in scope if n != "self"])
            self.emit(indent, "%s = %s" % (name, self.expr(scope[name], scope)))
        elif kind == 3 and ints:
            self.emit(indent, "%s %s %s" % (self.pick(ints), self.pick(["+=", "-=", "*=", "//=", "%="]),
                                            "(%s or 3)" % self.expr("int", scope)))
        elif kind == 4 and self.names(scope, "str"):
            self.emit(indent, "%s += %s" % (self.pick(self.names(scope, "str")), self.expr("str", scope)))
        elif kind == 5:
            self.emit(indent, "if %s:" % self.expr("bool", scope))
            self.block(scope, indent + 1, self.rng.randint(1, 2), loop_depth)
            if self.chance(0.5):
                self.emit(indent, "else:")
                self.block(scope, indent + 1, self.rng.randint(1, 2), loop_depth)
        elif kind == 6 and loop_depth < self.loop_limit:
            var = self.fresh("i")
            self.emit(indent, "for %s in range(%d, %d, %d):" % (var, self.rng.randint(-3, 3), self.rng.randint(-3, 9), self.pick([1, 1, 2, -1, -2])))
            inner = dict(scope)
            inner[var] = "int"
            self.block(inner, indent + 1, self.rng.randint(1, 3), loop_depth + 1)
        elif kind == 7 and loop_depth < self.loop_limit and self.names(scope, "list[int]"):
            var = self.fresh("x")
            self.emit(indent, "for %s in %s:" % (var, self.pick(self.names(scope, "list[int]"))))
            inner = dict(scope)
            inner[var] = "int"
            self.block(inner, indent + 1, self.rng.randint(1, 2), loop_depth + 1)
        elif kind == 8 and self.names(scope, "list[int]"):
            xs = self.pick(self.names(scope, "list[int]"))
            op = self.rng.randint(0, 4)
            if op == 4 and self.chance(0.3):
                self.emit(indent, "%s.clear()" % xs)
            elif op == 0:
                self.emit(indent, "if len(%s) < 200:" % xs)
                self.emit(indent + 1, "%s.append(%s)" % (xs, self.expr("int", scope)))
            elif op == 1:
                self.emit(indent, "if %s:" % xs)
                self.emit(indent + 1, "%s[%s %% len(%s)] = %s" % (xs, self.expr("int", scope), xs, self.expr("int", scope)))
            elif op == 2:
                self.emit(indent, "if %s:" % xs)
                self.emit(indent + 1, "%s.pop()" % xs)
            else:
                self.emit(indent, "%s.reverse()" % xs)
        elif kind == 9 and self.names(scope, "dict[str, int]") + self.names(scope, IDICT) + self.names(scope, TDICT):
            d = self.pick(self.names(scope, "dict[str, int]") + self.names(scope, IDICT) + self.names(scope, TDICT))
            key = self.key_of(scope[d], scope, 0)
            op = self.rng.random()
            if op < 0.05:
                self.emit(indent, "%s.clear()" % d)
            elif op < 0.2:
                self.emit(indent, "print(%s.pop(%s, %s), %s)" % (d, key, self.expr("int", scope), d))
            elif op < 0.3:
                self.emit(indent, "%s[%s] = %s.get(%s, 0) + 1" % (d, key, d, key))
            else:
                self.emit(indent, "%s[%s] = %s" % (d, key, self.expr("int", scope)))
        elif kind == 10 and loop_depth < self.loop_limit and self.names(scope, IDICT) and self.chance(0.4):
            k, v = self.fresh("k"), self.fresh("v")
            d = self.pick(self.names(scope, IDICT))
            self.emit(indent, "for %s, %s in %s:" % (k, v, self.pick(["%s.items()" % d, "sorted(%s.items())" % d])))
            inner = dict(scope)
            inner[k], inner[v] = "int", "int"
            self.emit(indent + 1, "print(%s, %s)" % (k, v))
            self.block(inner, indent + 1, 1, loop_depth + 1)
        elif kind == 10 and loop_depth < self.loop_limit and self.names(scope, TDICT) and self.chance(0.4):
            x, y, v = self.fresh("x"), self.fresh("y"), self.fresh("v")
            self.emit(indent, "for (%s, %s), %s in %s.items():" % (x, y, v, self.pick(self.names(scope, TDICT))))
            inner = dict(scope)
            inner[x], inner[y], inner[v] = "int", "int", "int"
            self.emit(indent + 1, "print(%s, %s, %s)" % (x, y, v))
        elif kind == 10 and loop_depth < self.loop_limit and self.names(scope, "dict[str, int]"):
            k, v = self.fresh("k"), self.fresh("v")
            self.emit(indent, "for %s, %s in %s.items():" % (k, v, self.pick(self.names(scope, "dict[str, int]"))))
            inner = dict(scope)
            inner[k], inner[v] = "str", "int"
            self.emit(indent + 1, "print(%s, %s)" % (k, v))
            self.block(inner, indent + 1, 1, loop_depth + 1)
        elif kind == 11 and self.names(scope, "Rec"):
            r = self.pick(self.names(scope, "Rec"))
            field = self.rng.randint(0, 2)
            if field == 0:
                self.emit(indent, "%s.a = %s" % (r, self.expr("int", scope)))
            elif field == 1:
                self.emit(indent, "%s.s += %s" % (r, self.expr("str", scope)))
            else:
                self.emit(indent, "if len(%s.xs) < 50:" % r)
                self.emit(indent + 1, "%s.xs.append(%s)" % (r, self.expr("int", scope)))
        else:
            things = [self.expr(self.pick(sorted(set(scope.values())) or ["int"]), scope) for _ in range(self.rng.randint(1, 3))]
            self.emit(indent, "print(%s)" % ", ".join(things))

    # ---- exceptions
    def may_raise(self, cls):
        self.raisable[-1].add(cls)

    def ancestors(self, cls):
        """cls and the classes above it, nearest first."""
        chain = []
        while cls:
            chain.append(cls)
            cls = self.exceptions.get(cls) or PARENT.get(cls, "Exception" if cls != "Exception" else "BaseException")
        return chain

    def exception_classes(self):
        """1-3 classes at module level, deriving from built-in classes or from each other."""
        for _ in range(self.rng.randint(1, 3)):
            name = self.fresh(self.pick(["Err", "NotFound", "Bad", "Limit"]))
            base = self.pick(sorted(self.exceptions)) if self.exceptions and self.chance(0.5) else self.pick(USER_BASES)
            self.emit(0, "class %s(%s):" % (name, base))
            self.emit(1, "pass" if self.chance(0.85) else '"""%s, a kind of %s."""' % (name, base))
            self.emit(0, "")
            self.exceptions[name] = base
        self.emit(0, "")

    def raise_condition(self, scope):
        if self.chance(0.6):
            return "(%s) %% %d == %d" % (self.expr("int", scope, 2), self.rng.randint(2, 6), self.rng.randint(0, 1))
        return self.expr("bool", scope, 1)

    def exception_value(self, scope, cause=None):
        """`Cls(argument)`, `Cls()` or the class alone; the class is recorded as raisable."""
        if self.exceptions and self.chance(0.55):
            cls = self.pick(sorted(self.exceptions))
        else:
            cls = self.pick(RAISE_POOL + ["BaseException"] * (self.rng.random() < 0.1))
        self.may_raise(cls)
        form = self.rng.randint(0, 6)
        if cause and form >= 5:
            return "%s(%s)" % (cls, self.pick(["str(%s)" % cause, "repr(%s)" % cause, "f\"from {%s!r}\"" % cause,
                                                "type(%s).__name__" % cause]))
        if form == 0:
            return cls
        if form == 1:
            return "%s()" % cls
        if form == 2:
            return "%s(%r)" % (cls, self.pick(["bad value", "not found", "it's over", "", "x\ty", "日本"]))
        if form == 3 and self.names(scope, "int"):
            return "%s(f\"%s {%s}\")" % (cls, self.pick(["got", "no item", "limit"]), self.pick(self.names(scope, "int")))
        return "%s(%s)" % (cls, self.expr(self.pick(["int", "str", "list[int]", "float", "bool"]), scope, 2))

    def raise_statement(self, indent, scope):
        """A raise that ends a block: a new exception, with `from` inside a handler, or a re-raise."""
        names = [n for n in self.caught_names if n]
        cause = names[-1] if names else None
        in_handler = self.regions[-1:] == ["handler"]
        if in_handler and self.chance(0.35):
            self.raisable[-1].add("Exception")  # what the handler caught, roughly
            self.emit(indent, "raise")
        elif cause and self.chance(0.35):
            self.raisable[-1].add("Exception")
            self.emit(indent, "raise %s" % cause)
        elif self.chance(0.4):
            cause_text = "None" if not cause or self.chance(0.3) else cause
            self.emit(indent, "raise %s from %s" % (self.exception_value(scope, cause), cause_text))
        else:
            self.emit(indent, "raise %s" % self.exception_value(scope))

    def risky_statement(self, scope, indent, loop_depth):
        """A statement that raises now and then: division or modulo by a value that may be 0,
        an index or key that may be missing, int() of text, arithmetic near the 64-bit edges,
        an assert, a helper call, or an explicit raise under a condition."""
        if self.classes and self.chance(0.35) and self.object_statement(scope, indent, loop_depth, risky=True):
            return
        target = self.pick(self.names(scope, "int"))
        kind = self.rng.randint(0, 10)
        if kind == 0:
            divisor = self.pick(self.names(scope, "int") + ["(%s - %d)" % (self.pick(self.names(scope, "int")), self.rng.randint(-2, 3))])
            self.emit(indent, "%s = %s %s %s" % (target, self.expr("int", scope, 1), self.pick(["//", "%"]), divisor))
            self.may_raise("ZeroDivisionError")
            self.may_raise("OverflowError")
        elif kind == 1:
            index = str(self.rng.randint(-4, 4)) if self.chance(0.7) else self.expr("int", scope, 2)
            self.emit(indent, "%s = %s[%s]" % (target, self.expr("list[int]", scope, 1), index))
            self.may_raise("IndexError")
        elif kind == 2:
            d = self.pick(["dict[str, int]", IDICT, TDICT])
            if self.chance(0.7):  # a key such dicts often hold
                key = {IDICT: str(self.rng.randint(-5, 5)), TDICT: str((self.rng.randint(-2, 2), self.rng.randint(-2, 2))),
                       "dict[str, int]": repr(self.pick(ALPHABET))}[d]
            else:
                key = self.key_of(d, scope, 2)
            self.emit(indent, "%s = %s[%s]" % (target, self.expr(d, scope, 2), key))
            self.may_raise("KeyError")
        elif kind == 3:
            text = self.pick(INT_TEXTS) if self.chance(0.6) else self.expr("str", scope, 2)
            self.emit(indent, "%s = int(%s)" % (target, text))
            self.may_raise("ValueError")
        elif kind == 4:
            edge = self.pick(INT_EDGES[:6])
            self.emit(indent, "%s = %s" % (target, self.pick(["%s * %s" % (target, edge), "%s + %s" % (edge, target),
                                                              "%s - %s" % (edge, target), "-(%s)" % target, "abs(%s)" % target,
                                                              "%s << %d" % (target, self.rng.randint(30, 63))])))
            self.may_raise("OverflowError")
        elif kind == 5 and self.helpers:
            self.emit(indent, "%s = %s" % (target, self.helper_call(scope, 1)))
        elif kind == 6:
            message = self.pick(["", ", %r" % self.pick(["too big", "odd", ""]), ", f\"bad {%s}\"" % target])
            self.emit(indent, "assert %s%s" % (self.raise_condition(scope), message))
            self.may_raise("AssertionError")
        elif kind == 7 and self.names(scope, "list[int]"):
            xs = self.pick(self.names(scope, "list[int]"))
            op = self.rng.randint(0, 2)
            if op == 0:
                self.emit(indent, "%s = %s.pop()" % (target, xs))
                self.may_raise("IndexError")
            elif op == 1:
                self.emit(indent, "%s = %s.index(%s)" % (target, xs, self.expr("int", scope, 2)))
                self.may_raise("ValueError")
            else:
                self.emit(indent, "%s = %s(%s)" % (target, self.pick(["min", "max"]), xs))
                self.may_raise("ValueError")
        elif kind == 7 and self.names(scope, "dict[str, int]"):
            self.emit(indent, "%s = %s.pop(%s)" % (target, self.pick(self.names(scope, "dict[str, int]")), self.expr("str", scope, 2)))
            self.may_raise("KeyError")
        elif kind >= 8:
            self.emit(indent, "if %s:" % self.raise_condition(scope))
            self.raise_statement(indent + 1, scope)
        else:
            self.emit(indent, "%s = %s // %s" % (target, target, self.expr("int", scope, 2)))
            self.may_raise("ZeroDivisionError")

    def control_flow(self, scope, indent, loop_depth):
        """break/continue in a loop or return in a helper, under a condition; False if neither fits."""
        options = (["break", "continue"] if loop_depth else []) + (["return"] if self.result != "None" else [])
        if not options:
            return False
        word = self.pick(options)
        if word == "return":
            word = "return %s" % self.expr(self.result, scope)
        if self.chance(0.7):
            self.emit(indent, "if %s:" % self.expr("bool", scope, 1))
            indent += 1
        self.emit(indent, word)
        return True

    def handler_classes(self, raisable, must_catch_overflow):
        """One class or a tuple of two, mostly among (or above) what the body may raise."""
        classes = []
        for _ in range(2 if self.chance(0.25) else 1):
            if must_catch_overflow and not classes:
                cls = self.pick(["Exception", "Exception", "BaseException", "ArithmeticError", "OverflowError"])
            elif raisable and self.chance(0.75):
                chain = self.ancestors(self.pick(sorted(raisable)))
                cls = chain[0] if self.chance(0.7) else self.pick(chain[:-1] or chain)
            elif self.exceptions and self.chance(0.4):
                cls = self.pick(sorted(self.exceptions))
            else:
                cls = self.pick(CATCH_POOL)
            if cls not in classes:
                classes.append(cls)
        return classes

    def handler_body(self, scope, indent, loop_depth, name, classes, safe):
        label = self.fresh("caught")
        if name:
            forms = ["print(%r, type(%s).__name__, %s)" % (label, name, name), "print(%r, repr(%s))" % (label, name),
                     "print(f\"%s {%s!r} {%s}\")" % (label, name, name), "print(%r, type(%s).__name__, len(str(%s)))" % (label, name, name)]
            if CATCHES_OVERFLOW & set(classes):
                self.emit(indent, self.pick(forms))  # names the class: the CPython comparison skips an OverflowError
            else:
                self.emit(indent, self.pick(forms + ["print(%s)" % name, "print(%r, str(%s))" % (label, name)]))
            if not safe and self.names(scope, "str") and self.chance(0.3):
                # Assigned, not appended: a str doubled in a loop already grows fast enough.
                self.emit(indent, "%s = %s" % (self.pick(self.names(scope, "str")), self.pick(["str(%s)" % name, "repr(%s)" % name])))
        else:
            self.emit(indent, "print(%r, %s)" % (label, self.pick(self.names(scope, "int"))))
        if safe:
            return
        if self.chance(0.3):
            self.block(scope, indent, 1, loop_depth)
        ending = self.rng.random()
        if ending < 0.25 and (self.guarded or self.result != "None" or self.chance(0.1)):
            self.raise_statement(indent, scope)
        elif ending < 0.4:
            self.control_flow(scope, indent, loop_depth)

    def finally_body(self, scope, indent, loop_depth, safe):
        """Prints or changes a variable. An exception raised here would replace the one in
        flight, which may be an OverflowError CPython never raises, and a break, continue or
        return would drop it: only a safe try (see try_statement) has more."""
        label = self.fresh("fin")
        ints = self.names(scope, "int")
        change = self.rng.randint(0, 3)
        if change == 0:
            self.emit(indent, "%s += 1" % self.pick(ints))
        elif change == 1 and self.names(scope, "str"):
            self.emit(indent, "%s += %r" % (self.pick(self.names(scope, "str")), label))
        elif change == 2 and self.names(scope, "list[int]"):
            xs = self.pick(self.names(scope, "list[int]"))
            self.emit(indent, "if len(%s) < 100:" % xs)
            self.emit(indent + 1, "%s.append(%d)" % (xs, self.rng.randint(-9, 9)))
        if change == 3 or self.lines[-1].endswith("finally:") or self.chance(0.6):
            self.emit(indent, "print(%r, %s)" % (label, self.pick(ints)))
        if safe:
            if self.chance(0.3):
                self.block(scope, indent, 1, loop_depth)
            self.control_flow(scope, indent, loop_depth)

    def try_statement(self, scope, indent, loop_depth):
        """try/except/else/finally around statements that may raise, nested at most twice.
        A safe try has a break, continue or return in its finally block (which drops an
        exception in flight): its first handler catches OverflowError, its handlers only
        print and it has no else block, so no OverflowError is in flight there."""
        safe = bool(loop_depth or self.result != "None") and self.chance(0.15)
        has_handlers = safe or self.chance(0.8)
        has_finally = safe or not has_handlers or self.chance(0.35)
        self.emit(indent, "try:")
        self.regions.append("try")
        self.raisable.append(set())
        self.guarded += has_handlers
        for _ in range(self.rng.randint(1, 2)):
            if self.chance(0.6):
                self.risky_statement(scope, indent + 1, loop_depth)
            else:
                self.statement(scope, indent + 1, loop_depth)
        if self.chance(0.3):
            self.control_flow(scope, indent + 1, loop_depth)
        self.guarded -= has_handlers
        raisable = self.raisable.pop()
        self.regions.pop()
        self.raisable[-1] |= raisable
        overflow_caught = False
        count = self.pick([1, 1, 2, 2, 3]) if has_handlers else 0
        for i in range(count):
            catch_all = i == count - 1 and self.chance(0.55)
            if catch_all and overflow_caught and self.chance(0.6):
                classes, name = [], None
                self.emit(indent, "except:")
            else:
                classes = self.handler_classes(raisable, (safe and i == 0) or catch_all)
                # A handler that may catch an OverflowError must say so (handler_body prints the type).
                name = self.fresh("e") if self.chance(0.7) or (CATCHES_OVERFLOW & set(classes) and not overflow_caught) else None
                overflow_caught = overflow_caught or bool(CATCHES_OVERFLOW & set(classes))
                caught = classes[0] if len(classes) == 1 else "(%s)" % ", ".join(classes)
                self.emit(indent, "except %s%s:" % (caught, " as %s" % name if name else ""))
            self.regions.append("handler")
            self.caught_names.append(name)
            self.handler_body(scope, indent + 1, loop_depth, name if name else None, classes, safe)
            self.caught_names.pop()
            self.regions.pop()
        if has_handlers and not safe and self.chance(0.3):
            self.emit(indent, "else:")
            self.regions.append("else")
            self.emit(indent + 1, "print(%r, %s)" % (self.fresh("ok"), self.pick(self.names(scope, "int"))))
            if self.chance(0.5):
                self.block(scope, indent + 1, 1, loop_depth)
            self.regions.pop()
        if has_finally:
            self.emit(indent, "finally:")
            self.regions.append("finally")
            self.finally_body(scope, indent + 1, loop_depth, safe)
            self.regions.pop()

    def function(self, name, params, result, budget, owner=None, kind=None, defaults=None):
        """A module-level function, or a method of the dataclass owner (kind: method, property,
        static or class; see method_class). Returns the classes its body may raise."""
        self.result = result
        self.raisable.append(set())
        base = 1 if owner else 0
        scope = {}
        if kind in ("method", "property"):
            self.bind(scope, "self", owner)
        for p, t in params.items():
            self.bind(scope, p, t)
        for g, t in self.globals.items():
            self.bind(scope, g, t)
        signature = ["self"] if kind in ("method", "property") else ["cls"] if kind == "class" else []
        signature += ["%s: %s%s" % (p, self.annotation(t), (defaults or {}).get(p, "")) for p, t in params.items()]
        if kind in ("property", "static", "class"):
            self.emit(base, "@%s" % {"property": "property", "static": "staticmethod", "class": "classmethod"}[kind])
        self.emit(base, "def %s(%s) -> %s:" % (name, ", ".join(signature), self.annotation(result)))
        if self.globals:
            self.emit(base + 1, "global %s" % ", ".join(sorted(self.globals)))
        types = ["int", "float", "str", "bool", "list[int]", "dict[str, int]", "Rec", "opt", "set[int]", IDICT, TDICT]
        types += [t for c in self.classes for t in (c, "list[%s]" % c)]
        for type_ in types:
            # Every function has an int variable (a method may have self's int fields instead).
            chance = 0.08 if owner else 0.3 if self.classes else 0.6
            if self.chance(chance) or (type_ == "int" and not (owner and self.names(scope, "int"))):
                var = self.fresh("v")
                annotation = ": %s" % type_ if type_ not in ("int", "float", "str", "bool", "opt") else ""
                if type_ == "opt":
                    annotation = ": %s" % self.pick(["Optional[int]", "int | None"])
                self.emit(base + 1, "%s%s = %s" % (var, annotation, self.expr(type_, scope)))
                self.bind(scope, var, type_)
        if owner and self.chance(0.35):
            self.method_raise(scope, base + 1)
        self.block(scope, base + 1, budget, 0)
        if result == "None":
            shown = [n for n in sorted(scope) if "." not in n]
            if owner:
                shown = sorted(self.rng.sample(shown, min(len(shown), 3)))
            self.emit(base + 1, "print(%s)" % ", ".join(shown))
        else:
            self.emit(base + 1, "return %s" % self.expr(result, scope))
        self.emit(base, "")
        raises = self.raisable.pop()
        if not owner:
            self.helper_raises[name] = raises
        return raises

    def module_state(self):
        """Module-level variables that every function may rebind (global) or change."""
        kinds = [("int", None, lambda: self.pick(INT_EDGES[4:])), ("str", None, lambda: repr(self.pick(ALPHABET))),
                 ("list[int]", "list[int]", lambda: "[%s]" % ", ".join(str(self.rng.randint(-9, 9)) for _ in range(self.rng.randint(0, 3)))),
                 ("list[int]", "list[int]", lambda: "[c * %d for c in range(%d) if c != %d]" % (self.rng.randint(-3, 3), self.rng.randint(0, 5), self.rng.randint(0, 3))),
                 (IDICT, IDICT, lambda: "{c: c %% %d for c in range(%d)}" % (self.rng.randint(2, 4), self.rng.randint(0, 4))),
                 ("dict[str, int]", "dict[str, int]", lambda: "{%r: %d}" % (self.pick(ALPHABET), self.rng.randint(-9, 9))),
                 (IDICT, IDICT, lambda: "{%d: %d}" % (self.rng.randint(-9, 9), self.rng.randint(-9, 9))),
                 ("Rec", None, lambda: "Rec(%d, %r, [])" % (self.rng.randint(-9, 9), self.pick(ALPHABET)))]
        for type_, annotation, value in kinds:
            if self.chance(0.7):
                name = self.fresh("G")
                self.emit(0, "%s%s = %s" % (name, ": %s" % annotation if annotation else "", value()))
                self.globals[name] = type_
        self.emit(0, "")

    def class_section(self, with_state):
        """1-2 dataclasses with methods, then (with module state) module-level objects of them."""
        for _ in range(1 + self.chance(0.15)):
            self.method_class()
        if with_state:
            for cls, info in self.classes.items():
                if not info["post_raises"] and self.chance(0.5):
                    name = self.fresh("G")
                    self.emit(0, "%s = %s" % (name, self.literal(cls)))
                    self.globals[name] = cls
            self.emit(0, "")

    def program(self):
        self.emit(0, "import math")
        self.emit(0, "from dataclasses import dataclass, field, replace")
        self.emit(0, "from typing import Optional")
        self.emit(0, "")
        self.emit(0, "")
        self.emit(0, "@dataclass")
        self.emit(0, "class Rec:")
        self.emit(1, "a: int")
        self.emit(1, "s: str")
        self.emit(1, "xs: list[int]")
        self.emit(0, "")
        if self.chance(0.75):
            self.exception_classes()
        with_state = self.chance(0.6)
        if with_state:
            self.module_state()
        # A bounded recursion, then helpers that may call earlier helpers.
        rec = self.fresh("rec")
        self.emit(0, "def %s(n: int, acc: int) -> int:" % rec)
        self.emit(1, "if n <= 0:")
        self.emit(2, "return acc")
        self.emit(1, "return %s(n - 1, (acc * %d + n) %% %d)" % (rec, self.rng.randint(2, 99), self.rng.randint(7, 1000003)))
        self.emit(0, "")
        self.helpers.append((rec, ["int", "int"]))
        # Methods call the helpers written before their class; the later ones call methods.
        with_classes = self.chance(0.65)
        count = int(self.chance(0.4)) if with_classes else self.rng.randint(0, 2)
        early = self.rng.randint(0, count) if with_classes else count + 1
        for i in range(count):
            if i == early:
                self.class_section(with_state)
            name = self.fresh("h")
            types = ["int", "str", "float"] + sorted(self.classes)
            params = {self.fresh("p"): self.pick(types) for _ in range(self.rng.randint(1, 3))}
            self.function(name, params, "int", self.rng.randint(1, 4))
            self.helpers.append((name, list(params.values())))
        if early == count:
            self.class_section(with_state)
        self.function("main", {}, "None", self.rng.randint(2, 4 if self.classes else 7))
        return "\n".join(self.lines) + "\n"


# ---- running
def run_hotpath(hotpath, path, tier, opt, wait=60):
    command = [hotpath, "run", "--tier", tier, "--timeout", "10", path, "main"]
    if tier == "jit":
        command[4:4] = ["--opt", str(opt)]
    try:
        proc = subprocess.run(command, capture_output=True, text=True, timeout=wait)
    except subprocess.TimeoutExpired:
        return ("<hung>", -1, "")
    last = proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else ""
    return (proc.stdout, proc.returncode, last)


def checks(hotpath, path):
    return subprocess.run([hotpath, "check", path], capture_output=True).returncode == 0


def run_cpython(path):
    code = "import runpy,sys; sys.path.insert(0, sys.argv[2]); print(runpy.run_path(sys.argv[1])['main']())"
    try:
        proc = subprocess.run([CPYTHON, "-c", code, path, SHIM], capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        return ("<hung>", -1)
    return (proc.stdout, proc.returncode)


def differs(hotpath, path, opt):
    return run_hotpath(hotpath, path, "interp", opt) != run_hotpath(hotpath, path, "jit", opt)


def minimise(hotpath, source, opt, directory):
    """Deletes statements (a line with the lines nested under it) while the program still
    checks and the tiers still disagree."""
    path = os.path.join(directory, "reduce.py")
    lines = source.splitlines()
    changed = True
    while changed:
        changed = False
        i = len(lines) - 1
        while i >= 0:
            indent = len(lines[i]) - len(lines[i].lstrip())
            end = i + 1
            while end < len(lines) and lines[end].strip() and len(lines[end]) - len(lines[end].lstrip()) > indent:
                end += 1
            candidate = lines[:i] + lines[end:]
            with open(path, "w") as f:
                f.write("\n".join(candidate) + "\n")
            if lines[i].strip() and checks(hotpath, path) and differs(hotpath, path, opt):
                lines = candidate
                changed = True
            i -= 1
    return "\n".join(lines) + "\n"


def main():
    args = sys.argv[1:]
    if not args or args[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if args else 2

    def option(name, default):
        if name in args:
            at = args.index(name)
            value = args[at + 1]
            del args[at:at + 2]
            return value
        return default

    seeds = option("--seeds", "1:300")
    cpython_every = int(option("--cpython-every", "10"))
    out = option("--out", os.path.join(tempfile.gettempdir(), "hotpath-differential"))
    keep = "--keep" in args
    args = [a for a in args if a != "--keep"]
    if len(args) != 1:
        print("differential.py: expected the hotpath binary (see --help)", file=sys.stderr)
        return 2
    hotpath = args[0]
    first, last = (int(x) for x in seeds.split(":"))
    use_cpython = cpython_every > 0 and os.path.exists(CPYTHON)
    differences = 0
    stats = {"programs": 0, "errors": 0, "cpython": 0, "levels": 0}
    with tempfile.TemporaryDirectory() as directory:
        for seed in range(first, last + 1):
            source = Generator(seed).program()
            path = os.path.join(directory, "p%d.py" % seed)
            with open(path, "w") as f:
                f.write(source)
            if not checks(hotpath, path):
                check = subprocess.run([hotpath, "check", path], capture_output=True, text=True)
                print("seed %d: the generator wrote a program Hotpath rejects:\n%s\n%s" % (seed, check.stdout + check.stderr, source))
                differences += 1
                continue
            opt = 0 if seed % 2 else 2
            stats["programs"] += 1
            interp = run_hotpath(hotpath, path, "interp", opt)
            native = run_hotpath(hotpath, path, "jit", opt)
            if interp[1] != 0:
                stats["errors"] += 1
            if keep:
                os.makedirs(out, exist_ok=True)
                with open(os.path.join(out, "p%d.py" % seed), "w") as f:
                    f.write(source)
            if interp != native and "<hung>" in (interp[0], native[0]):
                # A program near the memory cap can spend long in one runtime call, which
                # no deadline interrupts; on a loaded machine that looks like a hang. Run
                # both again, one at a time, before calling it a difference.
                interp = run_hotpath(hotpath, path, "interp", opt, wait=300)
                native = run_hotpath(hotpath, path, "jit", opt, wait=300)
            if interp == native and seed % 3 == 0:
                # The two optimisation levels against each other, directly.
                other = run_hotpath(hotpath, path, "jit", 2 - opt)
                stats["levels"] += 1
                if other != native and "<hung>" not in (other[0], native[0]):
                    differences += 1
                    os.makedirs(out, exist_ok=True)
                    repro = os.path.join(out, "levels_%d.py" % seed)
                    with open(repro, "w") as f:
                        f.write(source)
                    print("DIFF seed %d: jit -O%d %r, jit -O%d %r\n  program: %s" % (seed, opt, native, 2 - opt, other, repro))
                    continue
            if interp != native:
                differences += 1
                os.makedirs(out, exist_ok=True)
                reduced = minimise(hotpath, source, opt, directory)
                repro = os.path.join(out, "repro_%d.py" % seed)
                with open(repro, "w") as f:
                    f.write(reduced)
                print("DIFF seed %d (jit -O%d): interp %r, jit %r\n  reproducer: %s" % (seed, opt, interp, native, repro))
                continue
            # Hotpath's limits have no CPython counterpart: 64-bit ints (OverflowError, also
            # a caught one, whose handler printed the class name: see Generator.handler_body),
            # the per-call memory cap (MemoryError, where CPython grows until it is killed)
            # and the deadline (a TimeoutError where CPython runs on).
            limited = ("OverflowError" in interp[2] or "OverflowError" in interp[0] or "MemoryError" in interp[2]
                       or "ran longer than" in interp[2])
            if use_cpython and seed % cpython_every == 0 and not limited and interp[1] in (0, 1):
                stats["cpython"] += 1
                reference = run_cpython(path)
                if (reference[0], reference[1] != 0) != (interp[0], interp[1] != 0):
                    differences += 1
                    os.makedirs(out, exist_ok=True)
                    repro = os.path.join(out, "cpython_%d.py" % seed)
                    with open(repro, "w") as f:
                        f.write(source)
                    print("DIFF seed %d against CPython: hotpath %r, CPython %r\n  program: %s" % (seed, interp, reference, repro))
    print("%d programs (%d ended in a run-time error), %d also under CPython, %d also at the other JIT level: %d differences"
          % (stats["programs"], stats["errors"], stats["cpython"], stats["levels"], differences))
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
