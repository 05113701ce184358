# SPDX-License-Identifier: GPL-3.0-or-later
# Interval merging and free-slot finding over (start, end) tuples sorted by tuple order, as HH:MM text.


def minutes(hhmm: str) -> int:
    return int(hhmm[:2]) * 60 + int(hhmm[3:])


def hhmm(m: int) -> str:
    return f"{m // 60:02d}:{m % 60:02d}"


def merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if len(out) > 0 and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def main() -> None:
    meetings = ["10:30-11:15", "09:00-09:45", "11:00-12:00", "13:30-14:00", "09:40-10:00", "15:00-15:00", "13:00-13:30"]
    spans: list[tuple[int, int]] = []
    for m in meetings:
        spans.append((minutes(m[:5]), minutes(m[6:])))
    merged = merge(spans)
    busy = 0
    for s, e in merged:
        busy += e - s
        print(f"busy {hhmm(s)}-{hhmm(e)} ({e - s} min)")
    free: list[str] = []
    cursor = minutes("08:00")
    for s, e in merged + [(minutes("18:00"), minutes("18:00"))]:
        if s > cursor:
            free.append(f"{hhmm(cursor)}-{hhmm(s)}")
        cursor = max(cursor, e)
    print("free:", free)
    print(f"busy {busy} min = {busy / 600:.1%} of a 10h day", merge([]), merge([(5, 6), (1, 2), (2, 5)]))
