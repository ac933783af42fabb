"""The rules engine: the catalog's rules whose conditions hold for a profile."""

from __future__ import annotations

import re
from typing import Any

from planner.catalog.model import Catalog
from planner.catalog.rules import Rule
from planner.engine.conditions import evaluate, facts_of
from planner.facts import RuleFiring, Value
from planner.profile.model import Profile

PLACEHOLDER = re.compile(r"\{([a-z_.]+)\}")

Fired = tuple[Rule, RuleFiring]  # the rule, and what the plan says of its firing


def fired_rules(profile: Profile, catalog: Catalog) -> list[Fired]:
    """The rules whose conditions hold, in file order, with the answers their why names and
    those that made them fire."""
    facts = facts_of(profile)
    out = []
    for rule in catalog.rules:
        held, trace = evaluate(rule.when, facts)
        if held:
            named = dict.fromkeys(PLACEHOLDER.findall(rule.why))
            matched = dict.fromkeys(leaf.field for leaf in trace)
            firing = RuleFiring(
                rule_id=rule.id,
                why=rule.why,
                values=tuple((f, _value(facts.get(f))) for f in named),
                matched=tuple((f, _value(facts.get(f))) for f in matched),
            )
            out.append((rule, firing))
    return out


def _value(answer: Any) -> Value:
    """A profile answer as a fact: lists become tuples."""
    return tuple(answer) if isinstance(answer, list) else answer
