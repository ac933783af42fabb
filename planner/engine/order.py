"""The order items start in: level, what a rule marked as key, the authored order, and the
habits (soft skills, ethics) woven in one at a time or placed beside the work they serve."""

from __future__ import annotations

import functools
from functools import cache

from planner.catalog.graph import Graph
from planner.catalog.model import LEVELS, Catalog
from planner.engine.chosen import Chosen

WOVEN = {"soft-skills", "ethics"}  # short habits spread through the plan, one a week
WOVEN_MAX_HOURS = 4.0
FIRST_HABIT_WEEK = 3  # 0-based: habits start in week 4, after the first technical weeks

Rank = tuple[int, ...]


@cache
def authored_order(catalog: Catalog) -> dict[str, int]:
    """The guide's sections in order, then each file's order: ties go to what comes first."""
    sections = list(catalog.sections)
    ordered = sorted(catalog.items, key=lambda i: sections.index(catalog.items[i].section))
    return {item_id: n for n, item_id in enumerate(ordered)}


def is_woven(chosen: Chosen) -> bool:
    return bool(WOVEN & set(chosen.item.tags)) and chosen.hours <= WOVEN_MAX_HOURS


def ranks(chosen: tuple[Chosen, ...], graph: Graph, order: dict[str, int]) -> dict[str, Rank]:
    """Each item's priority: level, what a rule marked as key, the authored order.

    A habit (soft skills, ethics) that technical work builds on takes the rank of the
    earliest work that needs it, so it comes right before that work, not in the first weeks
    because it is a beginner item.
    """
    own = {
        c.item.id: (LEVELS.index(c.item.level), int(not c.emphasised), order[c.item.id], 0)
        for c in chosen
    }
    woven = {c.item.id for c in chosen if is_woven(c)}

    @functools.cache
    def rank(item_id: str) -> Rank:
        later = [rank(u) for u in graph.users[item_id]] if item_id in woven else []
        if not later:
            return own[item_id]
        first = min(later)
        return (*first[:3], first[3] - 1)  # just before it

    return {item_id: rank(item_id) for item_id in own}


def needs(chosen: tuple[Chosen, ...], graph: Graph) -> dict[str, tuple[str, ...]]:
    """Each item's prerequisites inside the plan; a habit that technical work builds on also
    waits for that work's other prerequisites, so it lands next to the work it serves (unless
    it is under way already: started work continues first)."""
    by_id = {c.item.id: c for c in chosen}
    free = habits(chosen, graph)
    out = dict(graph.prerequisites)
    for item_id, c in by_id.items():
        if item_id in free or not is_woven(c) or c.started:
            continue
        served = _served(item_id, graph, by_id)
        if served is None:
            continue
        extra = [
            p
            for p in graph.prerequisites[served]
            if p != item_id
            and not is_woven(by_id[p])
            and item_id not in graph.bundle(p)
            and p not in out[item_id]
        ]
        out[item_id] = (*out[item_id], *extra)
    return out


def _served(item_id: str, graph: Graph, by_id: dict[str, Chosen]) -> str | None:
    """The first technical item (authored order) that builds on item_id, through habits."""
    seen, stack, found = set(), list(graph.users[item_id]), []
    while stack:
        here = stack.pop()
        if here in seen:
            continue
        seen.add(here)
        if is_woven(by_id[here]):
            stack.extend(graph.users[here])
        else:
            found.append(here)
    return min(found, default=None)


def habits(chosen: tuple[Chosen, ...], graph: Graph) -> set[str]:
    """The woven items, but for those other work builds on: they go where that work needs."""
    woven = {c.item.id for c in chosen if is_woven(c)}
    return woven - graph.ancestors(c.item.id for c in chosen if c.item.id not in woven)


def release_weeks(habit_ranks: dict[str, Rank], weeks: int) -> dict[str, int]:
    """Spread the habits over weeks: the j-th (by rank) may start no earlier than
    FIRST_HABIT_WEEK + j * gap (0-based weeks)."""
    first = min(FIRST_HABIT_WEEK, weeks // 3)
    gap = max(1, (weeks - first) // (len(habit_ranks) + 1))
    ordered = sorted(habit_ranks, key=habit_ranks.__getitem__)
    return {item_id: first + j * gap for j, item_id in enumerate(ordered)}
