"""The self-check questions of a plan's items, in the order the items start."""

from __future__ import annotations

from collections.abc import Iterable

from planner.catalog.model import Catalog
from planner.plan import PlannedItem, PlannedSelfCheck, Week


def plan_self_checks(weeks: Iterable[Week], catalog: Catalog) -> tuple[PlannedSelfCheck, ...]:
    """Each catalog question of each planned item, said with the week the item starts in.

    Review and catch-up slots are not catalog items and have no questions of their own.
    """
    first: dict[str, tuple[int, PlannedItem]] = {}
    for week in weeks:
        for planned in week.items:
            if planned.id in catalog.items:
                first.setdefault(planned.id, (week.number, planned))
    return tuple(
        PlannedSelfCheck(
            item=planned.id,
            item_title=planned.title,
            section=planned.section,
            section_title=planned.section_title,
            week=number,
            question=check.question,
            answer=check.answer,
            resource=planned.resources[0] if planned.resources else None,
        )
        for number, planned in first.values()
        for check in catalog.items[planned.id].questions
    )
