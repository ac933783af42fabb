"""Checklist tasks as items write them: `{task, hours}`, plus `needs` and `cost` when a task
needs more than a laptop and free tools (a GPU, a paid API...)."""

from __future__ import annotations

from typing import Any

from planner.catalog.model import Cost, Task

TASK_KEYS = {"task", "hours"}
OPTIONAL_KEYS = {"needs", "cost"}
SHAPE = (
    "{task: ..., hours: ...} (with needs: [...] and cost: {usd: ..., free: ...} if it needs more)"
)


def task_of(d: Any) -> Task:
    """A checklist entry as a Task; what its needs and cost say is judged by `content check`."""
    if not isinstance(d, dict) or not set(d) >= TASK_KEYS or set(d) - TASK_KEYS - OPTIONAL_KEYS:
        raise ValueError(f"a checklist task is {SHAPE}; got {d!r}")
    cost = d.get("cost")
    return Task(
        text=str(d["task"]),
        hours=float(d["hours"]),
        needs=tuple(str(n) for n in d.get("needs") or ()),
        cost=None if cost is None else _cost(cost),
    )


def _cost(d: Any) -> Cost:
    if not isinstance(d, dict) or set(d) != {"usd", "free"}:
        raise ValueError(
            f"a task's cost is {{usd: dollars on the paid route, free: the free route}}; got {d!r}"
        )
    return Cost(float(d["usd"]), str(d["free"]).strip())
