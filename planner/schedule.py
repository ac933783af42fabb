"""Sequencing and packing the selection into dated weeks: profile + catalog + today -> Plan."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from planner.catalog import Catalog
from planner.deadline import fit_deadline
from planner.packing import Chunk, Unit, pack, priority_rules
from planner.plan import Plan
from planner.profile import Profile
from planner.rules import Chosen, Selection, load_rules, select
from planner.weeks import ReviewPolicy, dated_weeks

LONG_PLAN_WEEKS = 52


@dataclass(frozen=True)
class Packed:
    weeks: list[list[Chunk]]
    lower_bound: int


def build_plan(profile: Profile, catalog: Catalog, today: date) -> Plan:
    """The whole pipeline's core: choose items, fit the deadline, pack and date the weeks."""
    selection = select(profile, catalog, load_rules(catalog))
    review = ReviewPolicy.for_hours(profile.hours_per_week, selection.settings.review)
    capacity = profile.hours_per_week - review.reserve

    def packer(chosen: tuple[Chosen, ...]) -> Packed:
        return pack_items(chosen, catalog, capacity, profile.hours_per_week)

    full = packer(selection.items)
    kept, dropped, packed = fit_deadline(selection, full, packer, profile.weeks)
    notes = _notes(profile, full, packed, selection, review)
    start = profile.start(today)
    weeks = dated_weeks(packed.weeks, {c.item.id: c for c in kept}, catalog, start, review,
                        selection.settings.catch_up_every, profile.weeks)
    data = profile.to_data() | {"start_date": start.isoformat()}
    extra = len(weeks) - len(packed.weeks)
    if extra:
        notes.append(f"The plan has {extra} light catch-up week{'s' * (extra > 1)} to "
                     "finish what is left open and rest.")
    return Plan(
        name=profile.name, goal=profile.goal, goal_title=catalog.tracks[profile.goal].title,
        hours_per_week=profile.hours_per_week, start_date=start, weeks=tuple(weeks),
        dropped=dropped, skipped=selection.skipped, notes=tuple(notes), fired=selection.fired,
        full_weeks=len(full.weeks) + extra, lower_bound_weeks=packed.lower_bound,
        profile=data)


def pack_items(chosen: tuple[Chosen, ...], catalog: Catalog, capacity: float,
               hours_per_week: float) -> Packed:
    """Try each priority rule and keep the shortest plan (ties: the authored order)."""
    ids = {c.item.id for c in chosen}
    order = {item_id: n for n, item_id in enumerate(catalog.items)}
    units = {c.item.id: Unit(c.item.id, c.hours,
                             tuple(p for p in c.item.prerequisites if p in ids),
                             c.item.splittable and c.hours > 1.0, order[c.item.id])
             for c in chosen}
    if not units:
        return Packed([], 0)
    best = min((pack(units, capacity, key) for key in priority_rules(units)), key=len)
    total = sum(u.hours for u in units.values())
    big = sum(1 for u in units.values() if not u.splittable and u.hours > hours_per_week / 2)
    return Packed(best, max(math.ceil(total / hours_per_week - 1e-9), big))


def _notes(profile: Profile, full: Packed, packed: Packed, selection: Selection,
           review: ReviewPolicy) -> list[str]:
    notes = []
    if review.reserve:
        notes.append(f"About {review.reserve:g} h of each week is kept for spaced review of "
                     "what you studied one and three weeks before.")
    if len(packed.weeks) > packed.lower_bound + 1:
        notes.append(f"The plan takes {len(packed.weeks)} weeks where {packed.lower_bound} "
                     "would hold the hours: prerequisites and items that cannot be split "
                     "leave some weeks part-full.")
    if len(packed.weeks) > LONG_PLAN_WEEKS:
        years = len(packed.weeks) / 52
        notes.append(f"At {profile.hours_per_week:g} hours a week this plan runs "
                     f"{len(packed.weeks)} weeks (about {years:.1f} years). More hours a week, "
                     "or a deadline, would shorten it.")
    return notes
