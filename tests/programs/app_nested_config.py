# SPDX-License-Identifier: GPL-3.0-or-later
# Layered configuration: merge nested dict[str, dict[str, str]] sections over defaults, typed lookups.

DEFAULTS = "server.port=8080;server.host=0.0.0.0;log.level=info;log.json=false;cache.ttl=60"


def parse(spec: str) -> dict[str, dict[str, str]]:
    cfg: dict[str, dict[str, str]] = {}
    for item in spec.split(";"):
        if "=" not in item or "." not in item:
            continue
        eq = item.find("=")
        path = item[:eq].strip()
        dot = path.find(".")
        cfg.setdefault(path[:dot], {})[path[dot + 1:]] = item[eq + 1:].strip()
    return cfg


def merge(base: dict[str, dict[str, str]], over: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for section, values in base.items():
        out[section] = {}
        for k, v in values.items():
            out[section][k] = v
    for section, values in over.items():
        target = out.setdefault(section, {})
        for k, v in values.items():
            target[k] = v
    return out


def main() -> None:
    cfg = merge(parse(DEFAULTS), parse("server.port = 9000; log.json=true; feature.beta=on; bad; cache.ttl=15;x=y"))
    print(cfg)
    port = int(cfg["server"]["port"])
    ttl = int(cfg.get("cache", {}).get("ttl", "0"))
    as_json = cfg["log"]["json"] == "true"
    print(port + 1, ttl * 60, as_json, cfg.get("missing", {"k": "v"}), len(cfg), sorted(cfg["server"]))
    print(parse(DEFAULTS) == parse(DEFAULTS.replace(";", " ;")), parse(""))
