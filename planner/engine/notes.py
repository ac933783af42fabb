"""What the plan says of itself, as facts: its notes, and the fired rules whose effect the
plan as built shows (a rule whose items were all dropped is not claimed)."""

from __future__ import annotations

from planner.catalog.rules import SetPlan
from planner.engine.chosen import Chosen, Selection
from planner.engine.schedule import Packed
from planner.facts import (
    YEAR_WEEKS,
    CatchUpWeeks,
    DeadlineCut,
    LongPlan,
    Note,
    NotWhole,
    PartFull,
    RuleFiring,
    TooLong,
)
from planner.plan import Omitted, Week


def visible_firings(
    selection: Selection, weeks: list[Week], skipped: tuple[Omitted, ...]
) -> tuple[RuleFiring, ...]:
    """The fired rules whose effect the plan as built shows, and only those."""
    shown = {w.rule for week in weeks for item in week.items for w in item.why if w.rule}
    shown |= {s.why.rule for s in skipped if s.why.rule}
    kinds = {item.kind for week in weeks for item in week.items}
    out = []
    for firing in selection.fired:
        rule = selection.rules[firing.rule_id]
        plan = rule.actions(SetPlan)
        visible = (
            firing.rule_id in shown
            or not rule.then
            or (any(p.review for p in plan) and "review" in kinds)
            or (any(p.catch_up_every for p in plan) and "catch-up" in kinds)
        )
        if visible:
            out.append(firing)
    return tuple(out)


def plan_notes(
    deadline: int | None,
    full: Packed,
    packed: Packed,
    kept: tuple[Chosen, ...],
    dropped: tuple[Omitted, ...],
    weeks: list[Week],
    hours_per_week: float,
) -> list[Note]:
    """What the plan says of itself: what a deadline cut, a part-full plan, a long one."""
    notes: list[Note] = []
    if dropped and deadline:
        notes.append(
            DeadlineCut(full_weeks=len(full.weeks), deadline=deadline, left_out=len(dropped))
        )
    notes += [
        NotWhole(item=c.item.id, planned=len(c.tasks), after=c.left_after)
        for c in kept
        if c.left_after
    ]
    if deadline and len(packed.weeks) > deadline and len(kept) <= 1:
        notes.append(TooLong(weeks=len(packed.weeks), deadline=deadline))
    # the spaced review is said once, by the rule that asks for it
    if len(packed.weeks) > packed.lower_bound + 1:
        notes.append(PartFull(weeks=len(packed.weeks), lower_bound=packed.lower_bound))
    if len(weeks) > YEAR_WEEKS:
        notes.append(LongPlan(weeks=len(weeks), hours_per_week=hours_per_week))
    extra = len(weeks) - len(packed.weeks)
    if extra:
        notes.append(CatchUpWeeks(count=extra))
    return notes
