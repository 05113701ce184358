# SPDX-License-Identifier: GPL-3.0-or-later
# Run-time error: a queue simulation pops from an empty list when consumers outpace producers.


def tick(queue: list[str], produced: int, consumed: int, t: int) -> None:
    for i in range(produced):
        queue.append(f"job{t}.{i}")
    for _ in range(consumed):
        job = queue.pop(0)
        print(f"t={t} served {job}, waiting {len(queue)}")


def main() -> None:
    queue: list[str] = []
    plan = [(3, 1), (0, 2), (2, 1), (1, 3)]
    for t, (p, c) in enumerate(plan):
        tick(queue, p, c, t)
    print("queue at end:", queue)
