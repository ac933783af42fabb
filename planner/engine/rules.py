"""The rules engine: content/rules.yaml conditions over a profile -> the rules that fire."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

from planner.catalog.load import content_dir
from planner.catalog.model import LEVELS, Catalog
from planner.engine.conditions import FIELDS, Condition, evaluate, parse_condition
from planner.errors import ContentError, Problem
from planner.profile.model import Profile
from planner.profile.questions import QUESTIONS
from planner.yamlsource import load_documents

ACTIONS = (
    "include",
    "include_tags",
    "include_interests",
    "skip",
    "skip_tags",
    "skip_where",
    "keep_tags",
    "skip_optional",
    "emphasise",
    "emphasise_tags",
    "scale_hours",
    "plan",
)
WHERE_KEYS = ("sections", "level", "except_tags")  # skip_where, and scale_hours beside ids/tags
PLAN_SETTINGS = ("review", "catch_up_every")  # keys of the `plan` action
PLACEHOLDER = re.compile(r"\{([a-z_.]+)\}")
PLACEHOLDER_UNIT = re.compile(r"\{([a-z_.]+)\}( (?:hours|weeks|days|items))?")


@dataclass(frozen=True)
class Rule:
    id: str
    when: Condition
    then: dict[str, Any]
    why: str
    titles: tuple[tuple[str, str], ...] = ()  # item and interest ids -> titles, for the why


def facts_of(profile: Profile) -> dict[str, Any]:
    """Each question's answer under its key ("background.math"): what conditions test."""
    facts: dict[str, Any] = {}
    for question in QUESTIONS:
        value = question.value_of(profile)
        facts[question.key] = list(value) if isinstance(value, tuple) else value
    return facts


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


@cache
def load_rules(catalog: Catalog, path: Path | None = None) -> tuple[Rule, ...]:
    """Rules from content/rules.yaml, with every field, operator, id and tag checked."""
    path = path or (catalog.root or content_dir()) / "rules.yaml"
    problems: list[Problem] = []
    rules: list[Rule] = []
    for doc in load_documents(path.read_text(encoding="utf-8"), str(path)):
        problems.extend(doc.problems)
        for raw in doc.data or []:
            where = f"rule {raw.get('id', '?')!r}" if isinstance(raw, dict) else "rule"
            try:
                rules.append(_parse_rule(raw, where, catalog))
            except (ValueError, TypeError, KeyError) as exc:
                problems.append(Problem(str(exc), str(path), getattr(raw, "line", None)))
    if len({r.id for r in rules}) != len(rules):
        problems.append(Problem("rule ids must be unique", str(path)))
    if problems:
        raise ContentError(problems)
    titles = (
        *((i.id, i.title) for i in catalog.items.values()),
        *((i.id, i.title) for i in catalog.interests.values()),
    )
    return tuple(replace(rule, titles=titles) for rule in rules)


def _parse_rule(raw: dict[str, Any], where: str, catalog: Catalog) -> Rule:
    unknown = set(raw) - {"id", "when", "then", "why"}
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
    when = parse_condition(raw.get("when"), where)
    then = dict(raw["then"])
    for action, value in then.items():
        if action not in ACTIONS:
            raise ValueError(f"{where}: unknown action {action!r}; actions: {', '.join(ACTIONS)}")
        _check_refs(action, value, where, catalog)
    PLACEHOLDER.sub(lambda m: _known_field(m.group(1), where), raw["why"])
    return Rule(str(raw["id"]), when, then, raw["why"])


def _known_field(name: str, where: str) -> str:
    if name not in FIELDS:
        raise ValueError(f"{where}: unknown placeholder {{{name}}} in why")
    return name


def _check_refs(action: str, value: Any, where: str, catalog: Catalog) -> None:
    if action in ("skip_where", "scale_hours"):
        _check_where(action, value, where, catalog)
    if action == "skip_where":
        return
    ids = value.get("ids", []) if action == "scale_hours" else value
    tags = (
        [*value.get("tags", []), *value.get("except_tags", [])]
        if action == "scale_hours"
        else value
    )
    if action in ("include", "skip", "emphasise", "scale_hours"):
        missing = [i for i in ids if i not in catalog.items]
        if missing:
            raise ValueError(f"{where}: {action} names unknown items {missing}")
    if action.endswith("_tags") or action == "scale_hours":
        missing = [t for t in tags if t not in catalog.tags()]
        if missing:
            raise ValueError(f"{where}: {action} names unknown tags {missing}")
    if action == "plan" and set(value) - set(PLAN_SETTINGS):
        raise ValueError(f"{where}: plan settings are {', '.join(PLAN_SETTINGS)}")


def _check_where(action: str, value: Any, where: str, catalog: Catalog) -> None:
    """sections that exist, a known level, known tags to spare."""
    allowed = (*WHERE_KEYS, "factor", "ids", "tags") if action == "scale_hours" else WHERE_KEYS
    if not isinstance(value, dict) or set(value) - set(allowed):
        raise ValueError(f"{where}: {action} takes {', '.join(allowed)}")
    missing = [s for s in value.get("sections", ()) if s not in catalog.sections]
    if missing:
        raise ValueError(f"{where}: {action} names unknown sections {missing}")
    if value.get("level") not in (None, *LEVELS):
        raise ValueError(f"{where}: {action} level must be one of {', '.join(LEVELS)}")
    if action == "skip_where":
        unknown = [t for t in value.get("except_tags", ()) if t not in catalog.tags()]
        if unknown or "sections" not in value:
            raise ValueError(f"{where}: skip_where needs sections and known except_tags")


Fired = tuple[Rule, str, tuple[str, ...]]  # the rule, its filled-in why, what matched


def fired_rules(profile: Profile, rules: tuple[Rule, ...]) -> list[Fired]:
    """The rules whose conditions hold, in file order, with their reason and trace."""
    facts = facts_of(profile)
    out = []
    for rule in rules:
        held, trace = evaluate(rule.when, facts)
        if held:
            matched = tuple(
                dict.fromkeys(
                    f"{leaf.field} = {fill('{' + leaf.field + '}', facts)}" for leaf in trace
                )
            )
            out.append((rule, fill(rule.why, facts, dict(rule.titles)), matched))
    return out
