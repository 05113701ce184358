# SPDX-License-Identifier: GPL-3.0-or-later
# Slugify titles: lowercase, keep alphanumerics, collapse separators, trim, truncate, dedupe slugs.


def slugify(title: str, max_len: int = 24) -> str:
    out = ""
    pending = False
    for c in title.lower():
        if ("a" <= c <= "z") or c.isdigit():
            if pending and out != "":
                out += "-"
            out += c
            pending = False
        else:
            pending = True
    if len(out) > max_len:
        out = out[:max_len].rstrip("-")
    return out if out else "untitled"


def unique(slug: str, seen: dict[str, int]) -> str:
    n = seen.get(slug, 0)
    seen[slug] = n + 1
    return slug if n == 0 else f"{slug}-{n + 1}"


def main() -> None:
    seen: dict[str, int] = {}
    titles = ["Hello, World!", "  Hello   world ", "C++ & Rust: a comparison", "Ünïcödé ftw", "???",
              "A very long title that keeps going and going", "2024 -- year in review", "hello-world"]
    for t in titles:
        s = slugify(t)
        print(f"{t!r:<50} {s:<26} {unique(s, seen)}")
    print(seen)
    print(slugify("abc def", max_len=4), slugify("abcd-efg", 5))
