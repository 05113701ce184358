# SPDX-License-Identifier: GPL-3.0-or-later
# Semantic versions: parse into tuples, compare and sort, pick the newest match for a caret range.


def parse(v: str) -> tuple[int, int, int, str]:
    core = v.lstrip("v")
    pre = ""
    dash = core.find("-")
    if dash >= 0:
        core, pre = core[:dash], core[dash + 1:]
    nums = core.split(".")
    return int(nums[0]), int(nums[1]), int(nums[2]), pre if pre else "~"


def show(t: tuple[int, int, int, str]) -> str:
    major, minor, patch, pre = t
    return f"{major}.{minor}.{patch}" + ("" if pre == "~" else "-" + pre)


def caret_match(want: tuple[int, int, int, str], have: tuple[int, int, int, str]) -> bool:
    return have[3] == "~" and have >= want and have[0] == want[0] and (want[0] > 0 or have[1] == want[1])


def main() -> None:
    raw = ["1.2.3", "v1.10.0", "1.2.10", "1.2.3-beta", "2.0.0-rc.1", "2.0.0", "0.9.9", "0.10.1", "1.2.3-alpha", "0.10.0"]
    versions: list[tuple[int, int, int, str]] = []
    for v in raw:
        versions.append(parse(v))
    ordered = sorted(versions)
    line = ""
    for t in ordered:
        line += show(t) + " < "
    print(line[:-3])
    for req in ["1.2.0", "0.10.0", "2.0.0", "3.0.0"]:
        best = ""
        for t in ordered:
            best = show(t) if caret_match(parse(req), t) else best
        print(f"^{req:<7} -> {best or 'none'}")
    print(parse("v1.2.3-beta") > parse("1.2.3-alpha"), max(versions), min(versions)[3])
