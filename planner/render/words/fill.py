"""A rule's why with its {field} slots filled from the answers its firing recorded."""

from __future__ import annotations

import re

from planner.facts import RuleFiring, Value

PLACEHOLDER_UNIT = re.compile(r"\{([a-z_.]+)\}( (?:hours|weeks|days|items))?")


def fill(template: str, values: dict[str, Value], titles: dict[str, str] | None = None) -> str:
    """Substitute {field} placeholders; user text is data, never a format string.

    Ids in a list read as their titles; "{hours_per_week} hours" reads "1 hour" for 1.
    """

    def value(match: re.Match[str]) -> str:
        v = values.get(match.group(1), match.group(0))
        unit = match.group(2) or ""
        if isinstance(v, float) and v.is_integer():
            v = int(v)
        if v == 1 and unit:
            unit = unit[:-1]
        if isinstance(v, list | tuple):
            return ", ".join(str((titles or {}).get(x, x)) for x in v) + unit
        return str(v) + unit

    return PLACEHOLDER_UNIT.sub(value, template)


def said(firing: RuleFiring, titles: dict[str, str]) -> str:
    """What the rule says for this learner."""
    return fill(firing.why, dict(firing.values), titles)


def trace(firing: RuleFiring) -> str:
    """The answers that made the rule fire: 'background.math = 1; interests = rag'."""
    return "; ".join(
        f"{field} = {fill('{' + field + '}', {field: value})}" for field, value in firing.matched
    )
