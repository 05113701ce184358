# SPDX-License-Identifier: GPL-3.0-or-later
# Dict state in a session store: pop and re-insert moves keys to the end, setdefault lists, equality.


def touch(sessions: dict[str, int], sid: str, now: int) -> None:
    sessions.pop(sid, 0)
    sessions[sid] = now


def expire(sessions: dict[str, int], now: int, ttl: int) -> list[str]:
    gone: list[str] = []
    for sid, seen in sessions.items():
        if now - seen > ttl:
            gone.append(sid)
    for sid in gone:
        sessions.pop(sid)
    return gone


def main() -> None:
    sessions: dict[str, int] = {}
    for sid, t in [("a", 1), ("b", 2), ("c", 3), ("a", 5), ("d", 6), ("b", 9)]:
        touch(sessions, sid, t)
        print(t, sessions)
    print("expired:", expire(sessions, 12, 6), sessions)
    events: dict[str, list[int]] = {}
    for i, kind in enumerate(["click", "view", "click", "buy", "view", "click"]):
        events.setdefault(kind, []).append(i)
    print(events, events == {"view": [1, 4], "click": [0, 2, 5], "buy": [3]}, list_keys(events))
    nested = {"x": {"n": 1}, "y": {}}
    nested["y"]["n"] = nested["x"].get("n", 0) + 1
    nested.setdefault("z", {})["n"] = 3
    print(nested, nested["x"] != nested["y"], len(nested), "n" in nested["z"], "m" in nested)


def list_keys(d: dict[str, list[int]]) -> list[str]:
    out: list[str] = []
    for k in d.keys():
        out.append(k)
    return out
