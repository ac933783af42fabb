"""List scheduling: pack items with hours and prerequisites into weeks of fixed capacity."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

EPS = 1e-6
MIN_CHUNK = 1.0  # a split item gets at least an hour a week


@dataclass(frozen=True)
class Unit:
    """What the packer sees of an item: hours, prerequisites, and whether it may be split."""

    id: str
    hours: float
    prerequisites: tuple[str, ...]  # only those inside the plan
    splittable: bool
    index: int  # catalog position: the authored order


Chunk = tuple[str, float]  # (item id, hours this week)
PriorityKey = Callable[[Unit], tuple[float | int | str, ...]]


def priority_rules(units: dict[str, Unit]) -> list[PriorityKey]:
    """The priority rules tried, best-known first: authored order, critical path, largest."""
    dependents: dict[str, list[str]] = {u: [] for u in units}
    for unit in units.values():
        for pre in unit.prerequisites:
            dependents[pre].append(unit.id)

    @cache
    def tail(item_id: str) -> float:
        after = [tail(d) for d in dependents[item_id]]
        return units[item_id].hours + max(after, default=0.0)

    return [
        lambda u: (u.index,),
        lambda u: (-tail(u.id), -u.hours, u.index),
        lambda u: (-u.hours, -tail(u.id), u.index),
    ]


def pack(units: dict[str, Unit], capacity: float, key: PriorityKey) -> list[list[Chunk]]:
    """Fill each week with the highest-priority ready item that fits; split what must be."""
    remaining = {u: units[u].hours for u in sorted(units, key=lambda i: key(units[i]))}
    done: set[str] = set()
    started: set[str] = set()
    weeks: list[list[Chunk]] = []
    while remaining:
        week: list[Chunk] = []
        left = capacity
        while left > EPS:
            ready = [u for u in remaining if all(p in done for p in units[u].prerequisites)]
            chunk = _next_chunk(ready, remaining, units, started, left, empty=not week)
            if chunk is None:
                break
            item_id, hours = chunk
            week.append(chunk)
            started.add(item_id)
            left -= hours
            remaining[item_id] -= hours
            if remaining[item_id] <= EPS:
                del remaining[item_id]
                done.add(item_id)
        if not week:
            raise RuntimeError("packing made no progress: a prerequisite cycle?")
        weeks.append(week)
    return weeks


def _next_chunk(ready: list[str], remaining: dict[str, float], units: dict[str, Unit],
                started: set[str], left: float, empty: bool) -> Chunk | None:
    # ready is already in priority order; an item under way comes first so parts stay together
    ordered = [u for u in ready if u in started] + [u for u in ready if u not in started]
    for item_id in ordered:
        if remaining[item_id] <= left + EPS:
            return item_id, remaining[item_id]
    for item_id in ordered:
        rest = remaining[item_id]
        if units[item_id].splittable or (empty and rest > left):
            hours = left if rest - left >= MIN_CHUNK else rest - MIN_CHUNK
            hours = _quarter(hours)
            if hours >= MIN_CHUNK - EPS or (empty and hours > EPS):
                return item_id, hours
    return None


def _quarter(hours: float) -> float:
    return int(hours * 4 + EPS) / 4
