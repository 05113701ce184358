# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: an exception raised inside an except block (with "from e") is the one reported, at its line.


def parse_port(text: str) -> int:
    try:
        port = int(text)
    except ValueError as e:
        raise RuntimeError(f"bad port {text!r}") from e
    if not 0 < port < 65536:
        raise ValueError(f"port {port} out of range")
    return port


def main() -> None:
    for text in ["8080", "70000", " 443 "]:
        try:
            print("port", parse_port(text))
        except ValueError as e:
            print("rejected:", e)
    print("port", parse_port("http"))
