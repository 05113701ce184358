# SPDX-License-Identifier: GPL-3.0-or-later
# Every math function: sqrt, exp, log, log10, sin, cos, tan, atan2, fabs, pow, floor, ceil, isnan, isinf.
import math


def main() -> None:
    print(math.sqrt(2.0), math.sqrt(16.0), math.sqrt(0.0), math.sqrt(-0.0), math.sqrt(1e-300), math.sqrt(math.inf))
    print(math.exp(0.0), math.exp(1.0), math.exp(-1.0), math.exp(700.0), math.exp(-1000.0), math.exp(-math.inf))
    print(math.log(1.0), math.log(math.e), math.log(10.0), math.log(1e-300), math.log(math.inf), math.log(5e-324))
    print(math.log10(1000.0), math.log10(2.0), math.log10(1e-10), math.log10(0.5), math.log10(1e308))
    print(math.sin(0.0), math.sin(math.pi / 2), math.sin(math.pi), math.sin(-0.0), math.sin(1e10))
    print(math.cos(0.0), math.cos(math.pi), math.cos(math.pi / 3), math.cos(1.0))
    print(math.tan(0.0), math.tan(math.pi / 4), math.tan(1.0), math.tan(-1.5))
    print(math.atan2(1.0, 1.0), math.atan2(-1.0, -1.0), math.atan2(0.0, -1.0), math.atan2(-0.0, -1.0), math.atan2(1.0, 0.0))
    print(math.fabs(-3.5), math.fabs(2.0), math.fabs(-0.0), math.pow(2.0, 10.0), math.pow(2.0, 0.5), math.pow(-2.0, 3.0))
    print(math.pow(0.0, 0.0), math.pow(math.nan, 0.0), math.pow(1.0, math.nan), math.pow(10.0, -2.0))
    print(math.floor(2.7), math.floor(-2.7), math.floor(5.0), math.ceil(2.1), math.ceil(-2.1), math.ceil(-0.5), math.floor(1e18))
    print(math.isnan(math.nan), math.isnan(1.0), math.isinf(math.inf), math.isinf(-math.inf), math.isinf(1e308))
    print(math.sqrt(4), math.exp(1), math.log(100), math.floor(7), math.ceil(-7), math.fabs(-3), math.pow(3, 2))
