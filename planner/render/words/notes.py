"""The words of what a plan says of itself: its notes and the options a long plan offers."""

from __future__ import annotations

from planner.facts import (
    YEAR_WEEKS,
    Alternative,
    CatchUpWeeks,
    DeadlineCut,
    LongPlan,
    Note,
    NotWhole,
    PartFull,
    TooLong,
)
from planner.plan import Plan
from planner.render.words.items import Names


def note(fact: Note, plan: Plan, names: Names) -> str:
    match fact:
        case DeadlineCut(full_weeks=full, deadline=deadline, left_out=n):
            return (
                f"The full plan needs {full} weeks; to fit your deadline of {deadline} weeks, "
                f"{n} item{'s were' if n > 1 else ' was'} left out (listed with why), and the "
                "hours went to what serves your goal most."
            )
        case NotWhole(item=item, planned=planned, after=after):
            first = "task is" if planned == 1 else f"{planned} tasks are"
            return (
                f"{names.title(item)} does not fit whole before your deadline: its first "
                f"{first} planned, and {after:g} h of it come after the deadline."
            )
        case TooLong(weeks=weeks, deadline=deadline):
            return (
                f"Even the most valuable item needs {weeks} weeks, more than your deadline of "
                f"{deadline}: more hours a week, or a later deadline, would fit it."
            )
        case PartFull(weeks=weeks, lower_bound=lower_bound):
            return (
                f"The plan takes {weeks} weeks where {lower_bound} would hold the hours: "
                "prerequisites leave some weeks part-full."
            )
        case LongPlan():
            return _long(fact, plan)
        case CatchUpWeeks(count=n):
            return (
                f"The plan has {n} light catch-up week{'s' * (n > 1)} to finish what is left "
                "open and rest."
            )
    raise ValueError(f"no words for the note {type(fact).__name__}")


def option(alt: Alternative, plan: Plan) -> str:
    """What another way of planning is: more hours, the narrower track, a deadline."""
    if alt.deadline:
        return f"a {alt.deadline}-week deadline"
    if alt.goal != plan.goal:
        return f"the narrower {alt.goal_title} track"
    return f"{_hours(alt.hours_per_week)} a week"


def _long(fact: LongPlan, plan: Plan) -> str:
    """How long the plan is, and what the alternatives (planned for real) would take."""
    text = (
        f"At {_hours(fact.hours_per_week)} a week this plan runs {fact.weeks} weeks "
        f"(about {fact.weeks / YEAR_WEEKS:.1f} years)."
    )
    if not plan.alternatives:
        return text
    ways = []
    for alt in plan.alternatives:
        if alt.deadline:
            ways.append(
                f"{option(alt, plan)} keeps the most valuable part and leaves out "
                f"{alt.left_out} item{'s' * (alt.left_out != 1)} ({alt.left_out_hours:g} h)"
            )
        else:
            ways.append(f"{option(alt, plan)} takes {alt.weeks} weeks")
    return text + " Options: " + "; ".join(ways) + "."


def _hours(value: float) -> str:
    return f"{value:g} hour{'s' * (value != 1)}"
