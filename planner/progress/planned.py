"""The plan a ticked file was printed from, rebuilt from its embedded profile.

A PDF or Markdown file carries its profile and its task ids but not what each task costs;
rebuilding the plan from the profile (with its start date, so today does not matter) gives
the hours, sections and weeks behind every task id. When the catalog has changed since the
file was written, the rebuilt plan no longer has the file's task ids: then None.
"""

from __future__ import annotations

from datetime import date

from planner.catalog.model import Catalog
from planner.pipeline import make_plan
from planner.plan import Plan, PlannedItem, PlannedTask
from planner.profile.validate import validate
from planner.progress.model import Progress


def plan_of(progress: Progress, catalog: Catalog, today: date) -> Plan | None:
    """The plan progress was ticked in, or None when it cannot be rebuilt as it was."""
    profile, problems = validate(progress.profile, catalog, progress.source)
    if profile is None or problems:
        return None
    plan = make_plan(profile, today, catalog)
    ids = set(tasks_by_id(plan))
    return plan if all(t.id in ids for t in progress.tasks) else None


def tasks_by_id(plan: Plan) -> dict[str, tuple[int, PlannedItem, PlannedTask]]:
    """Every task of plan by its id: (week number, the item part it is in, the task)."""
    return {
        tid: (week.number, item, task)
        for week in plan.weeks
        for item in week.items
        for tid, task in zip(item.task_ids(week.number), item.tasks, strict=True)
    }
