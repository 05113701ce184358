# SPDX-License-Identifier: GPL-3.0-or-later
# Quoted annotations refer to classes defined further down, as Python writes them.
from dataclasses import dataclass
from typing import Optional


def make(name: str) -> "User":
    return User(name, None)


@dataclass
class Team:
    lead: Optional["User"]
    members: list["User"]


@dataclass
class User:
    name: str
    team: Optional[str]


def main() -> None:
    ann = make("ann")
    team = Team(ann, [ann, make("bob")])
    print(team)
    if team.lead is not None:
        print(team.lead.name.upper(), len(team.members))
