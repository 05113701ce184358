# SPDX-License-Identifier: GPL-3.0-or-later
# A tokenizer object with a position field and a recursive-descent evaluator built from methods that call each other.
from dataclasses import dataclass, field


class ParseError(Exception):
    pass


@dataclass
class Token:
    kind: str
    text: str


@dataclass
class Lexer:
    src: str
    pos: int = 0

    def peek_char(self) -> str:
        return self.src[self.pos] if self.pos < len(self.src) else ""

    def next_token(self) -> Token:
        while self.peek_char() == " ":
            self.pos += 1
        c = self.peek_char()
        if c == "":
            return Token("end", "")
        start = self.pos
        if c.isdigit():
            while self.peek_char().isdigit():
                self.pos += 1
            return Token("num", self.src[start:self.pos])
        if c.isalpha():
            while self.peek_char().isalpha() or self.peek_char().isdigit():
                self.pos += 1
            return Token("name", self.src[start:self.pos])
        if c in "+-*/()":
            self.pos += 1
            return Token("op", c)
        raise ParseError(f"unexpected {c!r} at {self.pos}")

    def tokens(self) -> list[Token]:
        out: list[Token] = []
        while True:
            t = self.next_token()
            out.append(t)
            if t.kind == "end":
                return out


@dataclass
class Parser:
    toks: list[Token]
    env: dict[str, int] = field(default_factory=dict)
    i: int = 0

    @classmethod
    def of(cls, text: str, env: dict[str, int]) -> "Parser":
        return cls(Lexer(text).tokens(), env)

    @property
    def cur(self) -> Token:
        return self.toks[self.i]

    def eat(self, text: str) -> bool:
        if self.cur.kind == "op" and self.cur.text == text:
            self.i += 1
            return True
        return False

    def expr(self) -> int:
        value = self.term()
        while True:
            if self.eat("+"):
                value += self.term()
            elif self.eat("-"):
                value -= self.term()
            else:
                return value

    def term(self) -> int:
        value = self.atom()
        while True:
            if self.eat("*"):
                value *= self.atom()
            elif self.eat("/"):
                value //= self.atom()
            else:
                return value

    def atom(self) -> int:
        t = self.cur
        self.i += 1
        if t.kind == "num":
            return int(t.text)
        if t.kind == "name":
            if t.text not in self.env:
                raise ParseError(f"unknown name {t.text}")
            return self.env[t.text]
        if t.kind == "op" and t.text == "-":
            return -self.atom()
        if t.kind == "op" and t.text == "(":
            v = self.expr()
            if not self.eat(")"):
                raise ParseError(f"expected ) at token {self.i}")
            return v
        raise ParseError(f"unexpected {t.kind} {t.text!r}")


def main() -> None:
    print([f"{t.kind}:{t.text}" for t in Lexer("x1 + 42*(y - 7)").tokens()])
    env = {"x": 6, "y": 10, "big": 1000000}
    for text in ["1 + 2 * 3", "(1 + 2) * 3", "x * y - 4 / 2", "-x + -(y - 3)", "big * big - 1",
                 "10 - 3 - 2", "2 * (3 + 4) * 5", "z + 1", "(1 + 2", "3 $ 4", "4 + *"]:
        try:
            p = Parser.of(text, env)
            v = p.expr()
            print(f"{text} = {v} (tokens used {p.i} of {len(p.toks)})")
        except ParseError as e:
            print(f"{text} -> error: {e}")
    lx = Lexer("  abc  12")
    first = lx.next_token()
    print(first, lx.pos, lx.next_token(), lx.pos, lx.next_token(), lx)
