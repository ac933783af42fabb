"""What the rules and plans reach: every item reachable, every track plannable."""

from __future__ import annotations

from datetime import date

from planner.catalog.model import Catalog
from planner.engine.build import build_plan
from planner.engine.rules import load_rules
from planner.errors import ContentError
from planner.profile.validate import validate

CHECK_DAY = date(2027, 1, 4)


def check_reach(catalog: Catalog, plan: bool = True) -> list[str]:
    """Problems of the rules and of what plans can hold, as text lines.

    plan: also build each track's plans (only worth it for an otherwise clean catalog).
    """
    try:
        load_rules(catalog)
    except ContentError as exc:
        return [str(p) for p in exc.problems]
    problems = _reachability(catalog)
    if plan and not problems:
        problems += _schedulable(catalog)
    return problems


def _reachability(catalog: Catalog) -> list[str]:
    """Items no profile can get: in no track, named by no rule, tagged with no interest."""
    reach = {i for t in catalog.tracks.values() for i in t.members(catalog)}
    reach |= set(catalog.items_with_tags(tuple(catalog.interests)))
    for rule in load_rules(catalog):
        reach |= set(rule.then.get("include", ()))
        reach |= set(catalog.items_with_tags(tuple(rule.then.get("include_tags", ()))))
    stack = list(reach)
    while stack:
        for pre in catalog.items[stack.pop()].prerequisites:
            if pre not in reach:
                reach.add(pre)
                stack.append(pre)
    return [f"item {i}: no profile can reach it (no track, rule or interest includes it)"
            for i in catalog.items if i not in reach]


def _schedulable(catalog: Catalog) -> list[str]:
    """Each track plans for a beginner and an expert at low and high hours."""
    out = []
    for track in catalog.tracks:
        for level, hours in ((0, 3), (2, 10), (4, 40)):
            data = {"name": "Check", "goal": track, "hours_per_week": hours,
                    "background": {"math": level, "python": level, "ml": level}}
            profile, problems = validate(data, catalog)
            try:
                assert profile is not None, problems
                plan = build_plan(profile, catalog, CHECK_DAY)
                if not plan.weeks:
                    out.append(f"track {track}: empty plan at level {level}, {hours} h/week")
            except Exception as exc:  # any failure here is a catalog bug to report
                out.append(f"track {track}: cannot plan at level {level}, {hours} h/week: {exc!r}")
    return out
