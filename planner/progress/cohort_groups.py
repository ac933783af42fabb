"""Study partners: learners at the same point of the same track, in groups of two to six.

A learner's point is the first item of their plan (in plan order) that is started and not
finished. Learners of one track on the same such item form a group. The others (alone on
their item, or with nothing half done) are grouped when their places in their plans (plan
weeks done) lie within a week of each other and the items they have at hand (their next
AT_HAND unfinished items) share a section: plans interleave sections, so two learners a few
days apart may be on different items of the same sections. Learners who finished their plan
are left out; groups larger than six are split, in order of place, into near-equal groups.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from planner.catalog.model import Catalog
from planner.progress.cohort_learner import Learner

MAX_GROUP = 6
WITHIN_WEEKS = 1.0
AT_HAND = 3


@dataclass(frozen=True)
class Group:
    track: str  # goal id
    kind: str  # item: all on the same item; section: within a week in the same section
    subject: str  # the item id or the section id
    members: tuple[Learner, ...]  # in order of place in their plans

    def describe(self, catalog: Catalog) -> str:
        if self.kind == "item":
            item = catalog.items.get(self.subject)
            return f"working on {item.title if item else self.subject}"
        section = catalog.sections.get(self.subject)
        low, high = (min(m.position for m in self.members), max(m.position for m in self.members))
        where = f"plan week {math.floor(low) + 1}" + (
            f"–{math.floor(high) + 1}" if math.floor(high) != math.floor(low) else ""
        )
        return f"in {section.title if section else self.subject}, {where}"


def study_groups(learners: Iterable[Learner], catalog: Catalog) -> list[Group]:
    """Groups of at least two learners at the same point, by track, then place in the plan."""
    by_item: dict[tuple[str, str], list[Learner]] = {}
    rest: list[Learner] = []
    for learner in learners:
        current = next((i for i in learner.items if 0 < i.done < i.total), None)
        if current:
            by_item.setdefault((learner.goal, current.id), []).append(learner)
        elif not all(i.finished for i in learner.items):  # finished: nothing left together
            rest.append(learner)
    groups = []
    for (track, item), members in by_item.items():
        if len(members) > 1:
            groups += _split(Group(track, "item", item, _by_place(members)))
        else:
            rest += members
    groups += _by_section(rest, catalog)
    return sorted(groups, key=lambda g: (g.track, _place(g), g.kind, g.subject))


def _by_section(rest: list[Learner], catalog: Catalog) -> list[Group]:
    """Learners of one track within a week of each other with a section at hand in common.

    The next item's section is tried first; then the next two items' sections, and so on,
    for those still without a group.
    """
    at_hand = {id(learner): _at_hand(learner, catalog) for learner in rest}
    groups: list[Group] = []
    grouped: set[int] = set()
    for depth in range(1, AT_HAND + 1):
        by_section: dict[tuple[str, str], list[Learner]] = {}
        for learner in rest:
            for section in at_hand[id(learner)][:depth]:
                by_section.setdefault((learner.goal, section), []).append(learner)
        for (track, section), members in sorted(by_section.items()):
            free = [m for m in members if id(m) not in grouped]
            for run in _within_a_week(free):
                groups += _split(Group(track, "section", section, run))
                grouped.update(map(id, run))
    return groups


def _within_a_week(members: list[Learner]) -> list[tuple[Learner, ...]]:
    """Runs of two or more whose places (in order) lie within a week of the run's first."""
    runs: list[list[Learner]] = []
    for learner in _by_place(members):
        if runs and learner.position - runs[-1][0].position <= WITHIN_WEEKS:
            runs[-1].append(learner)
        else:
            runs.append([learner])
    return [tuple(run) for run in runs if len(run) > 1]


def _at_hand(learner: Learner, catalog: Catalog) -> list[str]:
    """The sections of the learner's next unfinished items, in plan order."""
    sections: list[str] = []
    for item in [i for i in learner.items if not i.finished][:AT_HAND]:
        known = catalog.items.get(item.id)
        section = known.section if known else item.id
        if section not in sections:
            sections.append(section)
    return sections


def _by_place(members: Iterable[Learner]) -> tuple[Learner, ...]:
    return tuple(sorted(members, key=lambda m: (m.position, m.name.casefold(), m.source)))


def _split(group: Group) -> list[Group]:
    """A group of more than MAX_GROUP as near-equal groups, neighbours in place together."""
    members = group.members
    count = math.ceil(len(members) / MAX_GROUP)
    bounds = [round(k * len(members) / count) for k in range(count + 1)]
    return [
        Group(group.track, group.kind, group.subject, members[a:b])
        for a, b in zip(bounds, bounds[1:], strict=False)
    ]


def _place(group: Group) -> float:
    return min(m.position for m in group.members)
