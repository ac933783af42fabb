"""Honest length: when a plan runs past a year, concrete alternatives, each planned for real."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Protocol

from planner.catalog.model import Catalog
from planner.engine.schedule import Packed
from planner.facts import YEAR_WEEKS, Alternative
from planner.plan import Omitted, Plan
from planner.profile.model import Profile
from planner.profile.questions import HOURS

NARROW_TRACK = "llm-applications"  # the shortest path to building with LLMs


class Packs(Protocol):
    """Plans a profile as far as its weeks (no dates, no reasons): what alternatives need."""

    def __call__(self, profile: Profile, catalog: Catalog) -> _Packing: ...


class _Packing(Protocol):
    @property
    def dropped(self) -> tuple[Omitted, ...]: ...

    @property
    def packed(self) -> Packed: ...


def alternatives(
    profile: Profile, plan: Plan, catalog: Catalog, pack: Packs
) -> tuple[Alternative, ...]:
    """Two or three ways to a plan of about a year, with their numbers."""
    out = []
    faster = _more_hours(profile, plan, catalog, pack)
    if faster:
        out.append(faster)
    if profile.goal != NARROW_TRACK and NARROW_TRACK in catalog.tracks:
        narrow = pack(replace(profile, goal=NARROW_TRACK, weeks=None), catalog)
        if len(narrow.packed.weeks) < len(plan.weeks):
            out.append(
                Alternative(
                    weeks=len(narrow.packed.weeks),
                    hours_per_week=profile.hours_per_week,
                    goal=NARROW_TRACK,
                    goal_title=catalog.tracks[NARROW_TRACK].title,
                )
            )
    if not profile.weeks or profile.weeks > YEAR_WEEKS:
        cut = pack(replace(profile, weeks=YEAR_WEEKS), catalog)
        out.append(
            Alternative(
                weeks=len(cut.packed.weeks),
                hours_per_week=profile.hours_per_week,
                goal=profile.goal,
                goal_title=plan.goal_title,
                deadline=YEAR_WEEKS,
                left_out=len(cut.dropped),
                left_out_hours=sum(d.hours for d in cut.dropped),
            )
        )
    return tuple(out)


def _more_hours(profile: Profile, plan: Plan, catalog: Catalog, pack: Packs) -> Alternative | None:
    """The fewest whole hours a week that fit the same goal into about a year.

    More hours a week can bring in more items (the rules keep extras at higher hours), so
    each try sizes the next from the hours the last one planned.
    """
    work = plan.total_hours
    for _ in range(5):
        hours = min(float(HOURS[1]), math.ceil(work / (YEAR_WEEKS - 2)))
        if hours <= profile.hours_per_week:
            return None
        faster = pack(replace(profile, hours_per_week=hours, weeks=None), catalog).packed
        if len(faster.weeks) <= YEAR_WEEKS or hours >= HOURS[1]:
            return Alternative(
                weeks=len(faster.weeks),
                hours_per_week=hours,
                goal=profile.goal,
                goal_title=plan.goal_title,
            )
        work = max(work + hours, sum(ch.hours for w in faster.weeks for ch in w))
    return None
