"""The plan as terminal text, with the reason for every choice (`studyplan explain`)."""

from __future__ import annotations

import shutil
import textwrap
from dataclasses import dataclass

from planner.plan import Plan, PlannedItem
from planner.render.words import Entry, Group, Words


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
    words = Words(plan)
    out = [
        f"Study plan for {plan.name}: {plan.goal_title}",
        f"{len(plan.weeks)} weeks, {plan.start_date:%d %b %Y} to {plan.end_date:%d %b %Y}, "
        f"{plan.total_hours:g} h at {plan.hours_per_week:g} h/week",
    ]
    if shown.whole:
        out += _plan_level(plan, words, width)
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
            out += _item_lines(items, words, width)
    return "\n".join(out)


def _plan_level(plan: Plan, words: Words, width: int) -> list[str]:
    """Why this plan, what was left out or skipped, and the notes."""
    out = [""]
    if plan.fired:
        out.append("Why this plan:")
        out += _wrapped(words.fired_with_trace(), width, "  - ")
    groups = words.left_out()
    cut = [g for g in groups if g.importance]
    if cut:
        out += ["", words.dropped_header()]
        out += _wrapped([f"{g.importance}: {_listed(g.items)}" for g in cut], width, "  - ")
    skips = [g for g in groups if not g.importance]
    if skips:
        out += ["", "Skipped:"]
        for group in skips:
            out += _skip_lines(group, width)
    notes = words.notes()
    if notes:
        out += ["", "Notes:"] + _wrapped(notes, width, "  - ")
    return out


def _skip_lines(group: Group, width: int) -> list[str]:
    """The reason once (with how many items it covers), then each item on a line of its own."""
    count = f" ({len(group.items)} items)" if len(group.items) > 1 else ""
    out = _wrapped([f"{group.reason}{count}"], width, "  - ")
    return out + _wrapped([_entry(e) for e in group.items], width, "      ")


def _filter_line(plan: Plan, shown: Shown) -> str:
    parts = []
    if shown.weeks is not None:
        first, last = shown.weeks[0], shown.weeks[-1]
        parts.append(f"week {first}" if first == last else f"weeks {first}-{last}")
    if shown.section is not None:
        parts.append(dict(plan.sections()).get(shown.section, shown.section))
    return f"Showing {', '.join(parts)} (without --week and --section: the whole plan)."


def _item_lines(items: list[PlannedItem], words: Words, width: int) -> list[str]:
    out = []
    for item in items:
        k, n = item.part
        part = f" (part {k} of {n})" if n > 1 else ""
        if k > 1 and item.continued_from:
            part = f" (part {k} of {n}, continued from week {item.continued_from})"
        out.append(f"  * {item.title}{part} · {item.hours:g} h · {item.section_title}")
        if k == 1:  # a continuation's reasons stand at its first part
            out += _wrapped([f"why: {r}" for r in words.reasons(item)], width, "      ")
    return out


def _hours(value: float) -> str:
    return f"{value:g} h"


def _entry(entry: Entry) -> str:
    """'A (3 h)', 'B (8 h; C builds on it: …)'."""
    return f"{entry.title} ({entry.detail(_hours(entry.hours))})"


def _listed(entries: tuple[Entry, ...]) -> str:
    """'A (3 h), B (8 h)'."""
    return ", ".join(_entry(e) for e in entries)


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
