# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: integer modulo by zero in a hashing helper when a computed bucket count reaches 0.


def bucket(key: str, buckets: int) -> int:
    h = 0
    for c in key:
        h = (h * 31 + ord(c)) % 1000003
    return h % buckets


def distribute(keys: list[str], shards: int) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for k in keys:
        out.setdefault(f"shard{bucket(k, shards)}", []).append(k)
    return out


def main() -> None:
    keys = ["alpha", "beta", "gamma", "delta", "epsilon"]
    shards = 3
    while True:
        print(shards, distribute(keys, shards))
        shards -= 1
