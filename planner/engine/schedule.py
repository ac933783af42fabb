"""Sequencing and packing the selection into dated weeks: profile + catalog + today -> Plan."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from planner.catalog.model import LEVELS, Catalog
from planner.engine.deadline import fit_deadline
from planner.engine.packing import Chunk, Unit, pack, priority_rules
from planner.plan import Plan
from planner.profile.model import Profile
from planner.engine.rules import Chosen, load_rules, select
from planner.engine.weeks import ReviewPolicy, dated_weeks

LONG_PLAN_WEEKS = 52
WOVEN = {"soft-skills", "ethics"}  # short habits spread through the plan, one a week


@dataclass(frozen=True)
class Packed:
    weeks: list[list[Chunk]]
    lower_bound: int


def build_plan(profile: Profile, catalog: Catalog, today: date) -> Plan:
    """The whole pipeline's core: choose items, fit the deadline, pack and date the weeks."""
    selection = select(profile, catalog, load_rules(catalog))
    review = ReviewPolicy.for_plan({c.item.id: c.hours for c in selection.items},
                                   profile.hours_per_week, selection.settings.review)

    def packer(chosen: tuple[Chosen, ...]) -> Packed:
        return pack_items(chosen, catalog, profile.hours_per_week, review)

    full = packer(selection.items)
    kept, dropped, packed = fit_deadline(selection, full, packer, profile.weeks,
                                         profile.hours_per_week, profile.interests)
    notes = _notes(profile, packed, review)
    if profile.weeks and len(packed.weeks) > profile.weeks:
        notes.insert(0, f"Even the core of this plan needs {len(packed.weeks)} weeks, more than "
                        f"your deadline of {profile.weeks}: more hours a week, or a later "
                        "deadline, would fit it.")
    if dropped:
        notes.insert(0, f"The full plan needs {len(full.weeks)} weeks; to fit your deadline of "
                        f"{profile.weeks} weeks, {len(dropped)} item"
                        f"{'s were' if len(dropped) > 1 else ' was'} left out (listed with why).")
    start = profile.start(today)
    weeks = dated_weeks(packed.weeks, {c.item.id: c for c in kept}, catalog, start,
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


def pack_items(chosen: tuple[Chosen, ...], catalog: Catalog, hours_per_week: float,
               review: ReviewPolicy) -> Packed:
    """Try each priority rule and keep the shortest plan (ties: the first rule)."""
    ids = {c.item.id for c in chosen}
    sections = list(catalog.sections)
    # the authored order: the guide's sections in order, then each file's order
    authored = sorted(catalog.items, key=lambda i: sections.index(catalog.items[i].section))
    order = {item_id: n for n, item_id in enumerate(authored)}
    units = {c.item.id: Unit(c.item.id, c.hours,
                             tuple(p for p in c.item.prerequisites if p in ids),
                             c.item.splittable and c.hours > 1.0, order[c.item.id],
                             c.item.section, LEVELS.index(c.item.level),
                             bool(WOVEN & set(c.item.tags)) and c.hours <= 4)
             for c in chosen}
    if not units:
        return Packed([], 0)
    best = min((pack(units, hours_per_week, key, review) for key in priority_rules(units)),
               key=len)
    total = sum(h for week in best for _, h in week)
    big = sum(1 for u in units.values() if not u.splittable and u.hours > hours_per_week / 2)
    return Packed(best, max(math.ceil(total / hours_per_week - 1e-9), big))


def _notes(profile: Profile, packed: Packed, review: ReviewPolicy) -> list[str]:
    notes = []
    if review.hours:
        notes.append("Most weeks end with a short spaced-review slot: recall what you "
                     "finished one and three weeks before, without notes, then check.")
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
