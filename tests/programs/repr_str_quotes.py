# SPDX-License-Identifier: GPL-3.0-or-later
# repr() of strings choosing single or double quotes, and escaping quotes and backslashes.


def main() -> None:
    samples = ["plain", "it's", 'say "hi"', "both ' and \"", "back\\slash", "", "'", '"', "\\", "'\"'"]
    for s in samples:
        print(repr(s), len(repr(s)))
    print(samples)
    print(repr("a\\'b"), repr('a\\"b'), repr(r"C:\new\table"), repr(r"\\"))
    print(str(samples[3]), [samples[1], samples[2]], (samples[4],))
    d = {"it's": 'say "x"'}
    print(d, repr(d), str(d))
