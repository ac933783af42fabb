"""content/rules.yaml -> typed rules, with every field, operator, id, section and tag checked."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from planner.catalog.conditions import FIELDS, parse_condition
from planner.catalog.model import LEVELS, Catalog
from planner.catalog.rules import (
    Action,
    Emphasise,
    EmphasiseTags,
    Include,
    IncludeInterests,
    IncludeTags,
    KeepTags,
    Rule,
    ScaleHours,
    SetPlan,
    Skip,
    SkipOptional,
    SkipTags,
    SkipWhere,
    Where,
)
from planner.errors import Problem
from planner.yamlsource import load_documents

# every action a rule may take, in the order a rule's actions apply
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
SCALE_KEYS = (*WHERE_KEYS, "factor", "ids", "tags")
PLAN_SETTINGS = ("review", "catch_up_every")  # keys of the `plan` action
RULE_KEYS = ("id", "when", "then", "why")
PLACEHOLDER = re.compile(r"\{([a-z_.]+)\}")


def load_rules(path: Path, catalog: Catalog) -> tuple[tuple[Rule, ...], list[Problem]]:
    """The rules at path, checked against the catalog's items, sections and tags; a rule with
    a problem is left out and the problem said (file, line, rule, what is allowed)."""
    if not path.is_file():
        return (), [Problem("missing catalog file", str(path))]
    problems: list[Problem] = []
    rules: list[Rule] = []
    for doc in load_documents(path.read_text(encoding="utf-8"), str(path)):
        problems.extend(doc.problems)
        if not isinstance(doc.data or [], list):
            problems.append(Problem("expected a list of rules", str(path), doc.line))
            continue
        for raw in doc.data or []:
            where = f"rule {raw.get('id', '?')!r}" if isinstance(raw, dict) else "rule"
            try:
                rules.append(_rule(raw, where, catalog))
            except ValueError as exc:
                problems.append(Problem(str(exc), str(path), getattr(raw, "line", None)))
    if len({r.id for r in rules}) != len(rules):
        problems.append(Problem("rule ids must be unique", str(path)))
    return tuple(rules), problems


def _rule(raw: Any, where: str, catalog: Catalog) -> Rule:
    if not isinstance(raw, dict):
        raise ValueError(f"{where}: a rule is a mapping of {', '.join(RULE_KEYS)}")
    unknown = set(raw) - set(RULE_KEYS)
    if unknown:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
    missing = [k for k in ("id", "then", "why") if k not in raw]
    if missing:
        raise ValueError(f"{where}: needs {', '.join(missing)}")
    when = parse_condition(raw.get("when"), where)
    if not isinstance(raw["then"], dict):
        raise ValueError(f"{where}: then is a mapping of actions: {', '.join(ACTIONS)}")
    parsed: dict[str, Action] = {}
    for action, value in raw["then"].items():  # checked in the file's order
        if action not in ACTIONS:
            raise ValueError(f"{where}: unknown action {action!r}; actions: {', '.join(ACTIONS)}")
        parsed[action] = PARSERS[action](value, _Context(action, where, catalog))
    why = raw["why"]
    if not isinstance(why, str):
        raise ValueError(f"{where}: why is a sentence")
    for name in PLACEHOLDER.findall(why):
        if name not in FIELDS:
            raise ValueError(f"{where}: unknown placeholder {{{name}}} in why")
    then = tuple(parsed[a] for a in ACTIONS if a in parsed)
    return Rule(id=str(raw["id"]), when=when, then=then, why=why)


class _Context:
    """The action being read, where (for messages), and the catalog its names must be in."""

    def __init__(self, action: str, where: str, catalog: Catalog) -> None:
        self.action, self.where, self.catalog = action, where, catalog

    def fail(self, what: str) -> ValueError:
        return ValueError(f"{self.where}: {self.action} {what}")

    def strings(self, value: Any, what: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(f"takes a list of {what}")
        return tuple(value)

    def ids(self, value: Any) -> tuple[str, ...]:
        ids = self.strings(value, "item ids")
        missing = [i for i in ids if i not in self.catalog.items]
        if missing:
            raise self.fail(f"names unknown items {missing}")
        return ids

    def tags(self, value: Any) -> tuple[str, ...]:
        tags = self.strings(value, "tags")
        missing = [t for t in tags if t not in self.catalog.tags()]
        if missing:
            raise self.fail(f"names unknown tags {missing}")
        return tags

    def where_of(self, value: Any, allowed: tuple[str, ...]) -> Where:
        """sections that exist, a known level, tags to spare."""
        if not isinstance(value, dict) or set(value) - set(allowed):
            raise self.fail(f"takes {', '.join(allowed)}")
        sections = self.strings(value.get("sections", []), "section ids")
        missing = [s for s in sections if s not in self.catalog.sections]
        if missing:
            raise self.fail(f"names unknown sections {missing}")
        if value.get("level") not in (None, *LEVELS):
            raise self.fail(f"level must be one of {', '.join(LEVELS)}")
        spared = self.strings(value.get("except_tags", []), "tags")
        return Where(sections=sections, level=value.get("level"), except_tags=spared)


def _skip_where(value: Any, ctx: _Context) -> SkipWhere:
    where = ctx.where_of(value, WHERE_KEYS)
    unknown = [t for t in where.except_tags if t not in ctx.catalog.tags()]
    if unknown or "sections" not in value:
        raise ValueError(f"{ctx.where}: skip_where needs sections and known except_tags")
    return SkipWhere(where)


def _scale_hours(value: Any, ctx: _Context) -> ScaleHours:
    where = ctx.where_of(value, SCALE_KEYS)
    ids = ctx.ids(value.get("ids", []))
    ctx.tags([*ctx.strings(value.get("tags", []), "tags"), *where.except_tags])
    factor = value.get("factor")
    if isinstance(factor, bool) or not isinstance(factor, int | float) or factor <= 0:
        raise ctx.fail("needs a factor above 0")
    return ScaleHours(
        factor=float(factor),
        ids=ids,
        tags=tuple(value.get("tags", ())),
        where=where if "sections" in value else None,
    )


def _skip_optional(value: Any, ctx: _Context) -> SkipOptional:
    if value is True:
        return SkipOptional(3)
    if isinstance(value, bool) or value not in (1, 2, 3):
        raise ctx.fail("takes true (optional items) or a priority: 1, 2 or 3")
    return SkipOptional(int(value))


def _include_interests(value: Any, ctx: _Context) -> IncludeInterests:
    if value is not True:
        raise ctx.fail("takes true")
    return IncludeInterests()


def _plan(value: Any, ctx: _Context) -> SetPlan:
    if not isinstance(value, dict) or set(value) - set(PLAN_SETTINGS):
        raise ValueError(f"{ctx.where}: plan settings are {', '.join(PLAN_SETTINGS)}")
    review, every = value.get("review"), value.get("catch_up_every")
    if review is not None and not isinstance(review, bool):
        raise ctx.fail("review takes true or false")
    if every is not None and (isinstance(every, bool) or not isinstance(every, int) or every < 0):
        raise ctx.fail("catch_up_every takes a number of weeks")
    return SetPlan(review=review, catch_up_every=every)


PARSERS: dict[str, Callable[[Any, _Context], Action]] = {
    "include": lambda v, ctx: Include(ctx.ids(v)),
    "include_tags": lambda v, ctx: IncludeTags(ctx.tags(v)),
    "include_interests": _include_interests,
    "skip": lambda v, ctx: Skip(ctx.ids(v)),
    "skip_tags": lambda v, ctx: SkipTags(ctx.tags(v)),
    "skip_where": _skip_where,
    "keep_tags": lambda v, ctx: KeepTags(ctx.tags(v)),
    "skip_optional": _skip_optional,
    "emphasise": lambda v, ctx: Emphasise(ctx.ids(v)),
    "emphasise_tags": lambda v, ctx: EmphasiseTags(ctx.tags(v)),
    "scale_hours": _scale_hours,
    "plan": _plan,
}
