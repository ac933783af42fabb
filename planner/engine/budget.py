"""A deadline as a budget of hours: the most valuable prerequisite-closed set that fits.

Selection under a budget is a precedence-constrained knapsack. Greedy by value density over
bundles (an item plus whatever of its prerequisites is not chosen yet) is simple and close to
the best; when the budget allows, a project or milestone comes first so the plan ends in
something to show; hours left over after packing are filled with what still fits.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace

from planner.catalog.graph import Graph
from planner.engine.chosen import Chosen, Selection
from planner.engine.hours import EPS
from planner.engine.schedule import Packed
from planner.engine.worth import SHOWCASE_KINDS, worth
from planner.facts import FirstTasks, LeftOut
from planner.plan import Omitted

IMPORTANCE = {1: "core", 2: "recommended", 3: "optional"}
SHOWCASE_BUDGET = 40.0  # hours from which a plan ends in something to show
SHOWCASE_SHARE = 0.6  # the showcase bundle takes at most this share of the budget
NO_LIMIT = math.inf  # when no bundle fits the budget, the densest one is taken anyway
TIE = 1e-9  # value densities closer than this are a tie, which the authored order breaks

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
    fit = _Fit(items, selection.graph, worth(items, set(interests)), packer, weeks)
    kept = fit.greedy(capacity * usable * planned / used)
    packed = packer(fit.in_order(kept))
    while len(packed.weeks) > weeks and len(kept) > 1:
        kept.discard(fit.least_dense_leaf(kept))
        packed = packer(fit.in_order(kept))
    chosen, packed = fit.start_one(fit.in_order(kept), packed)
    chosen, packed = fit.fill(chosen, packed)
    in_plan = {c.item.id for c in chosen}
    dropped = tuple(_omitted(c) for c in items if c.item.id not in in_plan)
    return chosen, dropped, packed


class _Fit:
    """One deadline's choice: the selection, its prerequisite graph and each item's worth."""

    def __init__(
        self,
        items: tuple[Chosen, ...],
        graph: Graph,
        value: dict[str, float],
        packer: Packer,
        weeks: int,
    ) -> None:
        self.items = items
        self.by_id = {c.item.id: c for c in items}
        # work under way stays whatever it needs (the learner started it): what builds on it
        # needs only it, not what it lacks
        self.graph = Graph(
            {c.item.id: () if c.started else graph.prerequisites[c.item.id] for c in items}
        )
        self.value = value
        self.packer = packer
        self.weeks = weeks

    def in_order(self, kept: set[str]) -> tuple[Chosen, ...]:
        return tuple(c for c in self.items if c.item.id in kept)

    def hours(self, ids: set[str] | frozenset[str]) -> float:
        return sum(self.by_id[i].hours for i in ids)

    def greedy(self, budget: float) -> set[str]:
        kept: set[str] = {c.item.id for c in self.items if c.started}  # started work stays
        left = budget - self.hours(kept)
        if budget >= SHOWCASE_BUDGET:
            shows = [i for i, c in self.by_id.items() if c.item.kind in SHOWCASE_KINDS]
            best = self.densest(shows, kept, budget * SHOWCASE_SHARE)
            if best:
                kept |= best
                left -= self.hours(best)
        while True:
            best = self.densest(list(self.by_id), kept, left)
            if best and self.density(best) < self.too_big(kept, left):
                best = None  # the rest goes to the first tasks of a more valuable item
            if not best:
                return kept if kept else self.densest(list(self.by_id), kept, NO_LIMIT) or set()
            kept |= best
            left -= self.hours(best)

    def density(self, bundle: set[str]) -> float:
        return sum(self.value[i] for i in bundle) / self.hours(bundle)

    def too_big(self, kept: set[str], room: float) -> float:
        """The best value per hour of an item that could start now but does not fit whole."""
        return max(
            (
                self.value[i] / c.hours
                for i, c in self.by_id.items()
                if i not in kept and c.hours > room and self.graph.ready(i, kept)
            ),
            default=0.0,
        )

    def densest(self, candidates: list[str], kept: set[str], room: float) -> set[str] | None:
        """The bundle with the most value per hour that fits room (ties: authored order)."""
        best, best_density = None, 0.0
        for item_id in candidates:
            if item_id in kept:
                continue
            bundle = self.graph.bundle(item_id) - kept
            hours = self.hours(bundle)
            if hours > room + EPS:
                continue
            density = sum(self.value[i] for i in bundle) / hours
            if density > best_density + TIE:
                best, best_density = set(bundle), density
        return best

    def least_dense_leaf(self, kept: set[str]) -> str:
        """The kept item nothing kept needs (not work already started) with least worth."""
        needed = {p for i in kept for p in self.graph.prerequisites[i]}
        leaves = [
            c for c in self.items if c.item.id in kept and c.item.id not in needed and not c.started
        ] or [c for c in self.items if c.item.id in kept]
        return min(leaves, key=lambda c: (self.value[c.item.id] / c.hours, -c.hours)).item.id

    def room(self, packed: Packed) -> float:
        return packed.capacity * self.weeks - sum(ch.hours for w in packed.weeks for ch in w)

    def fill(self, chosen: tuple[Chosen, ...], packed: Packed) -> tuple[tuple[Chosen, ...], Packed]:
        """Spend the hours left before the deadline on the most valuable bundles that fit.

        Bundles are added by value density while the hours say they fit; a re-pack checks
        them, and while the weeks overflow the last bundle added goes again.
        """
        room = self.room(packed)
        added: list[set[str]] = []
        trial = {c.item.id for c in chosen}
        while best := self.densest(list(self.by_id), trial, room):
            added.append(best)
            trial |= best
            room -= self.hours(best)
        mine = {c.item.id: c for c in chosen}  # a partly kept item stays as it is
        while added:
            attempt = tuple(mine.get(c.item.id, c) for c in self.items if c.item.id in trial)
            packing = self.packer(attempt)
            if len(packing.weeks) <= self.weeks:
                return attempt, packing
            trial -= added.pop()
        return chosen, packed

    def start_one(
        self, chosen: tuple[Chosen, ...], packed: Packed
    ) -> tuple[tuple[Chosen, ...], Packed]:
        """Hours still free before the deadline go to the first tasks of the most valuable
        item that is ready but too long to fit whole: a deadline's last weeks are never idle."""
        room = self.room(packed)
        kept = {c.item.id for c in chosen}
        ready = [
            c for c in self.items if c.item.id not in kept and self.graph.ready(c.item.id, kept)
        ]
        if room < 1 or not ready:
            return chosen, packed
        best = max(ready, key=lambda c: (self.value[c.item.id] / c.hours, -self.value[c.item.id]))
        count = 0
        while count < len(best.tasks) and sum(h for _, h in best.tasks[: count + 1]) <= room:
            count += 1
        for planned in range(count, 0, -1):
            trial = tuple(
                _first_tasks(best, planned) if c.item.id == best.item.id else c
                for c in self.items
                if c.item.id in kept | {best.item.id}
            )
            attempt = self.packer(trial)
            if len(attempt.weeks) <= self.weeks:
                return trial, attempt
        return chosen, packed


def _first_tasks(item: Chosen, count: int) -> Chosen:
    """item with only its first count tasks: the rest come after the deadline (all of them
    fit: the item whole, nothing said)."""
    if count == len(item.tasks):
        return item
    tasks = item.tasks[:count]
    left = item.hours - sum(h for _, h in tasks)
    why = FirstTasks(planned=count, of=len(item.tasks), after=left)
    return replace(
        item, tasks=tasks, hours=item.hours - left, left_after=left, why=(*item.why, why)
    )


def _omitted(c: Chosen) -> Omitted:
    return Omitted(
        id=c.item.id,
        title=c.item.title,
        why=LeftOut(),
        hours=c.hours,
        group=IMPORTANCE.get(c.item.priority, "optional"),
    )
