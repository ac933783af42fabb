"""The engine's whole step: choose items, fit the deadline, pack and date the weeks -> Plan."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import partial

from planner.catalog.model import Catalog
from planner.engine.budget import fit_deadline
from planner.engine.chosen import Chosen, Selection
from planner.engine.notes import plan_notes, visible_firings
from planner.engine.options import alternatives
from planner.engine.reasons import item_reasons
from planner.engine.review import ReviewPolicy
from planner.engine.rules import fired_rules
from planner.engine.schedule import Packed, pack_items
from planner.engine.selection import select
from planner.engine.weeks import dated_weeks
from planner.facts import YEAR_WEEKS
from planner.plan import Omitted, Plan
from planner.profile.model import Profile


@dataclass(frozen=True, kw_only=True)
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
    return Packing(selection=selection, full=full, kept=kept, dropped=dropped, packed=packed)


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
    planned = {item.id for week in weeks for item in week.items}
    # what the plan assumes of a skipped item is said of the items it still plans
    skipped = tuple(
        replace(o, needed_by=tuple(u for u in o.needed_by if u in planned))
        for o in selection.skipped
    )
    named = planned | {o.id for o in (*packing.dropped, *skipped)} | set(profile.completed)
    plan = Plan(
        name=profile.name,
        goal=profile.goal,
        goal_title=catalog.tracks[profile.goal].title,
        hours_per_week=profile.hours_per_week,
        start_date=start,
        weeks=tuple(weeks),
        deadline=profile.weeks,
        dropped=packing.dropped,
        skipped=skipped,
        fired=visible_firings(selection, weeks, skipped),
        full_weeks=len(packing.full.weeks) + len(weeks) - len(packed.weeks),
        lower_bound_weeks=packed.lower_bound,
        profile=profile.to_data() | {"start_date": start.isoformat()},
        titles={i: catalog.items[i].title for i in catalog.items if i in named},
        interest_titles={i: catalog.interests[i].title for i in profile.interests},
        notes=tuple(
            plan_notes(
                profile.weeks,
                packing.full,
                packed,
                packing.kept,
                packing.dropped,
                weeks,
                profile.hours_per_week,
            )
        ),
    )
    if len(weeks) > YEAR_WEEKS:
        pack = partial(pack_profile, like=packing)
        plan = replace(plan, alternatives=alternatives(profile, plan, catalog, pack))
    return plan
