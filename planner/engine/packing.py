"""List scheduling: pack items with hours and prerequisites into weeks of fixed capacity."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

EPS = 1e-6
MIN_CHUNK = 1.0  # a split item gets at least an hour a week
SHARE_CAP = 0.6  # first pass: one item takes at most this share of a week (interleaving)
REVIEW = "@review"  # the chunk id of a week's spaced-review slot


@dataclass(frozen=True)
class Unit:
    """What the packer sees of an item: hours, prerequisites, and whether it may be split."""

    id: str
    hours: float
    prerequisites: tuple[str, ...]  # only those inside the plan
    splittable: bool
    index: int  # catalog position: the authored order
    group: str = ""  # the section: the packer interleaves groups within a week
    stage: int = 0  # level: 0 beginner, 1 intermediate, 2 advanced; lower stages go first
    woven: bool = False  # a short habit (soft skills, ethics): one a week once it is ready


Chunk = tuple[str, float]  # (item id, hours this week)
PriorityKey = Callable[[Unit], tuple[float | int | str, ...]]
ReviewHours = Callable[[list[list[str]]], float]  # items finished per week so far -> hours


def priority_rules(units: dict[str, Unit]) -> list[PriorityKey]:
    """The priority rules tried: authored order (wins ties), critical path, largest first."""
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


def no_review(finished: list[list[str]]) -> float:
    return 0.0


def pack(units: dict[str, Unit], capacity: float, key: PriorityKey,
         review: ReviewHours = no_review) -> list[list[Chunk]]:
    """Fill each week with the highest-priority ready item that fits; split what must be.

    Each week is filled twice: first with no item over SHARE_CAP of the week and other
    sections preferred (interleaving), then without the cap to use what is left.
    """
    remaining = {u: units[u].hours for u in sorted(units, key=lambda i: key(units[i]))}
    done: set[str] = set()
    started: set[str] = set()
    finished: list[list[str]] = []
    weeks: list[list[Chunk]] = []
    cap = _quarter(capacity * SHARE_CAP) if capacity >= 3 else None
    while remaining:
        slot = min(review(finished), capacity / 2)
        week: dict[str, float] = {}
        left = capacity - slot
        for limit in (cap, None):
            while left > EPS:
                ready = [u for u in remaining if all(p in done for p in units[u].prerequisites)]
                chunk = _next_chunk(ready, remaining, units, started, left, week, limit)
                if chunk is None:
                    break
                item_id, hours = chunk
                week[item_id] = week.get(item_id, 0.0) + hours
                started.add(item_id)
                left -= hours
                remaining[item_id] -= hours
                if remaining[item_id] <= EPS:
                    del remaining[item_id]
                    done.add(item_id)
        if not week:
            raise RuntimeError("packing made no progress: a prerequisite cycle?")
        finished.append([i for i in week if i in done and i not in _earlier(finished)])
        weeks.append([*week.items(), *([(REVIEW, slot)] if slot > EPS else [])])
    return weeks


def _earlier(finished: list[list[str]]) -> set[str]:
    return {i for week in finished for i in week}


def _next_chunk(ready: list[str], remaining: dict[str, float], units: dict[str, Unit],
                started: set[str], left: float, week: dict[str, float],
                limit: float | None) -> Chunk | None:
    groups = {units[i].group for i in week}
    weave = not any(units[i].woven for i in week)
    # under way first (parts stay together), then one woven habit a week, then the lowest
    # level (foundations before what builds on them), then sections not yet in this week;
    # ready is already in priority order
    ordered = sorted(ready, key=lambda u: (u not in started, not (weave and units[u].woven),
                                           units[u].stage, units[u].group in groups))
    if limit is not None:
        ordered = [u for u in ordered if week.get(u, 0.0) < limit - EPS]
    for item_id in ordered:
        room = left if limit is None else min(left, limit - week.get(item_id, 0.0))
        rest = remaining[item_id]
        if rest <= room + EPS:
            return item_id, rest
        if units[item_id].splittable or (not week and limit is None and rest > left):
            hours = _quarter(room if rest - room >= MIN_CHUNK else rest - MIN_CHUNK)
            # a chunk under an hour only grows a part already in this week, or fills an
            # empty week that nothing else can
            small_ok = item_id in week or (not week and limit is None)
            if hours >= MIN_CHUNK - EPS or (small_ok and hours > EPS):
                return item_id, hours
    return None


def _quarter(hours: float) -> float:
    return int(hours * 4 + EPS) / 4
