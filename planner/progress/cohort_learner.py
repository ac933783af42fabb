"""One learner of a cohort: where a ticked plan stands on a given day, as a small record.

Amounts are hours when the plan behind the file can be rebuilt (every task carries its
hours); otherwise every task counts as one and the hours are unknown (None).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from planner.errors import UserError
from planner.plan import Plan
from planner.progress.model import Progress, start_date_of
from planner.progress.planned import tasks_by_id

# profile fields a re-plan changes: the same learner before and after `progress --replan`
REPLANNED_FIELDS = ("start_date", "completed", "weeks", "tasks_done")
SLOT = re.compile(r"^(review|catch-up)-w[0-9]+$")  # plan slots, not subjects to study
ON_TRACK_WEEKS = 1.0
EPSILON = 1e-6  # within a week of the plan either way counts as on track


@dataclass(frozen=True)
class PlanShape:
    """What a ticked file does not carry itself: the hours of every task of its plan."""

    hours: dict[str, float]  # task id -> hours
    weeks: int

    @classmethod
    def of(cls, plan: Plan) -> PlanShape:
        return cls(
            {tid: task.hours for tid, (_, _, task) in tasks_by_id(plan).items()}, len(plan.weeks)
        )


@dataclass(frozen=True)
class ItemProgress:
    """One item of a learner's plan: tasks ticked of all its parts, and its last week."""

    id: str
    done: int
    total: int
    last_week: int

    @property
    def finished(self) -> bool:
        return self.done == self.total

    def overdue(self, days: int) -> bool:
        """Its last week ended before the day days after the plan's start, unfinished."""
        return not self.finished and days >= 7 * self.last_week


@dataclass(frozen=True)
class Learner:
    """Where one learner stands on a given day; small, so a cohort of thousands fits."""

    source: str
    key: str  # who: a hash of the profile fields a re-plan keeps (name, goal, ...)
    name: str
    goal: str
    start: date
    weeks: int  # the plan's length
    tasks_done: int
    tasks_total: int
    hours_done: float | None  # None: the plan could not be rebuilt, hours unknown
    hours_left: float | None
    days: int  # days from the plan's start to the day looked at (negative: not started)
    position: float  # plan weeks the ticked work fills, in plan order
    items: tuple[ItemProgress, ...]  # in plan order; review and catch-up slots left out
    modified: float = 0.0  # the file's modification time (for telling copies apart)

    @property
    def hours_total(self) -> float | None:
        if self.hours_done is None or self.hours_left is None:
            return None
        return round(self.hours_done + self.hours_left, 2)

    @property
    def expected_week(self) -> int:
        """The plan week the learner is in on the day: 0 before the start."""
        return 0 if self.days < 0 else min(self.weeks, self.days // 7 + 1)

    @property
    def expected(self) -> float:
        """Plan weeks that should be done by the day (whole days before it, as weeks)."""
        return min(max(self.days / 7, 0.0), float(self.weeks))

    @property
    def weeks_ahead(self) -> float:
        """Plan weeks done minus plan weeks expected: negative when behind."""
        return round(self.position - self.expected, 1)

    @property
    def finished(self) -> bool:
        return self.tasks_done == self.tasks_total

    @property
    def status(self) -> str:
        if self.finished:
            return "finished"
        if self.days < 0:
            return "not started"
        if self.weeks_ahead <= -ON_TRACK_WEEKS:
            return "behind"
        return "ahead" if self.weeks_ahead >= ON_TRACK_WEEKS else "on track"

    @property
    def plan_end(self) -> date:
        return self.start + timedelta(weeks=self.weeks, days=-1)

    @property
    def end_at_pace(self) -> date | None:
        """The last day at the pace so far; None when finished or without a pace yet."""
        done = self.position
        if self.finished or self.days <= 0 or done <= 0:
            return None
        days = math.ceil(self.days * self.weeks / done)
        try:
            return self.start + timedelta(days=days - 1)
        except OverflowError:
            return date.max

    @property
    def rank(self) -> tuple[date, int, float, str]:
        """Newer copies of one learner rank higher: a later re-plan, then more ticks."""
        return (self.start, self.tasks_done, self.modified, self.source)


def learner_key(profile: dict[str, Any]) -> str:
    """Who a profile belongs to, the same before and after a re-plan."""
    kept = {k: v for k, v in profile.items() if k not in REPLANNED_FIELDS}
    text = json.dumps(kept, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def learner_of(
    progress: Progress, shape: PlanShape | None, today: date, modified: float = 0.0
) -> Learner:
    """The record of progress on today; shape gives hours (None: each task counts one)."""
    profile = progress.profile
    start = _start(profile, progress.source)
    if not progress.tasks:
        raise UserError(
            f"{progress.source}: no checkbox or task id of a plan in it, so there "
            "is nothing to count (a PDF printed or 'flattened' to PDF loses its "
            "boxes: hand in the file as the PDF viewer saved it)"
        )
    completed = set(progress.marked_completed)
    done = {t.id for t in progress.tasks if t.done or t.item_id in completed}
    weight = (lambda tid: shape.hours[tid]) if shape else (lambda tid: 1.0)
    weeks = max(
        [progress.week_count, shape.weeks if shape else 0, *(t.week for t in progress.tasks)]
    )
    week_amounts = [0.0] * weeks
    for task in progress.tasks:
        week_amounts[task.week - 1] += weight(task.id)
    done_amount = sum(weight(tid) for tid in done)
    # each rounded from the exact sums, so done + left may differ from the total by a cent
    hours = (
        (round(done_amount, 2), round(sum(week_amounts) - done_amount, 2))
        if shape
        else (None, None)
    )
    return Learner(
        progress.source,
        learner_key(profile),
        str(profile.get("name") or "?"),
        str(profile.get("goal") or "?"),
        start,
        weeks,
        len(done),
        len(progress.tasks),
        hours[0],
        hours[1],
        (today - start).days,
        round(_position(done_amount, week_amounts), 4),
        _items(progress, done),
        modified,
    )


def _start(profile: dict[str, Any], source: str) -> date:
    start = start_date_of(profile)
    if start is None:
        raise UserError(
            f"{source}: the embedded profile has no start_date, so the plan "
            "cannot be placed in time"
        )
    return start


def _position(done: float, week_amounts: list[float]) -> float:
    """How many plan weeks the done amount fills, walking the weeks in order."""
    for number, amount in enumerate(week_amounts):
        if done < amount - EPSILON:  # sums of hours are not exact: 2.0 weeks, not 1.99999
            return number + max(done, 0.0) / amount
        done -= amount
    return float(len(week_amounts))


def _items(progress: Progress, done: set[str]) -> tuple[ItemProgress, ...]:
    counts: dict[str, list[int]] = {}
    for task in sorted(progress.tasks, key=lambda t: (t.week, t.index)):
        if SLOT.match(task.item_id):
            continue
        entry = counts.setdefault(task.item_id, [0, 0, 0])
        entry[0] += task.id in done
        entry[1] += 1
        entry[2] = max(entry[2], task.week)
    return tuple(ItemProgress(item, d, t, w) for item, (d, t, w) in counts.items())
