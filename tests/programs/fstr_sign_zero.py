# SPDX-License-Identifier: GPL-3.0-or-later
# Format spec sign options (+, -, space) and zero padding with ints, floats, negative zero.


def main() -> None:
    for n in [0, 7, -7]:
        print(f"[{n:+}] [{n:-}] [{n: }] [{n:+5}] [{n: 5}] [{n:05}] [{n:+05}] [{n: 05}]")
    for x in [0.0, -0.0, 2.5, -2.5]:
        print(f"[{x:+}] [{x: }] [{x:+.1f}] [{x: .2f}] [{x:08.3f}] [{x:+08.2f}] [{x:-08.1f}]")
    print(f"{-12:05}", f"{12:05d}", f"{-5:05d}", f"{123456:03}", f"{-0.5:06}")
    print(f"[{3:+d}] [{-3:+x}] [{255:+o}] [{5: b}] [{1.5:+e}] [{-1.5: g}] [{0.25:+%}]")
    print(f"[{42:010,}] [{-1234:010,}] [{1234.5:012,.2f}] [{-1.0:+010.3f}]")
