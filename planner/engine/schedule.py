"""Scheduling: the chosen items -> weeks of whole tasks, in a fixed order of priority."""

from __future__ import annotations

import functools
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


def pack_items(
    chosen: tuple[Chosen, ...], catalog: Catalog, hours_per_week: float, review: ReviewPolicy
) -> Packed:
    """Pack the chosen items' remaining tasks into weeks of hours_per_week.

    The order items start in: level, then what a rule marked as key ("Python comes first"),
    then the authored order. A task longer than the room a week keeps beside its review
    slot becomes sessions.
    """
    habits = _habits(chosen)
    ranks = _ranks(chosen, authored_order(catalog))
    needs = _needs(chosen, habits)
    units = {
        c.item.id: Unit(
            c.item.id,
            tuple(h for _, h in c.tasks),
            needs[c.item.id],
            ranks[c.item.id],
            c.item.section,
            c.item.id in habits,
            0,
            c.started,
        )
        for c in chosen
    }
    if not units:
        return Packed([], 0, hours_per_week)
    units = _released(units, hours_per_week)
    longest = hours_per_week - min(review.cap, hours_per_week / 2)
    weeks = pack(units, hours_per_week, review, longest)
    total = sum(chunk.hours for week in weeks for chunk in week)
    return Packed(weeks, math.ceil(total / hours_per_week - 1e-9), hours_per_week)


def _ranks(chosen: tuple[Chosen, ...], order: dict[str, int]) -> dict[str, tuple[int, ...]]:
    """Each item's priority: level, what a rule marked as key, the authored order.

    A habit (soft skills, ethics) that technical work builds on takes the rank of the
    earliest work that needs it, so it comes right before that work, not in the first weeks
    because it is a beginner item.
    """
    own = {
        c.item.id: (LEVELS.index(c.item.level), int(not c.emphasised), order[c.item.id], 0)
        for c in chosen
    }
    users: dict[str, list[str]] = {}
    for c in chosen:
        for pre in c.item.prerequisites:
            users.setdefault(pre, []).append(c.item.id)

    @functools.cache
    def rank(item_id: str) -> tuple[int, ...]:
        if item_id not in woven:
            return own[item_id]
        later = [rank(u) for u in users.get(item_id, ()) if u in own]
        if not later:
            return own[item_id]
        first = min(later)
        return (*first[:3], first[3] - 1)  # just before it

    woven = {c.item.id for c in chosen if is_woven(c)}
    return {item_id: rank(item_id) for item_id in own}


def _needs(chosen: tuple[Chosen, ...], habits: set[str]) -> dict[str, tuple[str, ...]]:
    """Each item's prerequisites inside the plan; a habit that technical work builds on also
    waits for that work's other prerequisites, so it lands next to the work it serves (unless
    it is under way already: started work continues first)."""
    by_id = {c.item.id: c for c in chosen}
    pres = {i: tuple(p for p in c.item.prerequisites if p in by_id) for i, c in by_id.items()}
    users: dict[str, list[str]] = {}
    for item_id, before in pres.items():
        for pre in before:
            users.setdefault(pre, []).append(item_id)

    @functools.cache
    def ancestors(item_id: str) -> frozenset[str]:
        return frozenset(pres[item_id]).union(*(ancestors(p) for p in pres[item_id]))

    out = dict(pres)
    for item_id, c in by_id.items():
        if item_id in habits or not is_woven(c) or c.started:
            continue
        served = _served(item_id, users, by_id)
        if served is None:
            continue
        extra = [
            p
            for p in pres[served]
            if p != item_id
            and not is_woven(by_id[p])
            and item_id not in ancestors(p)
            and p not in out[item_id]
        ]
        out[item_id] = (*out[item_id], *extra)
    return out


def _served(item_id: str, users: dict[str, list[str]], by_id: dict[str, Chosen]) -> str | None:
    """The first technical item (authored order) that builds on item_id, through habits."""
    seen, stack, found = set(), list(users.get(item_id, ())), []
    while stack:
        here = stack.pop()
        if here in seen:
            continue
        seen.add(here)
        if is_woven(by_id[here]):
            stack.extend(users.get(here, ()))
        else:
            found.append(here)
    return min(found, default=None)


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
        out[unit.id] = Unit(
            unit.id,
            unit.tasks,
            unit.prerequisites,
            unit.rank,
            unit.group,
            True,
            first + j * gap,
            unit.started,
        )
    return out
