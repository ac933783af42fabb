"""What a plan may say about a task beyond its text and hours, as the engine fills it in:
what it needs beyond a laptop and what its paid route costs (catalog `needs` and `cost`),
and, for a review question, its short model answer. A plan without them prints without."""

from __future__ import annotations

from typing import Any

from planner.plan import Plan, PlannedTask

NEED_LABELS = {
    "gpu": "GPU",
    "multi-gpu": "GPUs",
    "paid-api": "paid API",
    "llm-labelling": "paid labelling",
    "hosting": "hosting",
}


def needs_of(task: PlannedTask) -> tuple[str, ...]:
    return tuple(getattr(task, "needs", ()) or ())


def cost_of(task: PlannedTask) -> float:
    """US dollars on the paid route: a number, or a cost record with `usd`."""
    cost: Any = getattr(task, "cost", None)
    return float(getattr(cost, "usd", cost) or 0.0)


def answer_of(task: PlannedTask) -> str:
    return str(getattr(task, "answer", "") or "")


def marker(task: PlannedTask) -> str:
    """'[GPU · paid API] ' before a task's text; '' for a task a laptop does for free."""
    needs = [NEED_LABELS.get(need, need) for need in needs_of(task)]
    return f"[{' · '.join(needs)}] " if needs else ""


def spend(plan: Plan) -> float:
    """What the plan's paid routes cost in all, in US dollars (each task counted once)."""
    seen: dict[tuple[str, int], float] = {}
    for week in plan.weeks:
        for item in week.items:
            for task in item.tasks:
                seen[(item.id, task.index)] = cost_of(task)
    return round(sum(seen.values()), 2)
