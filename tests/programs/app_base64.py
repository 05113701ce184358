# SPDX-License-Identifier: GPL-3.0-or-later
# Base64 and hex encoding of Latin-1 text by hand with bit shifts, masks and padding, and the round trip.

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def b64encode(s: str) -> str:
    out = ""
    for i in range(0, len(s), 3):
        chunk = s[i:i + 3]
        n = 0
        for c in chunk:
            n = n << 8 | ord(c)
        n <<= 8 * (3 - len(chunk))
        for k in range(4):
            out += ALPHABET[n >> (18 - 6 * k) & 0x3F] if k <= len(chunk) else "="
    return out


def b64decode(s: str) -> str:
    out = ""
    for i in range(0, len(s), 4):
        n = 0
        pad = 0
        for c in s[i:i + 4]:
            pad += 1 if c == "=" else 0
            n = n << 6 | (0 if c == "=" else ALPHABET.find(c))
        for k in range(3 - pad):
            out += chr(n >> (16 - 8 * k) & 0xFF)
    return out


def main() -> None:
    for s in ["", "f", "fo", "foo", "foob", "fooba", "foobar", "Hello, World!", "\x00\xff\x7f"]:
        e = b64encode(s)
        hexed = ""
        for c in s:
            hexed += f"{ord(c):02x}"
        print(f"{s!r:<16} {e:<22} {b64decode(e) == s} {hexed}")
