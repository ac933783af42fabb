"""What the rules and plans reach: every item reachable, every track plannable, the whole
guide in each track's default plans (plans are made by a planner the caller passes in)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from planner.catalog.model import Catalog, GuideTopic, Section
from planner.catalog.rules import Include, IncludeTags
from planner.plan import Plan

CHECK_DAY = date(2027, 1, 4)  # the day the check plans from: fixed, so its plans are too
# profile data (valid by construction) -> its plan from CHECK_DAY, for the catalog checked
PlanFor = Callable[[dict[str, Any]], Plan]
# a track's default profiles: no interests, no deadline; a beginner, a middle and an expert
DEFAULT_BACKGROUNDS = ((0, 0, 0), (2, 2, 1), (4, 4, 4))
DEFAULT_HOURS = 10


def check_reach(catalog: Catalog, plan_for: PlanFor | None) -> list[str]:
    """Problems of the rules and of what plans can hold, as text lines.

    plan_for: builds each track's plans; None when the catalog is too broken to plan from.
    """
    problems = _reachability(catalog)
    if plan_for and not problems:
        problems += _schedulable(catalog, plan_for)
    if plan_for and not problems:
        problems += guide_coverage(catalog, plan_for)
    return problems


def _reachability(catalog: Catalog) -> list[str]:
    """Items no profile can get: in no track, named by no rule, tagged with no interest."""
    reach = {i for t in catalog.tracks.values() for i in t.members(catalog)}
    reach |= set(catalog.items_with_tags(tuple(catalog.interests)))
    for rule in catalog.rules:
        reach |= {i for include in rule.actions(Include) for i in include.ids}
        tags = [t for include in rule.actions(IncludeTags) for t in include.tags]
        reach |= set(catalog.items_with_tags(tags))
    reach |= catalog.graph.ancestors(reach)
    return [
        f"item {i}: no profile can reach it (no track, rule or interest includes it)"
        for i in catalog.items
        if i not in reach
    ]


def _schedulable(catalog: Catalog, plan_for: PlanFor) -> list[str]:
    """Each track plans for a beginner and an expert at low and high hours."""
    out = []
    for track in catalog.tracks:
        for level, hours in ((0, 3), (2, 10), (4, 40)):
            data = {
                "name": "Check",
                "goal": track,
                "hours_per_week": hours,
                "background": {"math": level, "python": level, "ml": level},
            }
            try:
                plan = plan_for(data)
                if not plan.weeks:
                    out.append(f"track {track}: empty plan at level {level}, {hours} h/week")
            except Exception as exc:  # any failure here is a catalog bug to report
                out.append(f"track {track}: cannot plan at level {level}, {hours} h/week: {exc!r}")
    return out


def default_profile(track: str, background: tuple[int, int, int]) -> dict[str, Any]:
    """A track's default profile: no interests, no deadline, 10 hours a week."""
    return {
        "name": "Check",
        "goal": track,
        "hours_per_week": DEFAULT_HOURS,
        "background": dict(zip(("math", "python", "ml"), background, strict=True)),
    }


def guide_coverage(catalog: Catalog, plan_for: PlanFor) -> list[str]:
    """Every topic of the guide in each track's default plans, every section in some track's.

    A topic is covered when one of its items is planned, or left out because the learner's
    background says they know it (a skip by a rule that reads the background).
    """
    knows = {r.id for r in catalog.rules if r.when.reads("background.")}
    out: list[str] = []
    seen_sections: set[str] = set()
    for track in catalog.tracks:
        for background in DEFAULT_BACKGROUNDS:
            plan = plan_for(default_profile(track, background))
            planned = {i.id for w in plan.weeks for i in w.items}
            known = {s.id for s in plan.skipped if s.why.rule in knows}
            seen_sections |= {i.section for w in plan.weeks for i in w.items}
            who = f"track {track}, background {'/'.join(map(str, background))}"
            out += [
                _missing(who, section, topic)
                for section in catalog.sections.values()
                for topic in section.topics
                if not set(topic.items) & (planned | known)
            ]
    return out + [
        f"section {s.id} ({s.part} / {s.title}) is in no track's default plan"
        for s in catalog.sections.values()
        if s.id not in seen_sections
    ]


def _missing(who: str, section: Section, topic: GuideTopic) -> str:
    return (
        f"{who}: the guide's topic {topic.title!r} ({section.part} / {section.title}) is "
        f"not in the default plan: none of {', '.join(topic.items)} is planned"
    )
