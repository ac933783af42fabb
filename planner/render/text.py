"""The plan as terminal text, with the reason for every choice (`studyplan explain`)."""

from __future__ import annotations

import shutil
import textwrap
from dataclasses import dataclass

from planner.plan import Omitted, Plan, PlannedItem


@dataclass(frozen=True, kw_only=True)
class Shown:
    """What of the plan `explain` shows: some weeks, one section; None means all."""

    weeks: range | None = None
    section: str | None = None  # a section id

    @property
    def whole(self) -> bool:
        return self.weeks is None and self.section is None


def explain_text(plan: Plan, width: int | None = None, shown: Shown | None = None) -> str:
    width = min(width or shutil.get_terminal_size((88, 24)).columns, 100)
    shown = shown or Shown()
    out = [
        f"Study plan for {plan.name}: {plan.goal_title}",
        f"{len(plan.weeks)} weeks, {plan.start_date:%d %b %Y} to {plan.end_date:%d %b %Y}, "
        f"{plan.total_hours:g} h at {plan.hours_per_week:g} h/week",
    ]
    if shown.whole:
        out += _plan_level(plan, width)
    else:
        out.append(_filter_line(plan, shown))
    for week in plan.weeks:
        if shown.weeks is not None and week.number not in shown.weeks:
            continue
        items = [i for i in week.items if shown.section in (None, i.section)]
        if items:
            out += [
                "",
                f"Week {week.number} · {week.start:%d %b} - {week.end:%d %b %Y} · {week.hours:g} h",
            ]
            out += _item_lines(items, width)
    return "\n".join(out)


def _plan_level(plan: Plan, width: int) -> list[str]:
    """Why this plan, what was left out or skipped, and the notes."""
    out = [""]
    if plan.fired:
        out.append("Why this plan:")
        out += _wrapped(
            [f"{f.why} [{'; '.join(f.matched)}]" if f.matched else f.why for f in plan.fired],
            width,
            "  - ",
        )
    if plan.dropped:
        out += ["", _dropped_header(plan)]
        out += _wrapped(_by_group(plan.dropped), width, "  - ")
    if plan.skipped:
        out += ["", "Skipped:"]
        for reason, titles in by_reason(plan.skipped):
            count = f" ({len(titles)} items)" if len(titles) > 1 else ""
            out += _wrapped([f"{reason}{count}"], width, "  - ")
            out += _wrapped(titles, width, "      ")
    if plan.notes:
        out += ["", "Notes:"] + _wrapped(list(plan.notes), width, "  - ")
    return out


def _filter_line(plan: Plan, shown: Shown) -> str:
    parts = []
    if shown.weeks is not None:
        first, last = shown.weeks[0], shown.weeks[-1]
        parts.append(f"week {first}" if first == last else f"weeks {first}-{last}")
    if shown.section is not None:
        parts.append(dict(plan.sections()).get(shown.section, shown.section))
    return f"Showing {', '.join(parts)} (without --week and --section: the whole plan)."


def _item_lines(items: list[PlannedItem], width: int) -> list[str]:
    out = []
    for item in items:
        k, n = item.part
        part = f" (part {k} of {n})" if n > 1 else ""
        if k > 1 and item.continued_from:
            part = f" (part {k} of {n}, continued from week {item.continued_from})"
        out.append(f"  * {item.title}{part} · {item.hours:g} h · {item.section_title}")
        if k == 1:  # a continuation's reasons stand at its first part
            out += _wrapped([f"why: {r}" for r in item.reasons], width, "      ")
    return out


def _hours(value: float) -> str:
    return f"{value:g} h"


def _dropped_header(plan: Plan) -> str:
    hours = sum(o.hours for o in plan.dropped)
    weeks = plan.profile.get("weeks")
    budget = f" for your {weeks}-week deadline" if weeks else ""
    return (
        f"Left out{budget} ({len(plan.dropped)} item{'s' * (len(plan.dropped) != 1)}, "
        f"{_hours(hours)}; the hours went to what serves your goal most):"
    )


def _by_group(omitted: tuple[Omitted, ...]) -> list[str]:
    """'core: A (3 h), B (8 h)': what a deadline left out, most important first."""
    groups: dict[str, list[str]] = {}
    for o in omitted:
        groups.setdefault(o.group or "other", []).append(f"{o.title} ({_hours(o.hours)})")
    order = ("core", "recommended", "optional")
    return [
        f"{group}: {', '.join(titles)}"
        for group, titles in sorted(
            groups.items(), key=lambda g: order.index(g[0]) if g[0] in order else 9
        )
    ]


def by_reason(omitted: tuple[Omitted, ...]) -> list[tuple[str, list[str]]]:
    """(reason, titles) once per reason, in the order met: the rules say the same of many
    items, and a reader wants the reason once, then what it covers."""
    reasons: dict[str, list[str]] = {}
    for o in omitted:
        reasons.setdefault(o.reason, []).append(o.title)
    return list(reasons.items())


def _wrapped(lines: list[str], width: int, indent: str) -> list[str]:
    return [
        textwrap.fill(
            line,
            width,
            initial_indent=indent,
            break_on_hyphens=False,
            subsequent_indent=" " * len(indent),
        )
        for line in lines
    ]
