"""The plan as terminal text, with the reason for every choice (`studyplan explain`)."""

from __future__ import annotations

import shutil
import textwrap

from planner.plan import Omitted, Plan


def explain_text(plan: Plan, width: int | None = None) -> str:
    width = min(width or shutil.get_terminal_size((88, 24)).columns, 100)
    out = [
        f"Study plan for {plan.name}: {plan.goal_title}",
        f"{len(plan.weeks)} weeks, {plan.start_date:%d %b %Y} to {plan.end_date:%d %b %Y}, "
        f"{plan.total_hours:g} h at {plan.hours_per_week:g} h/week",
        "",
    ]
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
        out += _wrapped(_by_reason(plan.skipped), width, "  - ")
    if plan.notes:
        out += ["", "Notes:"] + _wrapped(list(plan.notes), width, "  - ")
    for week in plan.weeks:
        out += [
            "",
            f"Week {week.number} · {week.start:%d %b} - {week.end:%d %b %Y} · {week.hours:g} h",
        ]
        for item in week.items:
            k, n = item.part
            part = f" (part {k} of {n})" if n > 1 else ""
            if k > 1 and item.continued_from:
                part = f" (part {k} of {n}, continued from week {item.continued_from})"
            out.append(f"  * {item.title}{part} · {item.hours:g} h · {item.section_title}")
            if k == 1:  # a continuation's reasons stand at its first part
                out += _wrapped([f"why: {r}" for r in item.reasons], width, "      ")
    return "\n".join(out)


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


def _by_reason(omitted: tuple[Omitted, ...]) -> list[str]:
    """One line per reason, naming every item it left out (the rules say the same of many)."""
    reasons: dict[str, list[str]] = {}
    for o in omitted:
        reasons.setdefault(o.reason, []).append(o.title)
    return [f"{', '.join(titles)}: {reason}" for reason, titles in reasons.items()]


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
