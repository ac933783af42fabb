"""The plan as terminal text, with the reason for every choice (`studyplan explain`)."""

from __future__ import annotations

import shutil
import textwrap

from planner.plan import Omitted, Plan
from planner.render.words import Entry, Words


def explain_text(plan: Plan, width: int | None = None) -> str:
    width = min(width or shutil.get_terminal_size((88, 24)).columns, 100)
    words = Words(plan)
    out = [
        f"Study plan for {plan.name}: {plan.goal_title}",
        f"{len(plan.weeks)} weeks, {plan.start_date:%d %b %Y} to {plan.end_date:%d %b %Y}, "
        f"{plan.total_hours:g} h at {plan.hours_per_week:g} h/week",
        "",
    ]
    if plan.fired:
        out.append("Why this plan:")
        out += _wrapped(words.fired_with_trace(), width, "  - ")
    if plan.dropped:
        out += ["", words.dropped_header()]
        out += _wrapped(_by_group(plan.dropped), width, "  - ")
    skips = [g for g in words.left_out() if not g.importance]
    if skips:
        out += ["", "Skipped:"]
        out += _wrapped([f"{g.reason} — {_listed(g.items)}" for g in skips], width, "  - ")
    notes = words.notes()
    if notes:
        out += ["", "Notes:"] + _wrapped(notes, width, "  - ")
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
                out += _wrapped([f"why: {r}" for r in words.reasons(item)], width, "      ")
    return "\n".join(out)


def _hours(value: float) -> str:
    return f"{value:g} h"


def _listed(entries: tuple[Entry, ...]) -> str:
    """'A (3 h), B (8 h; C builds on it: …)'."""
    return ", ".join(f"{e.title} ({e.detail(_hours(e.hours))})" for e in entries)


def _by_group(omitted: tuple[Omitted, ...]) -> list[str]:
    """'core: A (3 h), B (8 h)': what a deadline left out, most important first."""
    groups: dict[str, list[Entry]] = {}
    for o in omitted:
        groups.setdefault(o.group or "other", []).append(Entry(title=o.title, hours=o.hours))
    order = ("core", "recommended", "optional")
    return [
        f"{group}: {_listed(tuple(items))}"
        for group, items in sorted(
            groups.items(), key=lambda g: order.index(g[0]) if g[0] in order else 9
        )
    ]


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
