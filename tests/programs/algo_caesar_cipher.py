# SPDX-License-Identifier: GPL-3.0-or-later
# Caesar and Vigenere ciphers with ord/chr and floor modulo of negative shifts.


def shift_char(ch: str, k: int) -> str:
    if "a" <= ch <= "z":
        return chr((ord(ch) - ord("a") + k) % 26 + ord("a"))
    if "A" <= ch <= "Z":
        return chr((ord(ch) - ord("A") + k) % 26 + ord("A"))
    return ch


def caesar(s: str, k: int) -> str:
    out = ""
    for ch in s:
        out += shift_char(ch, k)
    return out


def vigenere(s: str, key: str, sign: int) -> str:
    out = ""
    for i, ch in enumerate(s):
        out += shift_char(ch, sign * (ord(key[i % len(key)]) - ord("a")))
    return out


def main() -> None:
    msg = "Hello, World! xyz"
    for k in [3, -3, 26, -27, 52]:
        enc = caesar(msg, k)
        print(k, enc, caesar(enc, -k) == msg)
    v = vigenere("attack at dawn", "lemon", 1)
    print(v, vigenere(v, "lemon", -1))
