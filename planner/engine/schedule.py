"""Scheduling: the chosen items -> weeks of chunks, trying each priority rule of the packer."""

from __future__ import annotations

import math
from dataclasses import dataclass

from planner.catalog.model import LEVELS, Catalog
from planner.engine.packing import Chunk, ReviewHours, Unit, pack, priority_rules
from planner.engine.selection import Chosen

WOVEN = {"soft-skills", "ethics"}  # short habits spread through the plan, one a week


@dataclass(frozen=True)
class Packed:
    weeks: list[list[Chunk]]
    lower_bound: int


def pack_items(chosen: tuple[Chosen, ...], catalog: Catalog, hours_per_week: float,
               review: ReviewHours) -> Packed:
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
