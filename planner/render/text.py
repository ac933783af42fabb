"""The plan as terminal text, with the reason for every choice (`studyplan explain`)."""

from __future__ import annotations

import shutil
import textwrap

from planner.plan import Plan


def explain_text(plan: Plan, width: int | None = None) -> str:
    width = min(width or shutil.get_terminal_size((88, 24)).columns, 100)
    out = [f"Study plan for {plan.name}: {plan.goal_title}",
           f"{len(plan.weeks)} weeks, {plan.start_date:%d %b %Y} to {plan.end_date:%d %b %Y}, "
           f"{plan.total_hours:g} h at {plan.hours_per_week:g} h/week", ""]
    if plan.fired:
        out.append("Why this plan:")
        out += _wrapped([f"{f.why} [{'; '.join(f.matched)}]" if f.matched else f.why
                         for f in plan.fired], width, "  - ")
    for title, omitted in (("Left out for the deadline:", plan.dropped),
                           ("Skipped:", plan.skipped)):
        if omitted:
            out += ["", title]
            out += _wrapped([f"{o.title} ({o.id}): {o.reason}" for o in omitted], width, "  - ")
    if plan.notes:
        out += ["", "Notes:"] + _wrapped(list(plan.notes), width, "  - ")
    for week in plan.weeks:
        out += ["", f"Week {week.number} · {week.start:%d %b} - {week.end:%d %b %Y} · "
                    f"{week.hours:g} h"]
        for item in week.items:
            k, n = item.part
            part = f" (part {k} of {n})" if n > 1 else ""
            if k > 1 and item.continued_from:
                part = f" (part {k} of {n}, continued from week {item.continued_from})"
            out.append(f"  * {item.title}{part} · {item.hours:g} h · {item.section_title}")
            if k == 1:  # a continuation's reasons stand at its first part
                out += _wrapped([f"why: {r}" for r in item.reasons], width, "      ")
    return "\n".join(out)


def _wrapped(lines: list[str], width: int, indent: str) -> list[str]:
    return [textwrap.fill(line, width, initial_indent=indent, break_on_hyphens=False,
                          subsequent_indent=" " * len(indent)) for line in lines]
