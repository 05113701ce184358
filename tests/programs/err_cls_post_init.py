# SPDX-License-Identifier: GPL-3.0-or-later
# An uncaught ValueError raised by __post_init__ validation, reached through a classmethod constructor.
from dataclasses import dataclass


@dataclass
class Temperature:
    kelvin: float

    def __post_init__(self) -> None:
        if self.kelvin < 0.0:
            raise ValueError(f"below absolute zero: {self.kelvin}")

    @classmethod
    def celsius(cls, c: float) -> "Temperature":
        return cls(c + 273.15)

    def as_celsius(self) -> float:
        return round(self.kelvin - 273.15, 2)


def main() -> None:
    for c in [20.0, -40.0, -273.0]:
        t = Temperature.celsius(c)
        print(c, t.kelvin, t.as_celsius())
    print(Temperature.celsius(-300.0))
