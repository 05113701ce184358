# SPDX-License-Identifier: GPL-3.0-or-later
# list.pop() from the end, from positive and negative indices, as a stack and a queue.


def main() -> None:
    xs = [10, 20, 30, 40, 50, 60]
    print(xs.pop(), xs)
    print(xs.pop(0), xs)
    print(xs.pop(-2), xs)
    print(xs.pop(1), xs)
    stack: list[str] = []
    for tok in "1 2 + 3 *".split():
        if tok == "+" or tok == "*":
            b = int(stack.pop())
            a = int(stack.pop())
            stack.append(str(a + b if tok == "+" else a * b))
        else:
            stack.append(tok)
    print(stack)
    queue = ["a", "b", "c"]
    order = ""
    while queue:
        item = queue.pop(0)
        order += item
        if item == "a":
            queue.append("d")
    print(order, queue)
