"""How long a plan is, said where the learner is (build, interview, web page) when it runs
past a year, with the shorter ways the plan already carries (planned for real, never
re-planned here)."""

from __future__ import annotations

from planner.plan import Alternative, Plan
from planner.render.formatting import day, rounded_hours

YEAR_WEEKS = 52


def length_lines(plan: Plan) -> list[str]:
    """Nothing for a plan of a year or less; else one line on its length and end, and one
    with its alternatives when it has some."""
    weeks = len(plan.weeks)
    if weeks <= YEAR_WEEKS:
        return []
    lines = [
        f"This plan is long: {weeks} weeks ({_about(weeks)}) at "
        f"{rounded_hours(plan.hours_per_week)} a week, ending {day(plan.end_date)}."
    ]
    if plan.alternatives:
        lines.append("Shorter: " + "; ".join(_way(a) for a in plan.alternatives) + ".")
    return lines


def _about(weeks: int) -> str:
    """'more than a year' up to a year and a half, then 'about 2.2 years'."""
    if weeks < 1.5 * YEAR_WEEKS:
        return "more than a year"
    return f"about {weeks / YEAR_WEEKS:.1f} years"


def _way(alternative: Alternative) -> str:
    weeks = f"{alternative.label} takes {alternative.weeks} weeks"
    if not alternative.left_out:
        return weeks
    items = f"{alternative.left_out} item{'s' * (alternative.left_out != 1)}"
    return f"{weeks} and leaves out {items} ({rounded_hours(alternative.left_out_hours)})"
