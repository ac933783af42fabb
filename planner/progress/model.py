"""Progress read back from a ticked plan: which tasks are done, per week and overall."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from planner.catalog.model import Catalog
from planner.errors import UserError
from planner.shipped import read_input

# the id of one checklist task, shared by the PDF checkbox names and the Markdown comments
TASK_ID = re.compile(r"^w(?P<week>[1-9][0-9]*)-(?P<item>[a-z0-9]+(?:-[a-z0-9]+)*)"
                     r"-t(?P<index>[0-9]+)$")


def task_id(week: int, item_id: str, index: int) -> str:
    """'w3-linear-algebra-t2': week number, item id, task index within the whole item."""
    return f"w{week}-{item_id}-t{index}"


@dataclass(frozen=True)
class Task:
    id: str
    week: int
    item_id: str
    index: int
    done: bool

    @classmethod
    def parse(cls, text: str, done: bool) -> Task | None:
        """The task named by text, or None when text is not a task id."""
        match = TASK_ID.match(text)
        if not match:
            return None
        return cls(text, int(match["week"]), match["item"], int(match["index"]), done)


@dataclass(frozen=True)
class WeekProgress:
    number: int
    start: date | None
    done: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


@dataclass(frozen=True)
class Progress:
    """What a filled-in plan says: its profile, every task and whether it is ticked."""

    source: str
    profile: dict[str, Any]
    tasks: tuple[Task, ...]
    marked_completed: tuple[str, ...] = field(default=())  # items named done outright (YAML)
    week_count: int = 0  # weeks of the plan as the file shows it (0: only the tasks tell)

    @property
    def done(self) -> int:
        return sum(t.done for t in self.tasks)

    @property
    def percent(self) -> int:
        return round(100 * self.done / len(self.tasks)) if self.tasks else 0

    def weeks(self) -> list[WeekProgress]:
        start = _start_date(self.profile)
        numbers = sorted({t.week for t in self.tasks})
        return [WeekProgress(n, start + timedelta(weeks=n - 1) if start else None,
                             sum(t.done for t in self.tasks if t.week == n),
                             sum(1 for t in self.tasks if t.week == n)) for n in numbers]

    @property
    def end_date(self) -> date | None:
        """The last day of the plan the file holds (its own weeks, not a rebuilt plan)."""
        start = _start_date(self.profile)
        weeks = max([self.week_count, *(t.week for t in self.tasks)])
        return start + timedelta(weeks=weeks, days=-1) if start and weeks else None

    def finished_items(self) -> list[str]:
        """Items whose every task is ticked, plus those marked completed, in plan order.

        An item with no task in the plan cannot be ticked, so it counts only when marked
        completed outright (YAML `completed:`); one ticked task out of five leaves the
        item in the plan, whole.
        """
        order: dict[str, bool] = {}
        for task in self.tasks:
            order[task.item_id] = order.get(task.item_id, True) and task.done
        finished = [item for item, all_done in order.items() if all_done]
        return finished + [i for i in self.marked_completed if i not in finished]


def _start_date(profile: dict[str, Any]) -> date | None:
    value = profile.get("start_date")
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def detect_kind(data: bytes) -> str:
    """'pdf', 'md' or 'yaml' from a file's first bytes and markers, else a UserError."""
    from planner.progress.from_markdown import PROFILE_MARKER

    if data.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if PROFILE_MARKER.encode() in data:
        return "md"
    head = data[:4096].decode("utf-8", "replace")
    if re.search(r"^profile\s*:", head, re.MULTILINE):
        return "yaml"
    raise UserError("not a studyplan PDF, Markdown export or progress YAML; give the PDF "
                    "or Markdown file `studyplan build` wrote, or a YAML file with "
                    "`profile:` and `done:` (see `studyplan progress --help`)")


def read_progress(path: Path, today: date, catalog: Catalog | None = None) -> Progress:
    """The progress recorded in a filled-in PDF, a ticked Markdown export or a YAML file.

    Only a YAML progress file needs the catalog (and today): it rebuilds its plan to know
    every task; a PDF or Markdown file carries its tasks itself.
    """
    from planner.progress.from_markdown import read_markdown
    from planner.progress.from_pdf import read_pdf
    from planner.progress.from_yaml import read_yaml

    data = read_input(path, MAX_BYTES, "the filled-in PDF or Markdown file")
    kind = detect_kind(data)
    try:
        if kind == "yaml":
            return read_yaml(data, path, today, catalog)
        return (read_pdf if kind == "pdf" else read_markdown)(data, path)
    except UserError as exc:
        if exc.header or str(path) in exc.render():
            raise
        raise UserError(f"{path}: {exc.render()}") from None


MAX_BYTES = 50_000_000
