"""Progress read back from a ticked plan: which tasks are done, per week and overall."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from planner.plan import TASK_ID


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
        start = start_date_of(self.profile)
        numbers = sorted({t.week for t in self.tasks})
        return [
            WeekProgress(
                n,
                start + timedelta(weeks=n - 1) if start else None,
                sum(t.done for t in self.tasks if t.week == n),
                sum(1 for t in self.tasks if t.week == n),
            )
            for n in numbers
        ]

    @property
    def end_date(self) -> date | None:
        """The last day of the plan the file holds (its own weeks, not a rebuilt plan)."""
        start = start_date_of(self.profile)
        weeks = max([self.week_count, *(t.week for t in self.tasks)])
        return start + timedelta(weeks=weeks, days=-1) if start and weeks else None

    def tasks_done(self) -> dict[str, tuple[int, ...]]:
        """Per item, the numbers of its tasks done, in plan order of the items.

        A task longer than a week has one box per session, in several weeks, all with its
        t-number: it is done when every one of its boxes is ticked.
        """
        sessions: dict[str, dict[int, bool]] = {}
        for task in self.tasks:
            numbers = sessions.setdefault(task.item_id, {})
            numbers[task.index] = numbers.get(task.index, True) and task.done
        return {
            item: tuple(sorted(n for n, done in numbers.items() if done))
            for item, numbers in sessions.items()
            if any(numbers.values())
        }

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


def start_date_of(profile: dict[str, Any]) -> date | None:
    """The embedded profile's start date, or None when it has none."""
    value = profile.get("start_date")
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None
