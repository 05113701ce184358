# SPDX-License-Identifier: GPL-3.0-or-later
# A "key=value" config parser that collects errors per line instead of stopping at the first one.
from dataclasses import dataclass


class ParseError(Exception):
    pass


class DuplicateKey(ParseError):
    pass


@dataclass
class Config:
    port: int
    ratio: float
    name: str


def split_line(line: str) -> tuple[str, str]:
    if "=" not in line:
        raise ParseError(f"missing '=' in {line!r}")
    key, value = line.split("=", 1)
    key = key.strip()
    if not key:
        raise ParseError("empty key")
    return key, value.strip()


def parse(text: str, errors: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        try:
            key, value = split_line(line)
            if key in out:
                raise DuplicateKey(key)
            out[key] = value
        except DuplicateKey as e:
            errors.append(f"line {number}: duplicate key {e}")
        except ParseError as e:
            errors.append(f"line {number}: {e}")
    return out


def build(values: dict[str, str], errors: list[str]) -> Config:
    port = 0
    ratio = 1.0
    try:
        port = int(values["port"])
        ratio = float(values.get("ratio", "1.0"))
    except KeyError as e:
        errors.append(f"required key {e} is missing")
    except ValueError as e:
        errors.append(f"bad number: {e}")
    return Config(port, ratio, values.get("name", "unnamed"))


def main() -> None:
    texts = [
        "port = 8080\nratio=0.75\nname=api",
        "# comment\nport=80\nport=81\n=5\nname web\n",
        "ratio=2.5\nname=x=y",
        "port=80\nratio=fast",
        "port=eighty",
    ]
    for text in texts:
        errors: list[str] = []
        config = build(parse(text, errors), errors)
        print(config)
        for err in errors:
            print("  error:", err)
