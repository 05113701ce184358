# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: popping from an empty list raises IndexError 'pop from empty list'.


def main() -> None:
    stack = [1, 2]
    print(stack.pop(), stack.pop())
    print(stack)
    stack.append(3)
    while True:
        print(stack.pop())
