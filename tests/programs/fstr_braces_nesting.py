# SPDX-License-Identifier: GPL-3.0-or-later
# f-strings: literal braces, expressions in fields, calls, indexing, nested quotes, adjacent literals.


def shout(s: str) -> str:
    return s.upper() + "!"


def main() -> None:
    n = 3
    xs = [1, 2, 3]
    d = {"key": "value"}
    print(f"{{}} {{n}} {{{n}}} {n}{{")
    print(f"{n + 1} {n * 2.5} {xs[-1]} {d['key']} {len(xs)} {shout('hi')}")
    print(f"{xs} {xs[1:]} {n if n > 2 else -n} {'yes' if n else 'no'}")
    print(f'{"double"} inside single', f"{'single'} inside double")
    print(f"a" "b" f"{n}" "c", "x" f"{n}")
    print(f"""triple {n}
second line {xs[0]}""")
    name = "World"
    greeting = f"Hello, {name}!"
    print(greeting, len(greeting), f"{greeting:>20}|", f"{f'{n}':>3}")
    print(f"{n}" + f"{n}", f"{''}", f"{'' or 'empty'}", f"{-n}", f"{ n }")
