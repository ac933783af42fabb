"""The rules engine: the catalog's rules whose conditions hold for a profile."""

from __future__ import annotations

import re
from typing import Any

from planner.catalog.model import Catalog
from planner.catalog.rules import Rule
from planner.engine.conditions import evaluate, facts_of
from planner.profile.model import Profile

PLACEHOLDER_UNIT = re.compile(r"\{([a-z_.]+)\}( (?:hours|weeks|days|items))?")


def fill(template: str, facts: dict[str, Any], titles: dict[str, str] | None = None) -> str:
    """Substitute {field} placeholders; user text is data, never a format string.

    Ids in a list read as their titles; "{hours_per_week} hours" reads "1 hour" for 1.
    """

    def value(match: re.Match[str]) -> str:
        v = facts.get(match.group(1), match.group(0))
        unit = match.group(2) or ""
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        if v == 1 and unit:
            unit = unit[:-1]
        if isinstance(v, list):
            return ", ".join(str((titles or {}).get(x, x)) for x in v) + unit
        return str(v) + unit

    return PLACEHOLDER_UNIT.sub(value, template)


Fired = tuple[Rule, str, tuple[str, ...]]  # the rule, its filled-in why, what matched


def fired_rules(profile: Profile, catalog: Catalog) -> list[Fired]:
    """The rules whose conditions hold, in file order, with their reason and trace."""
    facts = facts_of(profile)
    titles = {i.id: i.title for i in catalog.items.values()}
    titles |= {i.id: i.title for i in catalog.interests.values()}
    out = []
    for rule in catalog.rules:
        held, trace = evaluate(rule.when, facts)
        if held:
            matched = tuple(
                dict.fromkeys(
                    f"{leaf.field} = {fill('{' + leaf.field + '}', facts)}" for leaf in trace
                )
            )
            out.append((rule, fill(rule.why, facts, titles), matched))
    return out
