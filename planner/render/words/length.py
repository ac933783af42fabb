"""The words of a plan's length where the learner is (build, interview, web page): a plan past
a year says its weeks, its end and the shorter ways it carries (planned for real, never
re-planned here); a plan a deadline cut says so in a sentence."""

from __future__ import annotations

from planner.facts import YEAR_WEEKS, Alternative, DeadlineCut, LongPlan
from planner.plan import Plan
from planner.render.formatting import day, rounded_hours
from planner.render.words.notes import option


def length_lines(plan: Plan) -> list[str]:
    """Nothing unless the plan states it runs past a year (its LongPlan fact); else one line
    on its length and end, and one with its alternatives when it has some."""
    long = next((n for n in plan.notes if isinstance(n, LongPlan)), None)
    if long is None:
        return []
    lines = [
        f"This plan is long: {long.weeks} weeks ({_about(long.weeks)}) at "
        f"{rounded_hours(long.hours_per_week)} a week, ending {day(plan.end_date)}."
    ]
    if plan.alternatives:
        lines.append("Shorter: " + "; ".join(_way(a, plan) for a in plan.alternatives) + ".")
    return lines


def cut_lines(plan: Plan) -> list[str]:
    """Nothing unless a deadline cut the plan (its DeadlineCut fact); else how many items it
    left out and what the whole plan would need, in one short sentence."""
    cut = next((n for n in plan.notes if isinstance(n, DeadlineCut)), None)
    if cut is None:
        return []
    items = f"{cut.left_out} item{' was' if cut.left_out == 1 else 's were'}"
    return [f"To meet the deadline {items} left out (the full plan needs {cut.full_weeks} weeks)."]


def _about(weeks: int) -> str:
    """'more than a year' up to a year and a half, then 'about 2.2 years'."""
    if weeks < 1.5 * YEAR_WEEKS:
        return "more than a year"
    return f"about {weeks / YEAR_WEEKS:.1f} years"


def _way(alternative: Alternative, plan: Plan) -> str:
    weeks = f"{option(alternative, plan)} takes {alternative.weeks} weeks"
    if not alternative.left_out:
        return weeks
    items = f"{alternative.left_out} item{'s' * (alternative.left_out != 1)}"
    return f"{weeks} and leaves out {items} ({rounded_hours(alternative.left_out_hours)})"
