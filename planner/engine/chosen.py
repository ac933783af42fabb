"""What the rules chose: each item with the hours still to do and where it came from."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace

from planner.catalog.graph import Graph
from planner.catalog.model import Item, Task
from planner.catalog.rules import Rule, SetPlan
from planner.engine.hours import half_hours, share_out
from planner.facts import RuleFiring, Why
from planner.plan import Omitted


@dataclass(frozen=True)
class PlanSettings:
    review: bool = False
    catch_up_every: int = 0  # a light catch-up week after every N weeks; 0 = none

    def set(self, action: SetPlan) -> PlanSettings:
        """These settings with what a rule's plan action sets (what it leaves out stays)."""
        given = {k: v for k, v in vars(action).items() if v is not None}
        return replace(self, **given)


@dataclass(frozen=True, kw_only=True)
class Chosen:
    """An item the engine kept, with the hours it plans for it and why."""

    item: Item
    hours: float  # the hours of its tasks still to do
    why: tuple[Why, ...]
    emphasised: bool = False
    tasks: tuple[tuple[int, float], ...] = ()  # (catalog task index, planned hours) to do
    started: bool = False  # some of its tasks are done already (a re-plan)
    left_after: float = 0.0  # hours of its tasks a deadline leaves for after it
    scale: float = 1.0  # the rules' hour factor: below 1, a review of what you know


@dataclass(frozen=True, kw_only=True)
class Selection:
    items: tuple[Chosen, ...]  # catalog order
    skipped: tuple[Omitted, ...]
    fired: tuple[RuleFiring, ...]  # every rule that fired, in file order
    settings: PlanSettings = field(default_factory=PlanSettings)
    rules: dict[str, Rule] = field(default_factory=dict)  # the fired rules by id
    # the prerequisites among the items: what the budget and the schedule ask
    graph: Graph = field(default_factory=lambda: Graph({}), compare=False)


def planned_tasks(
    item: Item, factor: float, done: tuple[int, ...] = ()
) -> tuple[tuple[int, float], ...]:
    """(task index, hours) of the tasks still to do, scaled so the item's hours round well."""
    hours = _scaled(item.tasks, half_hours(item.hours * factor))
    return tuple((k, h) for k, h in enumerate(hours) if k not in done)


@functools.lru_cache(maxsize=4096)
def _scaled(tasks: tuple[Task, ...], total: float) -> tuple[float, ...]:
    """The tasks' hours shared out to total: the same for every plan, so worked out once."""
    return tuple(share_out(total, [t.hours for t in tasks]))
