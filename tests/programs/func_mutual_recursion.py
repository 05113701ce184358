# SPDX-License-Identifier: GPL-3.0-or-later
# Mutual recursion with functions defined after their callers: even/odd, Hofstadter sequences.


def main() -> None:
    print(is_even(10), is_odd(7), is_even(7), is_odd(0))
    fs = ""
    ms = ""
    for n in range(12):
        fs += str(female(n)) + " "
        ms += str(male(n)) + " "
    print(fs)
    print(ms)
    print(expr_value("2+3*4"), expr_value("2*3+4"))


def is_even(n: int) -> bool:
    return True if n == 0 else is_odd(n - 1)


def is_odd(n: int) -> bool:
    return False if n == 0 else is_even(n - 1)


def female(n: int) -> int:
    return 1 if n == 0 else n - male(female(n - 1))


def male(n: int) -> int:
    return 0 if n == 0 else n - female(male(n - 1))


def expr_value(s: str) -> int:
    i = s.find("+")
    return term_value(s) if i < 0 else term_value(s[:i]) + expr_value(s[i + 1:])


def term_value(s: str) -> int:
    i = s.find("*")
    return int(s) if i < 0 else int(s[:i]) * term_value(s[i + 1:])
