"""A deadline as a budget of hours: the most valuable prerequisite-closed set that fits.

Selection under a budget is a precedence-constrained knapsack. Greedy by value density over
bundles (an item plus whatever of its prerequisites is not chosen yet) is simple and close to
the best; when the budget allows, a project or milestone comes first so the plan ends in
something to show; hours left over after packing are filled with what still fits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from planner.engine.schedule import Packed, is_woven
from planner.engine.selection import Chosen, Selection
from planner.plan import Omitted, Why

IMPORTANCE = {1: "core", 2: "recommended", 3: "optional"}
PRIORITY_VALUE = {1: 10.0, 2: 5.0, 3: 2.0}
SHOWCASE_KINDS = ("project", "milestone")
SHOWCASE_BUDGET = 40.0  # hours from which a plan ends in something to show
SHOWCASE_SHARE = 0.6  # the showcase bundle takes at most this share of the budget

Packer = Callable[[tuple[Chosen, ...]], Packed]
Fitted = tuple[tuple[Chosen, ...], tuple[Omitted, ...], Packed]


def fit_deadline(
    selection: Selection,
    full: Packed,
    packer: Packer,
    weeks: int | None,
    hours_per_week: float,
    interests: tuple[str, ...] = (),
) -> Fitted:
    """The items kept, those left out (with reasons), and the packing that fits `weeks`."""
    items = selection.items
    if not weeks or len(full.weeks) <= weeks:
        return items, (), full
    capacity = weeks * hours_per_week
    # what the full packing shows: review slots grow with the items' hours, and whole tasks
    # leave a little of each week unused
    planned = sum(c.hours for c in items)
    used = sum(ch.hours for w in full.weeks for ch in w)
    usable = used / (len(full.weeks) * hours_per_week)
    value = _values(items, set(interests))
    kept = _greedy(items, value, capacity * usable * planned / used)
    packed = packer(_in_order(items, kept))
    while len(packed.weeks) > weeks and len(kept) > 1:
        kept.discard(_least_dense_leaf(items, kept, value))
        packed = packer(_in_order(items, kept))
    chosen, packed = _start_one(_in_order(items, kept), items, packed, packer, value, weeks)
    chosen, packed = _fill(chosen, items, packed, packer, value, weeks)
    in_plan = {c.item.id for c in chosen}
    dropped = tuple(_omitted(c, weeks, capacity) for c in items if c.item.id not in in_plan)
    return chosen, dropped, packed


def _values(items: tuple[Chosen, ...], interests: set[str]) -> dict[str, float]:
    """What an item is worth to this learner: priority, their choices, something to show.

    Habits (soft skills, ethics) count a quarter: a deadline is spent on the technical goal,
    and the habits come back in the full plan. An item the rules shrink to a review of what
    the learner knows is worth that much less: fewer hours must not look denser.
    """
    out = {}
    for c in items:
        value = PRIORITY_VALUE.get(c.item.priority, 2.0) * min(1.0, c.scale)
        if is_woven(c):
            value /= 4
        if interests & set(c.item.tags):
            value *= 2
        if c.emphasised:  # the goal's key items and the milestones
            value *= 3
        elif any(w.kind in ("rule", "interest", "started") for w in c.why):
            value *= 1.5
        if c.item.kind in SHOWCASE_KINDS:
            value += 5
        out[c.item.id] = value
    return out


class _Items(dict[str, Chosen]):
    """The selection by id, with each item's prerequisite closure worked out once."""

    def __init__(self, items: tuple[Chosen, ...]) -> None:
        super().__init__((c.item.id, c) for c in items)
        self.closures = _closures(items)


def _closures(items: tuple[Chosen, ...]) -> dict[str, frozenset[str]]:
    """Each item with every prerequisite inside the selection: its bundle when none is kept."""
    by_id = {c.item.id: c for c in items}
    out: dict[str, frozenset[str]] = {}

    def closure(item_id: str) -> frozenset[str]:
        if item_id not in out:
            pres = [closure(p) for p in by_id[item_id].item.prerequisites if p in by_id]
            out[item_id] = frozenset({item_id}).union(*pres)
        return out[item_id]

    for item_id in by_id:
        closure(item_id)
    return out


def _greedy(items: tuple[Chosen, ...], value: dict[str, float], budget: float) -> set[str]:
    by_id = _Items(items)
    kept: set[str] = {c.item.id for c in items if c.started}  # started work always stays
    left = budget - sum(by_id[i].hours for i in kept)
    if budget >= SHOWCASE_BUDGET:
        shows = [i for i, c in by_id.items() if c.item.kind in SHOWCASE_KINDS]
        best = _densest(shows, by_id, kept, value, budget * SHOWCASE_SHARE)
        if best:
            kept |= best
            left -= sum(by_id[i].hours for i in best)
    while True:
        best = _densest(list(by_id), by_id, kept, value, left)
        if best and _density(best, by_id, value) < _too_big(by_id, kept, value, left):
            best = None  # the rest goes to the first tasks of a more valuable item
        if not best:
            return kept if kept else _densest(list(by_id), by_id, kept, value, 1e9) or set()
        kept |= best
        left -= sum(by_id[i].hours for i in best)


def _density(bundle: set[str], by_id: _Items, value: dict[str, float]) -> float:
    return sum(value[i] for i in bundle) / sum(by_id[i].hours for i in bundle)


def _too_big(by_id: _Items, kept: set[str], value: dict[str, float], room: float) -> float:
    """The best value per hour of an item that could start now but does not fit whole."""
    ready = [
        c
        for i, c in by_id.items()
        if i not in kept
        and c.hours > room
        and all(p in kept or p not in by_id for p in c.item.prerequisites)
    ]
    return max((value[c.item.id] / c.hours for c in ready), default=0.0)


def _densest(
    candidates: list[str], by_id: _Items, kept: set[str], value: dict[str, float], room: float
) -> set[str] | None:
    """The bundle with the most value per hour that fits room (ties: authored order)."""
    best, best_density = None, 0.0
    closures = by_id.closures
    for item_id in candidates:
        if item_id in kept:
            continue
        bundle = closures[item_id] - kept
        hours = sum(by_id[i].hours for i in bundle)
        if hours > room + 1e-6:
            continue
        density = sum(value[i] for i in bundle) / hours
        if density > best_density + 1e-9:
            best, best_density = set(bundle), density
    return best


def _least_dense_leaf(items: tuple[Chosen, ...], kept: set[str], value: dict[str, float]) -> str:
    needed = {p for c in items if c.item.id in kept for p in c.item.prerequisites}
    leaves = [
        c for c in items if c.item.id in kept and c.item.id not in needed and not c.started
    ] or [c for c in items if c.item.id in kept]
    return min(leaves, key=lambda c: (value[c.item.id] / c.hours, -c.hours)).item.id


def _fill(
    chosen: tuple[Chosen, ...],
    items: tuple[Chosen, ...],
    packed: Packed,
    packer: Packer,
    value: dict[str, float],
    weeks: int,
) -> tuple[tuple[Chosen, ...], Packed]:
    """Spend the hours left before the deadline on the most valuable bundles that fit.

    Bundles are added by value density while the hours say they fit; a re-pack checks them,
    and while the weeks overflow the last bundle added goes again.
    """
    by_id = _Items(items)
    room = packed.capacity * weeks - sum(ch.hours for w in packed.weeks for ch in w)
    added: list[set[str]] = []
    trial = {c.item.id for c in chosen}
    while best := _densest(list(by_id), by_id, trial, value, room):
        added.append(best)
        trial |= best
        room -= sum(by_id[i].hours for i in best)
    mine = {c.item.id: c for c in chosen}  # a partly kept item stays as it is
    while added:
        attempt = tuple(mine.get(c.item.id, c) for c in items if c.item.id in trial)
        packing = packer(attempt)
        if len(packing.weeks) <= weeks:
            return attempt, packing
        trial -= added.pop()
    return chosen, packed


def _start_one(
    chosen: tuple[Chosen, ...],
    items: tuple[Chosen, ...],
    packed: Packed,
    packer: Packer,
    value: dict[str, float],
    weeks: int,
) -> tuple[tuple[Chosen, ...], Packed]:
    """Hours still free before the deadline go to the first tasks of the most valuable item
    that is ready but too long to fit whole: a deadline's last weeks are never idle."""
    room = packed.capacity * weeks - sum(ch.hours for w in packed.weeks for ch in w)
    kept = {c.item.id for c in chosen}
    ready = [
        c
        for c in items
        if c.item.id not in kept and all(p in kept or p not in value for p in c.item.prerequisites)
    ]
    if room < 1 or not ready:
        return chosen, packed
    best = max(ready, key=lambda c: (value[c.item.id] / c.hours, -value[c.item.id]))
    count = 0
    while count < len(best.tasks) and sum(h for _, h in best.tasks[: count + 1]) <= room:
        count += 1
    while count:
        tasks = best.tasks[:count]
        left = best.hours - sum(h for _, h in tasks)
        part = replace(
            best,
            tasks=tasks,
            hours=best.hours - left,
            left_after=left,
            why=(
                *best.why,
                Why(
                    "deadline",
                    f"{_first(count, len(best.tasks))} before your "
                    f"deadline; the other {left:g} h come after it.",
                ),
            ),
        )
        trial = tuple(
            part if c.item.id == best.item.id else c
            for c in items
            if c.item.id in kept | {best.item.id}
        )
        attempt = packer(trial)
        if len(attempt.weeks) <= weeks:
            return trial, attempt
        count -= 1
    return chosen, packed


def _first(count: int, of: int) -> str:
    """'Only the first of its 5 tasks fits', 'Only the first 2 of its 5 tasks fit'."""
    if count == 1:
        return f"Only the first of its {of} tasks fits"
    return f"Only the first {count} of its {of} tasks fit"


def _in_order(items: tuple[Chosen, ...], kept: set[str]) -> tuple[Chosen, ...]:
    return tuple(c for c in items if c.item.id in kept)


def _omitted(c: Chosen, weeks: int, capacity: float) -> Omitted:
    group = IMPORTANCE.get(c.item.priority, "optional")
    article = "an" if group[0] in "aeiou" else "a"
    return Omitted(
        c.item.id,
        c.item.title,
        Why(
            "deadline",
            f"Left out to fit your {weeks}-week deadline ({capacity:g} hours in all): "
            f"it is {article} {group} item of {c.hours:g} h, and the hours went to "
            "what is worth more for your goal.",
        ),
        c.hours,
        group,
    )
