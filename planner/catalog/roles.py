"""Evergreen model names: content/models.yaml and the {model:ROLE} placeholders items use.

A task names the kind of model it needs ("{model:small-instruct}") and the loader writes the
role with its current example ("a current small open instruct model (e.g. ...)"), so one file
keeps every plan's model names current. `{model-id:ROLE}` is the example's Hugging Face id,
for tasks that load or serve it by name.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from planner.catalog.model import Cost, Item, ModelRole, SelfCheck, Task
from planner.errors import Problem

MODELS_FILE = "models.yaml"
ROLE_SHAPE = "{id, role, example, hub_id, checked}"
PLACEHOLDER = re.compile(r"\{(model|model-id):([a-z0-9-]+)\}")

Documents = Callable[[str, str], list[Any]]  # (text, file name) -> yamlsource Documents


def load_roles(root: Path, read: Documents, problems: list[Problem]) -> dict[str, ModelRole]:
    """The roles of root/models.yaml (none when the file is absent: a catalog may not name
    models at all); malformed entries are problems."""
    path = root / MODELS_FILE
    if not path.is_file():
        return {}
    roles: dict[str, ModelRole] = {}
    for doc in read(path.read_text(encoding="utf-8"), str(path)):
        problems.extend(doc.problems)
        if not isinstance(doc.data, (list, type(None))):
            problems.append(Problem(f"expected a list of {ROLE_SHAPE}", str(path), doc.line))
            continue
        for entry in doc.data or ():
            try:
                role = _role(entry)
            except (KeyError, ValueError) as exc:
                problems.append(Problem(f"bad model role: {exc!r}", str(path), doc.line))
                continue
            if role.id in roles:
                problems.append(Problem(f"model role {role.id!r} listed twice", str(path)))
            roles[role.id] = role
    return roles


def _role(d: Any) -> ModelRole:
    if not isinstance(d, dict):
        raise ValueError(f"a model role is {ROLE_SHAPE}; got {d!r}")
    checked = d.get("checked")
    if isinstance(checked, str):
        checked = date.fromisoformat(checked)
    if not isinstance(checked, date):
        raise ValueError(f"{d.get('id')}: checked must be the date the example was checked")
    return ModelRole(
        id=str(d["id"]),
        role=str(d["role"]).strip(),
        example=str(d["example"]).strip(),
        hub_id=str(d.get("hub_id") or ""),
        checked=checked.isoformat(),
    )


def with_roles(item: Item, roles: dict[str, ModelRole], problems: list[Problem]) -> Item:
    """The item with every placeholder in its words replaced by the role it names."""

    def fill(text: str) -> str:
        return PLACEHOLDER.sub(lambda m: _filled(item.id, m, roles, problems), text)

    if "{model" not in repr(item):
        return item  # most items name no model: no copy
    return dataclasses.replace(
        item,
        title=fill(item.title),
        summary=fill(item.summary),
        why=fill(item.why),
        outcomes=tuple(fill(o) for o in item.outcomes),
        tasks=tuple(_task_filled(t, fill) for t in item.tasks),
        questions=tuple(SelfCheck(fill(q.question), fill(q.answer)) for q in item.questions),
    )


def _task_filled(task: Task, fill: Callable[[str], str]) -> Task:
    cost = task.cost and Cost(task.cost.usd, fill(task.cost.free_route))
    return dataclasses.replace(task, text=fill(task.text), cost=cost)


def _filled(item_id: str, match: re.Match[str], roles: dict[str, ModelRole], problems) -> str:
    kind, name = match.groups()
    role = roles.get(name)
    if role is None:
        problems.append(Problem(f"{item_id}: unknown model role {name!r} in {match.group()}"))
        return match.group()
    if kind == "model-id":
        if not role.hub_id:
            problems.append(Problem(f"{item_id}: model role {name!r} has no hub_id"))
        return role.hub_id or role.example
    return role.phrase
