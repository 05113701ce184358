# SPDX-License-Identifier: GPL-3.0-or-later
# Retry loop: a flaky call fails a set number of times; break/continue inside try, else and finally per attempt.


class TransientError(Exception):
    pass


class PermanentError(Exception):
    pass


FAILURES_LEFT: dict[str, int] = {"alpha": 2, "beta": 0, "gamma": 5, "delta": 1}
CALLS: list[str] = []


def call_backend(name: str) -> int:
    CALLS.append(name)
    if name == "omega":
        raise PermanentError(f"{name} is gone")
    left = FAILURES_LEFT[name]
    if left > 0:
        FAILURES_LEFT[name] = left - 1
        if left % 2 == 0:
            raise TimeoutError(f"{name} timed out")
        raise TransientError(f"{name} busy ({left} left)")
    return len(name) * 10


def fetch_with_retry(name: str, max_attempts: int) -> str:
    attempt = 0
    result = "gave up"
    while attempt < max_attempts:
        attempt += 1
        try:
            value = call_backend(name)
        except (TransientError, TimeoutError) as e:
            print(f"  attempt {attempt}: {type(e).__name__}: {e}")
            continue
        except PermanentError as e:
            result = f"failed permanently: {e}"
            break
        except KeyError as e:
            result = f"unknown backend {e}"
            break
        else:
            result = f"value {value} after {attempt} attempt(s)"
            break
        finally:
            print(f"  attempt {attempt} finished")
    return result


def main() -> None:
    for name in ["alpha", "beta", "gamma", "omega", "zeta", "delta"]:
        print(name)
        print(" ", fetch_with_retry(name, 3))
    print(len(CALLS), CALLS.count("gamma"), FAILURES_LEFT)
