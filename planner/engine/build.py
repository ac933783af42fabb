"""The engine's whole step: choose items, fit the deadline, pack and date the weeks -> Plan."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import partial

from planner.catalog.model import Catalog
from planner.catalog.rules import SetPlan
from planner.engine.budget import fit_deadline
from planner.engine.chosen import Chosen, Selection
from planner.engine.options import YEAR_WEEKS, alternatives, describe
from planner.engine.reasons import item_reasons
from planner.engine.review import ReviewPolicy
from planner.engine.rules import fired_rules
from planner.engine.schedule import Packed, pack_items
from planner.engine.selection import select
from planner.engine.weeks import dated_weeks
from planner.plan import Omitted, Plan, RuleFiring, Week
from planner.profile.model import Profile


@dataclass(frozen=True)
class Packing:
    """The engine's result before dating: what was chosen, left out and packed into weeks."""

    selection: Selection
    full: Packed  # the whole selection, packed
    kept: tuple[Chosen, ...]
    dropped: tuple[Omitted, ...]
    packed: Packed  # what was kept, packed (== full without a deadline)


def pack_profile(profile: Profile, catalog: Catalog, like: Packing | None = None) -> Packing:
    """Choose items, fit the deadline, pack into weeks: the plan without dates or reasons.

    like: a packing of a variant of the profile; when the rules choose the same items at the
    same hours, its full packing is reused (an alternative's deadline needs no new one).
    """
    selection = select(profile, catalog, fired_rules(profile, catalog))
    review = ReviewPolicy.for_plan(
        {c.item.id: c.hours for c in selection.items},
        profile.hours_per_week,
        selection.settings.review,
    )
    packer = partial(
        pack_items, catalog=catalog, hours_per_week=profile.hours_per_week, review=review
    )
    same = (
        like is not None
        and like.selection == selection
        and like.full.capacity == profile.hours_per_week
    )
    full = like.full if like is not None and same else packer(selection.items)
    kept, dropped, packed = fit_deadline(
        selection, full, packer, profile.weeks, profile.hours_per_week, profile.interests
    )
    return Packing(selection, full, kept, dropped, packed)


def build_plan(profile: Profile, catalog: Catalog, today: date) -> Plan:
    """The whole core: choose items, fit the deadline, pack and date the weeks."""
    packing = pack_profile(profile, catalog)
    selection, packed = packing.selection, packing.packed
    chosen = {c.item.id: c for c in packing.kept}
    start = profile.start(today)
    weeks = dated_weeks(
        packed.weeks,
        chosen,
        catalog,
        start,
        selection.settings.catch_up_every,
        profile.weeks,
        partial(item_reasons, chosen, catalog=catalog),
    )
    data = profile.to_data() | {"start_date": start.isoformat()}
    extra = len(weeks) - len(packed.weeks)
    plan = Plan(
        name=profile.name,
        goal=profile.goal,
        goal_title=catalog.tracks[profile.goal].title,
        hours_per_week=profile.hours_per_week,
        start_date=start,
        weeks=tuple(weeks),
        dropped=packing.dropped,
        skipped=selection.skipped,
        fired=_visible(selection, weeks, packing.dropped),
        full_weeks=len(packing.full.weeks) + extra,
        lower_bound_weeks=packed.lower_bound,
        profile=data,
    )
    if len(weeks) > YEAR_WEEKS:
        plan = replace(
            plan,
            alternatives=alternatives(profile, plan, catalog, partial(pack_profile, like=packing)),
        )
    return replace(plan, notes=tuple(_notes(profile, plan, packing, extra)))


def _visible(
    selection: Selection, weeks: list[Week], dropped: tuple[Omitted, ...]
) -> tuple[RuleFiring, ...]:
    """The fired rules whose effect the plan as built shows, and only those."""
    shown = {w.rule for week in weeks for item in week.items for w in item.why if w.rule}
    shown |= {s.why.rule for s in selection.skipped if s.why.rule}
    kinds = {item.kind for week in weeks for item in week.items}
    rules = selection.rules
    out = []
    for firing in selection.fired:
        rule = rules[firing.rule_id]
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


def _notes(profile: Profile, plan: Plan, packing: Packing, extra: int) -> list[str]:
    full, packed = packing.full, packing.packed
    notes = []
    if plan.dropped:
        notes.append(
            f"The full plan needs {len(full.weeks)} weeks; to fit your deadline of "
            f"{profile.weeks} weeks, {len(plan.dropped)} item"
            f"{'s were' if len(plan.dropped) > 1 else ' was'} left out (listed "
            "with why), and the hours went to what serves your goal most."
        )
    for c in packing.kept:
        if c.left_after:
            first = "task is" if len(c.tasks) == 1 else f"{len(c.tasks)} tasks are"
            notes.append(
                f"{c.item.title} does not fit whole before your deadline: its first "
                f"{first} planned, and {c.left_after:g} h of it come after the "
                "deadline."
            )
    if profile.weeks and len(packed.weeks) > profile.weeks and len(packing.kept) <= 1:
        notes.append(
            f"Even the most valuable item needs {len(packed.weeks)} weeks, more than "
            f"your deadline of {profile.weeks}: more hours a week, or a later "
            "deadline, would fit it."
        )
    # the spaced review is said once, by the rule that asks for it
    if len(packed.weeks) > packed.lower_bound + 1:
        notes.append(
            f"The plan takes {len(packed.weeks)} weeks where {packed.lower_bound} "
            "would hold the hours: prerequisites leave some weeks part-full."
        )
    if len(plan.weeks) > YEAR_WEEKS:
        notes.append(describe(plan))
    if extra:
        notes.append(
            f"The plan has {extra} light catch-up week{'s' * (extra > 1)} to "
            "finish what is left open and rest."
        )
    return notes
