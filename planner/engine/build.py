"""The engine's whole step: choose items, fit the deadline, pack and date the weeks -> Plan."""

from __future__ import annotations

from datetime import date

from planner.catalog.model import Catalog
from planner.engine.deadline import fit_deadline
from planner.engine.rules import fired_rules, load_rules
from planner.engine.schedule import Packed, pack_items
from planner.engine.selection import Chosen, select
from planner.engine.weeks import ReviewPolicy, dated_weeks
from planner.plan import Plan
from planner.profile.model import Profile

LONG_PLAN_WEEKS = 52


def build_plan(profile: Profile, catalog: Catalog, today: date) -> Plan:
    """The whole pipeline's core: choose items, fit the deadline, pack and date the weeks."""
    selection = select(profile, catalog, fired_rules(profile, load_rules(catalog)))
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


def _notes(profile: Profile, packed: Packed, review: ReviewPolicy) -> list[str]:
    notes = []
    # the spaced review is said once, by the rule that asks for it
    if len(packed.weeks) > packed.lower_bound + 1:
        notes.append(f"The plan takes {len(packed.weeks)} weeks where {packed.lower_bound} "
                     "would hold the hours: prerequisites and items that cannot be split "
                     "leave some weeks part-full.")
    if len(packed.weeks) > LONG_PLAN_WEEKS:
        years = len(packed.weeks) / 52
        notes.append(f"At {profile.hours_per_week:g} hour{'s' * (profile.hours_per_week != 1)} "
                     f"a week this plan runs "
                     f"{len(packed.weeks)} weeks (about {years:.1f} years). More hours a week, "
                     "or a deadline, would shorten it.")
    return notes
