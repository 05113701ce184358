# SPDX-License-Identifier: GPL-3.0-or-later
# Round-robin job scheduler with a list used as a queue: pop(0), append, insert for priority jobs.
from dataclasses import dataclass


@dataclass
class Job:
    name: str
    remaining: int
    priority: bool = False


def run(jobs: list[Job], quantum: int) -> list[str]:
    queue: list[Job] = []
    for j in jobs:
        if j.priority:
            queue.insert(0, j)
        else:
            queue.append(j)
    clock = 0
    done: list[str] = []
    while len(queue) > 0:
        job = queue.pop(0)
        used = min(quantum, job.remaining)
        clock += used
        job.remaining -= used
        if job.remaining > 0:
            queue.insert(1 if job.priority and len(queue) > 0 else len(queue), job)
        else:
            done.append(f"{job.name}@{clock}")
    return done


def main() -> None:
    print(run([Job("a", 5), Job("b", 2), Job("c", 7, True), Job("d", 1)], 2))
    print(run([Job("x", 3)], 10), run([], 1))
    print(run([Job("p", 4, True), Job("q", 4, True), Job("r", 3)], 3))
