# SPDX-License-Identifier: GPL-3.0-or-later
# String templating: {{name}} and {{name|upper}} placeholders filled from a dict, missing keys kept.


def apply_filter(value: str, flt: str) -> str:
    if flt == "upper":
        return value.upper()
    if flt == "title":
        return value.title()
    return value.zfill(int(flt[3:])) if flt.startswith("pad") else str(len(value))


def render(tpl: str, ctx: dict[str, str]) -> str:
    out = ""
    i = 0
    while True:
        start = tpl.find("{{", i)
        end = tpl.find("}}", start)
        if start < 0 or end < 0:
            return out + tpl[i:]
        out += tpl[i:start]
        expr = tpl[start + 2:end].strip()
        parts = expr.split("|")
        name = parts[0].strip()
        if name in ctx:
            value = ctx[name]
            for flt in parts[1:]:
                value = apply_filter(value, flt.strip())
            out += value
        else:
            out += tpl[start:end + 2]
        i = end + 2


def main() -> None:
    ctx = {"user": "ada lovelace", "n": "7", "item": "widget"}
    for tpl in ["Hi {{user}}!", "{{ user | title }} ordered {{n|pad3}} x {{item|upper}}", "{{missing}} and {{ n|len }}",
                "no placeholders", "{{user", "{{}}{{n}}{{n}}", f"{{{{n}}}} is {ctx['n']!r}"]:
        print(repr(render(tpl, ctx)))
