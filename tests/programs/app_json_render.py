# SPDX-License-Identifier: GPL-3.0-or-later
# Building JSON text by hand from nested dataclasses, lists and dicts, with string escaping.
from dataclasses import dataclass


@dataclass
class Tag:
    name: str
    weight: float

@dataclass
class Post:
    id: int
    title: str
    tags: list[Tag]
    meta: dict[str, int]
    draft: bool = False


def quote(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def post_json(p: Post) -> str:
    tags: list[str] = []
    for t in p.tags:
        tags.append("{" + f'"name": {quote(t.name)}, "weight": {t.weight!r}' + "}")
    meta = ""
    for k, v in p.meta.items():
        meta += (", " if meta else "") + f"{quote(k)}: {v}"
    return "{" + f'"id": {p.id}, "title": {quote(p.title)}, "tags": [{", ".join(tags)}], "meta": {{{meta}}}, "draft": {str(p.draft).lower()}' + "}"


def main() -> None:
    posts = [Post(1, "Hello", [Tag("intro", 1.0), Tag("misc", 0.25)], {"views": 10}),
             Post(2, 'Say "hi"\nnow', [], {}, True),
             Post(3, "back\\slash", [Tag("x", 1e-7)], {"likes": -3, "shares": 0})]
    for p in posts:
        print(post_json(p))
    print(posts[1], posts[0].tags[1])
