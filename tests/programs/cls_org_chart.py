# SPDX-License-Identifier: GPL-3.0-or-later
# Recursion through methods without a recursive type: an org chart keyed by name, walked by methods that call themselves.
from dataclasses import dataclass, field


class UnknownPerson(Exception):
    pass


@dataclass
class OrgChart:
    boss_of: dict[str, str] = field(default_factory=dict)
    reports: dict[str, list[str]] = field(default_factory=dict)
    salary: dict[str, int] = field(default_factory=dict)

    def hire(self, name: str, boss: str, pay: int) -> None:
        if boss != "" and boss not in self.salary:
            raise UnknownPerson(boss)
        self.salary[name] = pay
        self.reports[name] = []
        if boss != "":
            self.boss_of[name] = boss
            self.reports[boss].append(name)

    def headcount(self, name: str) -> int:
        return 1 + sum([self.headcount(r) for r in self.reports[name]])

    def cost(self, name: str) -> int:
        total = self.salary[name]
        for r in self.reports[name]:
            total += self.cost(r)
        return total

    def chain(self, name: str) -> list[str]:
        if name not in self.boss_of:
            return [name]
        return [name] + self.chain(self.boss_of[name])

    def depth(self, name: str) -> int:
        return len(self.chain(name)) - 1

    def render(self, name: str, out: list[str]) -> None:
        out.append(f"{'  ' * self.depth(name)}{name} team={self.headcount(name)} cost={self.cost(name)}")
        for r in sorted(self.reports[name], key=lambda n: (-self.cost(n), n)):
            self.render(r, out)

    def common_boss(self, a: str, b: str) -> str:
        above = set(self.chain(a))
        for name in self.chain(b):
            if name in above:
                return name
        return ""


def main() -> None:
    org = OrgChart()
    org.hire("ceo", "", 300)
    for name, boss, pay in [("cto", "ceo", 200), ("cfo", "ceo", 190), ("dev1", "cto", 120), ("dev2", "cto", 125),
                            ("ops", "cto", 110), ("intern", "dev2", 30), ("acct", "cfo", 90)]:
        org.hire(name, boss, pay)
    try:
        org.hire("ghost", "vp", 100)
    except UnknownPerson as e:
        print("unknown boss:", e)
    lines: list[str] = []
    org.render("ceo", lines)
    print("\n".join(lines))
    print(org.chain("intern"), org.depth("intern"), org.depth("ceo"))
    print(org.common_boss("intern", "ops"), org.common_boss("acct", "dev1"), org.common_boss("dev2", "intern"))
    print(sorted(org.salary, key=lambda n: (org.depth(n), -org.headcount(n), n)))
