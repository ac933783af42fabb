"""Scheduling: the chosen items -> weeks of whole tasks, in a fixed order of priority."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from planner.catalog.model import LEVELS, Catalog
from planner.engine.packing import Chunk, Unit, pack
from planner.engine.review import ReviewPolicy
from planner.engine.selection import Chosen

WOVEN = {"soft-skills", "ethics"}  # short habits spread through the plan, one a week
WOVEN_MAX_HOURS = 4.0
FIRST_HABIT_WEEK = 3  # 0-based: habits start in week 4, after the first technical weeks


@dataclass(frozen=True)
class Packed:
    weeks: list[list[Chunk]]
    lower_bound: int
    capacity: float  # hours a week


@cache
def authored_order(catalog: Catalog) -> dict[str, int]:
    """The guide's sections in order, then each file's order: ties go to what comes first."""
    sections = list(catalog.sections)
    ordered = sorted(catalog.items, key=lambda i: sections.index(catalog.items[i].section))
    return {item_id: n for n, item_id in enumerate(ordered)}


def is_woven(chosen: Chosen) -> bool:
    return bool(WOVEN & set(chosen.item.tags)) and chosen.hours <= WOVEN_MAX_HOURS


def pack_items(chosen: tuple[Chosen, ...], catalog: Catalog, hours_per_week: float,
               review: ReviewPolicy) -> Packed:
    """Pack the chosen items' remaining tasks into weeks of hours_per_week.

    A task longer than the room a week keeps beside its review slot becomes sessions.
    """
    ids = {c.item.id for c in chosen}
    order = authored_order(catalog)
    habits = _habits(chosen)
    units = {c.item.id: Unit(c.item.id, tuple(h for _, h in c.tasks),
                             tuple(p for p in c.item.prerequisites if p in ids),
                             (LEVELS.index(c.item.level), order[c.item.id]),
                             c.item.section, c.item.id in habits, 0, c.started)
             for c in chosen}
    if not units:
        return Packed([], 0, hours_per_week)
    units = _released(units, hours_per_week)
    longest = hours_per_week - min(review.cap, hours_per_week / 2)
    weeks = pack(units, hours_per_week, review, longest)
    total = sum(chunk.hours for week in weeks for chunk in week)
    return Packed(weeks, math.ceil(total / hours_per_week - 1e-9), hours_per_week)


def _habits(chosen: tuple[Chosen, ...]) -> set[str]:
    """The woven items, but for those other work builds on: they go where that work needs."""
    woven = {c.item.id for c in chosen if is_woven(c)}
    by_id = {c.item.id: c for c in chosen}
    needed: set[str] = set()
    stack = [p for c in chosen if c.item.id not in woven for p in c.item.prerequisites]
    while stack:
        item_id = stack.pop()
        if item_id in by_id and item_id not in needed:
            needed.add(item_id)
            stack.extend(by_id[item_id].item.prerequisites)
    return woven - needed


def _released(units: dict[str, Unit], hours_per_week: float) -> dict[str, Unit]:
    """Spread the habits: the j-th may start no earlier than FIRST_HABIT_WEEK + j * gap."""
    habits = sorted((u for u in units.values() if u.woven), key=lambda u: u.rank)
    if not habits:
        return units
    weeks = math.ceil(sum(u.hours for u in units.values()) / hours_per_week)
    first = min(FIRST_HABIT_WEEK, weeks // 3)
    gap = max(1, (weeks - first) // (len(habits) + 1))
    out = dict(units)
    for j, unit in enumerate(habits):
        out[unit.id] = Unit(unit.id, unit.tasks, unit.prerequisites, unit.rank, unit.group,
                            True, first + j * gap, unit.started)
    return out
