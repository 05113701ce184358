# SPDX-License-Identifier: GPL-3.0-or-later
# Bracket matching with a list stack: report the first error position, nesting depth and pair spans.

PAIRS = {")": "(", "]": "[", "}": "{"}


def check(s: str) -> str:
    stack: list[tuple[str, int]] = []
    depth = 0
    spans: list[tuple[int, int]] = []
    for i, c in enumerate(s):
        if c in "([{":
            stack.append((c, i))
            depth = max(depth, len(stack))
        elif c in PAIRS:
            if len(stack) == 0:
                return f"unexpected {c!r} at {i}"
            opener, at = stack.pop()
            if opener != PAIRS[c]:
                return f"mismatch {opener}{c} at {at}..{i}"
            spans.append((at, i))
    if len(stack) > 0:
        return f"unclosed {stack[-1][0]!r} at {stack[-1][1]}"
    spans.sort()
    return f"ok depth={depth} spans={spans}"


def main() -> None:
    for s in ["", "()", "([]{})", "f(a[1], {b: (c)})", "(]", "((", "())", "{[()()]}[", "x = [1, 2, {3: (4)}]", "}{"]:
        print(f"{s!r:<24} {check(s)}")
