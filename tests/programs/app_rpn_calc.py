# SPDX-License-Identifier: GPL-3.0-or-later
# Reverse-Polish calculator with a list stack and a shunting-yard infix-to-RPN converter.

PREC = {"+": 1, "-": 1, "*": 2, "/": 2, "%": 2}


def to_rpn(expr: str) -> list[str]:
    out: list[str] = []
    ops: list[str] = []
    for tok in expr.replace("(", " ( ").replace(")", " ) ").split():
        if tok in PREC or tok == "(":
            while tok != "(" and len(ops) > 0 and ops[-1] != "(" and PREC[ops[-1]] >= PREC[tok]:
                out.append(ops.pop())
            ops.append(tok)
        elif tok == ")":
            while ops[-1] != "(":
                out.append(ops.pop())
            ops.pop()
        else:
            out.append(tok)
    ops.reverse()
    return out + ops


def evaluate(rpn: list[str]) -> int:
    stack: list[int] = []
    for tok in rpn:
        if tok in PREC:
            b = stack.pop()
            a = stack.pop()
            stack.append(a + b if tok == "+" else a - b if tok == "-" else a * b if tok == "*" else a // b if tok == "/" else a % b)
        else:
            stack.append(int(tok))
    return stack[0]


def main() -> None:
    for e in ["1 + 2 * 3", "(1 + 2) * 3", "100 / 7 % 4", "2 * (3 + 4) * (5 - 6)", "-7 / 2", "((42))", "10 - 4 - 3"]:
        rpn = to_rpn(e)
        print(f"{e:<24} {' '.join(rpn):<20} = {evaluate(rpn)}")
