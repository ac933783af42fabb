"""Fitting a deadline: drop the least important items that nothing kept depends on."""

from __future__ import annotations

from collections.abc import Callable

from planner.engine.schedule import Packed
from planner.engine.selection import Chosen, Selection
from planner.plan import Omitted, Why

IMPORTANCE = {1: "core", 2: "recommended", 3: "optional"}


Fitted = tuple[tuple[Chosen, ...], tuple[Omitted, ...], Packed]


def fit_deadline(selection: Selection, full: Packed,
                 packer: Callable[[tuple[Chosen, ...]], Packed], weeks: int | None,
                 hours_per_week: float, interests: tuple[str, ...] = ()) -> Fitted:
    """The items kept, those dropped (with reasons), and the packing that fits `weeks`."""
    kept = list(selection.items)
    packed = full
    dropped: list[Omitted] = []
    stale = False
    while weeks and len(packed.weeks) > weeks and len(kept) > 1:
        victim = _least_important(kept, set(interests))
        if victim is None:
            break
        kept.remove(victim)
        group = IMPORTANCE.get(victim.item.priority, "optional")
        article = "an" if group[0] in "aeiou" else "a"
        dropped.append(Omitted(
            victim.item.id, victim.item.title,
            Why("deadline", f"Left out to fit your {weeks}-week deadline: it is {article} "
                f"{group} item ({victim.hours:g} h) and nothing else in your plan builds on it."),
            victim.hours, group))
        stale = True
        if _could_fit(kept, weeks, hours_per_week):
            packed, stale = packer(tuple(kept)), False
    if stale:
        packed = packer(tuple(kept))
    return tuple(kept), tuple(dropped), packed


def _could_fit(kept: list[Chosen], weeks: int, hours_per_week: float) -> bool:
    """Re-pack only once the hours alone could fit: packing is the expensive step."""
    return sum(c.hours for c in kept) <= weeks * hours_per_week + 1e-6


def _least_important(kept: list[Chosen], interests: set[str]) -> Chosen | None:
    needed = {p for c in kept for p in c.item.prerequisites}
    leaves = [c for c in kept if c.item.id not in needed]
    if not leaves:
        return None

    def expendable(c: Chosen) -> tuple[int, int, bool, float, str]:
        # your interests and what a rule asked for count one priority step higher;
        # then optional before core, what only the track asked for first, big before small
        only_track = all(w.kind in ("track", "needed-by") for w in c.why)
        favoured = bool(interests & set(c.item.tags)) or c.emphasised or not only_track
        return (c.item.priority - favoured, c.item.priority, only_track, c.hours, c.item.id)

    return max(leaves, key=expendable)
