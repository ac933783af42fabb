"""Rule conditions evaluated over a profile's answers, with a trace of what matched."""

from __future__ import annotations

from typing import Any

from planner.catalog.conditions import Condition
from planner.profile.model import Profile
from planner.profile.questions import QUESTIONS

_COMPARE = {
    "eq": lambda a, b: a == b,
    "ne": lambda a, b: a != b,
    "lt": lambda a, b: a is not None and a < b,
    "lte": lambda a, b: a is not None and a <= b,
    "gt": lambda a, b: a is not None and a > b,
    "gte": lambda a, b: a is not None and a >= b,
    "in": lambda a, b: a in b,
    "has_any": lambda a, b: bool(set(a or ()) & set(b)),
    "has_all": lambda a, b: set(b) <= set(a or ()),
    "exists": lambda a, b: (a not in (None, (), [])) == bool(b),
}


def facts_of(profile: Profile) -> dict[str, Any]:
    """Each question's answer under its key ("background.math"): what conditions test."""
    facts: dict[str, Any] = {}
    for question in QUESTIONS:
        value = question.value_of(profile)
        facts[question.key] = list(value) if isinstance(value, tuple) else value
    return facts


def evaluate(cond: Condition, facts: dict[str, Any]) -> tuple[bool, list[Condition]]:
    """Whether cond holds for facts, and the leaf tests that made it hold (the trace)."""
    if cond.kind == "test":
        held = bool(_COMPARE[cond.op](facts.get(cond.field), cond.value))
        return held, [cond] if held else []
    if cond.kind == "not":
        held, _ = evaluate(cond.children[0], facts)
        return not held, []
    results = [evaluate(c, facts) for c in cond.children]
    trace = [leaf for ok, leaves in results if ok for leaf in leaves]
    if cond.kind == "all":
        return all(ok for ok, _ in results), trace
    return any(ok for ok, _ in results), trace
