"""What the rules and plans reach: every item reachable, every track plannable, the whole
guide in each track's default plans."""

from __future__ import annotations

from datetime import date

from planner.catalog.model import Catalog, GuideTopic, Section
from planner.engine.build import build_plan
from planner.engine.conditions import Condition
from planner.engine.rules import Rule, load_rules
from planner.errors import ContentError
from planner.plan import Plan
from planner.profile.validate import validate

CHECK_DAY = date(2027, 1, 4)
# a track's default profiles: no interests, no deadline; a beginner, a middle and an expert
DEFAULT_BACKGROUNDS = ((0, 0, 0), (2, 2, 1), (4, 4, 4))
DEFAULT_HOURS = 10


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
    if plan and not problems:
        problems += guide_coverage(catalog)
    return problems


def _reachability(catalog: Catalog) -> list[str]:
    """Items no profile can get: in no track, named by no rule, tagged with no interest."""
    reach = {i for t in catalog.tracks.values() for i in t.members(catalog)}
    reach |= set(catalog.items_with_tags(tuple(catalog.interests)))
    for rule in load_rules(catalog):
        reach |= set(rule.then.get("include", ()))
        reach |= set(catalog.items_with_tags(tuple(rule.then.get("include_tags", ()))))
    reach |= catalog.graph.ancestors(reach)
    return [
        f"item {i}: no profile can reach it (no track, rule or interest includes it)"
        for i in catalog.items
        if i not in reach
    ]


def _schedulable(catalog: Catalog) -> list[str]:
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
            profile, problems = validate(data, catalog)
            try:
                assert profile is not None, problems
                plan = build_plan(profile, catalog, CHECK_DAY)
                if not plan.weeks:
                    out.append(f"track {track}: empty plan at level {level}, {hours} h/week")
            except Exception as exc:  # any failure here is a catalog bug to report
                out.append(f"track {track}: cannot plan at level {level}, {hours} h/week: {exc!r}")
    return out


def default_plan(catalog: Catalog, track: str, background: tuple[int, int, int]) -> Plan:
    """The plan of a track's default profile: no interests, no deadline, 10 hours a week."""
    data = {
        "name": "Check",
        "goal": track,
        "hours_per_week": DEFAULT_HOURS,
        "background": dict(zip(("math", "python", "ml"), background, strict=True)),
    }
    profile, problems = validate(data, catalog)
    assert profile is not None, problems
    return build_plan(profile, catalog, CHECK_DAY)


def guide_coverage(catalog: Catalog) -> list[str]:
    """Every topic of the guide in each track's default plans, every section in some track's.

    A topic is covered when one of its items is planned, or left out because the learner's
    background says they know it (a skip by a rule that reads the background).
    """
    knows = _background_rules(load_rules(catalog))
    out: list[str] = []
    seen_sections: set[str] = set()
    for track in catalog.tracks:
        for background in DEFAULT_BACKGROUNDS:
            plan = default_plan(catalog, track, background)
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


def _background_rules(rules: tuple[Rule, ...]) -> set[str]:
    """Ids of the rules whose condition reads the learner's background levels."""

    def reads_background(cond: Condition) -> bool:
        return cond.field.startswith("background.") or any(
            reads_background(c) for c in cond.children
        )

    return {r.id for r in rules if reads_background(r.when)}
