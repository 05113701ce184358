# SPDX-License-Identifier: GPL-3.0-or-later
# A matrix class: classmethod and staticmethod constructors, methods returning new matrices, properties, power by squaring.
from dataclasses import dataclass


@dataclass
class Matrix:
    rows: list[list[int]]

    @classmethod
    def identity(cls, n: int) -> "Matrix":
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    @staticmethod
    def filled(n: int, m: int, value: int) -> "Matrix":
        return Matrix([[value] * m for _ in range(n)])

    @property
    def shape(self) -> tuple[int, int]:
        return (len(self.rows), len(self.rows[0]))

    def at(self, i: int, j: int) -> int:
        return self.rows[i][j]

    def transpose(self) -> "Matrix":
        n, m = self.shape
        return Matrix([[self.rows[i][j] for i in range(n)] for j in range(m)])

    def add(self, other: "Matrix") -> "Matrix":
        if self.shape != other.shape:
            raise ValueError(f"shape mismatch {self.shape} vs {other.shape}")
        return Matrix([[a + b for a, b in zip(r, s)] for r, s in zip(self.rows, other.rows)])

    def mul(self, other: "Matrix") -> "Matrix":
        n, k = self.shape
        k2, m = other.shape
        if k != k2:
            raise ValueError(f"cannot multiply {n}x{k} by {k2}x{m}")
        cols = other.transpose().rows
        return Matrix([[sum(a * b for a, b in zip(row, col)) for col in cols] for row in self.rows])

    def power(self, e: int) -> "Matrix":
        result = Matrix.identity(self.shape[0])
        base = self
        while e > 0:
            if e % 2 == 1:
                result = result.mul(base)
            base = base.mul(base)
            e //= 2
        return result

    def trace(self) -> int:
        return sum(self.at(i, i) for i in range(min(self.shape)))

    def show(self) -> str:
        return " / ".join(" ".join(f"{v:3}" for v in row) for row in self.rows)


def main() -> None:
    a = Matrix([[1, 2, 3], [4, 5, 6]])
    b = Matrix.filled(3, 2, 1)
    print(a.shape, b.shape, a.transpose().show())
    print(a.mul(b).show(), "|", b.mul(a).show())
    print(Matrix.identity(3).show(), a.add(a).show())
    fib = Matrix([[1, 1], [1, 0]])
    print([fib.power(n).at(0, 1) for n in range(1, 15)])
    print(fib.power(60).at(0, 1), fib.power(10).trace())
    for x, y in [(a, a), (a, b), (b, b)]:
        try:
            print(x.mul(y).shape)
        except ValueError as e:
            print("error:", e)
    try:
        a.add(b)
    except ValueError as e:
        print("error:", e)
    mats = [a, b, Matrix.identity(4), fib]
    print([m.shape for m in sorted(mats, key=lambda m: m.shape[0] * m.shape[1])])
    print(a, a.rows[1][2])
