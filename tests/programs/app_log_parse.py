# SPDX-License-Identifier: GPL-3.0-or-later
# Access-log analysis: parse fields, count status classes, per-path latency stats, slowest requests.

LOG = """10.0.0.1 GET /index 200 12.5
10.0.0.2 GET /api/items 200 48.0
10.0.0.1 POST /api/items 201 130.25
10.0.0.3 GET /missing 404 3.0
10.0.0.2 GET /api/items 500 999.9
garbage line
10.0.0.1 GET /index 304 1.75
10.0.0.4 GET /api/items 200 52.0"""


def main() -> None:
    classes: dict[str, int] = {}
    per_path: dict[str, list[float]] = {}
    by_ip: dict[str, int] = {}
    slow: list[tuple[float, str]] = []
    for line in LOG.split("\n"):
        f = line.split()
        if len(f) != 5:
            continue
        ip, method, path, status, ms = f[0], f[1], f[2], int(f[3]), float(f[4])
        key = f"{status // 100}xx"
        classes[key] = classes.get(key, 0) + 1
        per_path.setdefault(path, []).append(ms)
        by_ip[ip] = by_ip.get(ip, 0) + 1
        slow.append((-ms, f"{method} {path}"))
    print(classes)
    for path, times in per_path.items():
        print(f"{path:<12} n={len(times)} avg={sum(times) / len(times):8.3f} max={max(times):g} min={min(times)}")
    slow.sort()
    for neg, what in slow[:3]:
        print(f"{-neg:>8.2f}ms {what}")
    print(by_ip, max(by_ip.values()), sorted(by_ip.values()))
