"""Read progress from a YAML progress file: a profile plus the task ids and items done.

profile: ada.yaml            # the profile file (relative to this file), or inline fields
done: [w1-python-basics-t0, w1-python-basics-t1]   # ticked tasks, ids as in the PDF
completed: [python-basics]   # optional: whole items finished
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from planner.catalog.load import load_catalog
from planner.catalog.model import Catalog
from planner.errors import Problem, UserError
from planner.pipeline import make_plan
from planner.plan import Plan
from planner.profile.load import load_file, only_profile
from planner.profile.model import Profile
from planner.profile.questions import BY_KEY, Invalid, suggest
from planner.profile.validate import validate
from planner.progress.model import Progress, Task
from planner.yamlsource import load_documents

KEYS = ("profile", "done", "completed")


def read_yaml(data: bytes, path: Path, today: date, catalog: Catalog | None = None) -> Progress:
    """The progress a YAML file records, counted against the plan its profile gives."""
    catalog = catalog or load_catalog()
    fields = _mapping(data, path)
    profile = _profile(fields["profile"], path, catalog)
    plan = make_plan(profile, today, catalog)
    done = _done(fields.get("done") or [], plan, path)
    try:
        completed = BY_KEY["completed"].validate(fields.get("completed") or [], catalog)
    except Invalid as exc:
        raise UserError(f"{path}: completed: {exc}") from None
    tasks = tuple(
        Task(tid, week, item, index, tid in done) for tid, week, item, index in _plan_tasks(plan)
    )
    return Progress(str(path), plan.profile, tasks, tuple(completed), len(plan.weeks))


def _plan_tasks(plan: Plan) -> list[tuple[str, int, str, int]]:
    """(task id, week, item id, index) for every checklist task in the plan."""
    return [
        (tid, w.number, i.id, task.index)
        for w in plan.weeks
        for i in w.items
        for tid, task in zip(i.task_ids(w.number), i.tasks, strict=True)
    ]


def _mapping(data: bytes, path: Path) -> dict[str, Any]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    documents = load_documents(text, str(path))
    problems = [p for d in documents for p in d.problems]
    if problems:
        raise UserError(problems, header=f"{path}: not valid YAML:")
    fields = documents[0].data if len(documents) == 1 else None
    if not isinstance(fields, dict) or "profile" not in fields:
        raise UserError(f"{path}: a progress file is one mapping with `profile:` and `done:`")
    unknown = [
        Problem(
            f"unknown field{suggest(str(k), KEYS)}; allowed: {', '.join(KEYS)}",
            str(path),
            None,
            str(k),
        )
        for k in fields
        if k not in KEYS
    ]
    if unknown:
        raise UserError(unknown, header=f"{path}: not a progress file:")
    return fields


def _profile(value: Any, path: Path, catalog: Catalog) -> Profile:
    if isinstance(value, str):
        return next(only_profile(load_file(path.parent / value, catalog)))
    profile, problems = validate(value, catalog, str(path), getattr(value, "line", 1))
    if problems or profile is None:
        raise UserError(problems, header=f"{path}: problems in its profile:")
    return profile


def _done(value: Any, plan: Plan, path: Path) -> set[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UserError(f"{path}: done: must be a list of task ids like w1-python-basics-t0")
    known = {tid for tid, *_ in _plan_tasks(plan)}
    unknown = [v for v in value if v not in known]
    if unknown:
        raise UserError(
            f"{path}: done: no such task in this plan: {', '.join(unknown[:5])}"
            f"{suggest(unknown[0], sorted(known))}"
        )
    return set(value)
