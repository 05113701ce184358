# SPDX-License-Identifier: GPL-3.0-or-later
# Pagination math: page counts by ceiling division, offsets, clamping, and a window of page links.


def page_count(total: int, per_page: int) -> int:
    return max(1, -(-total // per_page))


def window(page: int, pages: int, width: int = 5) -> list[int]:
    start = max(1, page - width // 2)
    end = min(pages, start + width - 1)
    start = max(1, end - width + 1)
    out: list[int] = []
    for p in range(start, end + 1):
        out.append(p)
    return out


def describe(total: int, per_page: int, page: int) -> str:
    pages = page_count(total, per_page)
    page = min(max(page, 1), pages)
    first = (page - 1) * per_page
    last = min(first + per_page, total)
    links = ""
    for p in window(page, pages):
        links += f"[{p}]" if p == page else f" {p} "
    prev = "<" if page > 1 else " "
    nxt = ">" if page < pages else " "
    return f"{first + 1 if total else 0:>4}-{last:<4} of {total:<4} page {page:>2}/{pages:<2} {prev}{links}{nxt}"


def main() -> None:
    cases = [(0, 10, 1), (7, 10, 1), (10, 10, 2), (95, 10, 1), (95, 10, 5), (95, 10, 10), (95, 10, 99),
             (1000, 25, 20), (1000, 25, -3), (3, 1, 2), (101, 20, 6)]
    for total, per, page in cases:
        print(describe(total, per, page))
    print(window(1, 2), window(9, 9, 3), window(5, 100, 4))
