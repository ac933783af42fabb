"""Scheduling: the chosen items -> weeks of whole tasks, in the order they start in."""

from __future__ import annotations

import math
from dataclasses import dataclass

from planner.catalog.model import Catalog
from planner.engine.chosen import Chosen
from planner.engine.hours import EPS
from planner.engine.order import authored_order, habits, needs, ranks, release_weeks
from planner.engine.packing import Chunk, Unit, pack
from planner.engine.review import ReviewPolicy


@dataclass(frozen=True)
class Packed:
    weeks: list[list[Chunk]]
    lower_bound: int
    capacity: float  # hours a week


def pack_items(
    chosen: tuple[Chosen, ...], catalog: Catalog, hours_per_week: float, review: ReviewPolicy
) -> Packed:
    """Pack the chosen items' remaining tasks into weeks of hours_per_week.

    The order items start in: level, then what a rule marked as key ("Python comes first"),
    then the authored order. A task longer than the room a week keeps beside its review
    slot becomes sessions.
    """
    if not chosen:
        return Packed([], 0, hours_per_week)
    graph = catalog.graph.within(c.item.id for c in chosen)
    woven = habits(chosen, graph)
    rank = ranks(chosen, graph, authored_order(catalog))
    need = needs(chosen, graph)
    total = sum(c.hours for c in chosen)
    habit_ranks = {c.item.id: rank[c.item.id] for c in chosen if c.item.id in woven}
    release = release_weeks(habit_ranks, math.ceil(total / hours_per_week))
    units = {
        c.item.id: Unit(
            id=c.item.id,
            tasks=tuple(h for _, h in c.tasks),
            prerequisites=need[c.item.id],
            rank=rank[c.item.id],
            group=c.item.section,
            woven=c.item.id in woven,
            release=release.get(c.item.id, 0),
            started=c.started,
        )
        for c in chosen
    }
    longest = hours_per_week - min(review.cap, hours_per_week / 2)
    weeks = pack(units, hours_per_week, review, longest)
    planned = sum(chunk.hours for week in weeks for chunk in week)
    return Packed(weeks, math.ceil(planned / hours_per_week - EPS), hours_per_week)
