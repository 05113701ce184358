#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generate tests/runtime/float_repr_cases.txt: doubles and how CPython's repr() prints them.

Usage: /usr/bin/python3 tests/runtime/make_float_cases.py [OUTPUT]

OUTPUT defaults to float_repr_cases.txt next to this script.  Each line is

    <16 lowercase hex digits: the IEEE 754 bits of the double> <repr(x) as CPython 3.11 prints it>

after a few header lines starting with '#'.  The cases are the classic hard ones
for shortest round-trip printing (extreme and subnormal values, powers of two and
ten with their neighbours, values near the points where repr switches between
positional and scientific notation, halfway and 17-digit cases), followed by
seeded random doubles.  inf, -inf and the NaNs come last, on lines of their own.
A double appears once, at its first occurrence.  The output is deterministic.
"""

import math
import os
import random
import struct
import sys

SEED = 20241125


def bits_of(x):
    return struct.unpack(">Q", struct.pack(">d", x))[0]


def from_bits(b):
    return struct.unpack(">d", struct.pack(">Q", b))[0]


def finite(x):
    return not (math.isinf(x) or math.isnan(x))


def with_neighbours(x, count=1):
    """x and the `count` doubles on each side of it (finite ones only)."""
    out = [x]
    lo = hi = x
    for _ in range(count):
        lo = math.nextafter(lo, -math.inf)
        hi = math.nextafter(hi, math.inf)
        out += [lo, hi]
    return [v for v in out if finite(v)]


def classic_cases():
    """Named values known to be hard for shortest round-trip printing."""
    texts = [
        "0.0", "-0.0", "5e-324", "-5e-324", "1e-323", "1.5e-323", "2.5e-323",
        "2.2250738585072014e-308", "2.225073858507201e-308", "2.2250738585072009e-308",
        "2.2250738585072011e-308", "4.9406564584124654e-324", "2.4703282292062328e-324",
        "1.7976931348623157e308", "-1.7976931348623157e308", "1.7976931348623155e308",
        "8.98846567431158e307", "0.1", "0.2", "0.3", "0.7", "1.1", "2.675", "1.005", "4.35",
        "0.30000000000000004", "0.1e-5", "1e23", "1e22", "1e21", "9.999999999999999e22",
        "1.0000000000000001e23", "8.41e21", "8.410000000000001e21", "5e22", "9.5e21",
        "7.038531e-26", "9.007199254740993e15", "123456789012345678", "1.9156918820264798e-56",
        "6.6564021122018745e264", "4.940656458412465e-324", "2.0", "1.0000000000000002",
        "0.9999999999999999", "0.99999999999999994", "1.9999999999999998", "2.0000000000000004",
        "3.141592653589793", "2.718281828459045", "1.4142135623730951", "0.6931471805599453",
        "1.7976931348623158e308", "9007199254740991", "9007199254740992", "9007199254740994",
        "9007199254740996", "4503599627370496.5", "4503599627370497.5", "1e15", "1e16", "1e17",
        "9999999999999998", "9999999999999999", "999999999999999.9", "999999999999999.8",
        "1e-4", "1e-5", "9.999999999999999e-05", "0.00010000000000000002", "1.5e-05",
        "0.00012", "9.9e-05", "123456.789e3", "1.2345678901234567e-300", "5.551115123125783e-17",
        "2.220446049250313e-16", "1.1102230246251565e-16", "4.440892098500626e-16",
        "3.0517578125e-05", "6.103515625e-05", "0.000244140625", "1e-07", "1e-300", "1e300",
        "1e308", "1e-308", "1e-320", "1.2345e-310", "2.5e-324", "3e-324", "7.4e-324",
        "1e+100", "1.23e+45", "4.9e-324", "2.9802322387695312e-08", "1.401298464324817e-45",
        "3.4028234663852886e+38", "1.1754943508222875e-38", "65504.0", "6.103515625e-05",
        "9223372036854775807", "9223372036854775808", "18446744073709551616", "1e19", "1e20",
        "100.00000000000001", "110.00000000000001", "114.99999999999999", "0.8999999999999999",
        "1.2e-322", "0.5", "0.25", "0.125", "0.375", "1.5", "2.5", "3.5", "123.456",
        "299792458.0", "6.02214076e23", "1.602176634e-19", "6.62607015e-34", "1.380649e-23",
    ]
    values = [float(t) for t in texts]
    values.append(0.1 + 0.2)
    values.append(1.0 / 3.0)
    values.append(2.0 / 3.0)
    values.append(1.1 * 3.0)
    values.append(100.0 * 1.1)
    out = []
    for v in values:
        out += with_neighbours(v)
        out += [-w for w in with_neighbours(v)]
    # Around 2**53 and 2**63 the spacing of doubles passes 1 and 2.
    for k in (52, 53, 54, 62, 63, 64):
        out += with_neighbours(2.0 ** k, 3)
    return out


def power_cases():
    """Every power of two, and every power of ten in range with neighbours."""
    out = []
    for e in range(-1074, 1024):
        out.append(math.ldexp(1.0, e))
    for e in range(-1074, 1024, 7):
        out += with_neighbours(math.ldexp(1.0, e))
    for e in range(-323, 309):
        out += with_neighbours(float(f"1e{e}"))
    for e in range(-323, 309, 5):
        out.append(-float(f"1e{e}"))
    return out


def notation_boundary_cases():
    """Values near 1e16 and 1e-4, where repr switches notation, and near other decades."""
    out = []
    for center in (1e16, 1e15, 1e-4, 1e-5, 1e-3, 1e17, 1e14):
        out += with_neighbours(center, 6)
    for mantissa in ("9.5", "9.9", "9.99", "9.999999999999998", "9.999999999999999", "1.0000000000000002"):
        for e in (-6, -5, -4, 14, 15, 16):
            out += with_neighbours(float(f"{mantissa}e{e}"))
    out += [float(n) for n in range(0, 101)]
    out += [n + 0.5 for n in range(0, 20)]
    return out


def subnormal_cases():
    """Subnormal boundaries and a sample of subnormal patterns."""
    out = []
    for b in (1, 2, 3, 4, 5, 9, 10, 99, 100, 1000, 0x000FFFFFFFFFFFFF, 0x000FFFFFFFFFFFFE,
              0x0008000000000000, 0x0007FFFFFFFFFFFF, 0x0010000000000000, 0x0010000000000001):
        out.append(from_bits(b))
    rng = random.Random(SEED + 1)
    for _ in range(60):
        out.append(from_bits(rng.getrandbits(52)))
    return out


def short_decimal_cases():
    """Doubles read from short decimal strings: repr must give back the short form."""
    rng = random.Random(SEED + 2)
    out = []
    for _ in range(400):
        digits = rng.randint(1, 17)
        mantissa = str(rng.randint(10 ** (digits - 1), 10 ** digits - 1))
        exponent = rng.randint(-330, 310)
        x = float(f"{mantissa}e{exponent}")
        if finite(x) and x != 0.0:
            out.append(x)
    return out


def random_bit_cases():
    """Seeded random bit patterns over all exponents; NaN and infinity patterns are skipped."""
    rng = random.Random(SEED)
    out = []
    while len(out) < 1500:
        b = rng.getrandbits(64)
        if (b >> 52) & 0x7FF == 0x7FF:
            continue
        out.append(from_bits(b))
    # Uniform in the exponent field, so every decade is covered several times.
    for biased in range(0, 2047):
        b = (rng.getrandbits(1) << 63) | (biased << 52) | rng.getrandbits(52)
        out.append(from_bits(b))
    return out


def special_lines():
    return [
        ("7ff0000000000000", repr(math.inf)),
        ("fff0000000000000", repr(-math.inf)),
        ("7ff8000000000000", repr(math.nan)),
        ("fff8000000000000", repr(from_bits(0xFFF8000000000000))),
    ]


def main(argv):
    target = argv[1] if len(argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                         "float_repr_cases.txt")
    seen = set()
    lines = [
        "# Doubles and their repr() in CPython 3.11: <16 hex digits of the IEEE 754 bits> <repr>.",
        "# Generated by tests/runtime/make_float_cases.py (deterministic); do not edit by hand.",
        "# Classic hard cases, powers of two and ten with neighbours, notation boundaries,",
        "# subnormals, short decimals, seeded random doubles; inf, -inf and NaNs at the end.",
    ]
    groups = (classic_cases(), power_cases(), notation_boundary_cases(), subnormal_cases(),
              short_decimal_cases(), random_bit_cases())
    for group in groups:
        for x in group:
            b = bits_of(x)
            if b in seen or not finite(x):
                continue
            seen.add(b)
            text = repr(x)
            assert float(text) == x and bits_of(float(text)) == b, (hex(b), text)
            lines.append(f"{b:016x} {text}")
    for hexbits, text in special_lines():
        lines.append(f"{hexbits} {text}")
    with open(target, "w", encoding="ascii", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print(f"{target}: {len(lines) - 4} cases", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
