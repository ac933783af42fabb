"""A progress summary: done and left per week and per section, hours left, the end at this pace.

Hours come from the plan the file was printed from (planned.plan_of); when that cannot be
rebuilt (the catalog changed since), hours are unknown and the pace is counted in tasks.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from planner.catalog.model import Catalog
from planner.plan import Plan
from planner.progress.model import Progress, Task
from planner.progress.planned import tasks_by_id

REVIEW = "Review"  # the section of review and catch-up slots, as the plan names it


@dataclass(frozen=True)
class Tally:
    """The boxes of one group (a week, a section, the whole plan): done, and their hours."""

    label: str
    done: int
    total: int
    hours_done: float | None  # None: hours unknown
    hours_left: float | None
    start: date | None = None  # a week's first day
    span: int = 1  # weeks in a row of weeks
    number: int = 0  # a week's number (its first, for a row of weeks)

    @property
    def end(self) -> date | None:
        return self.start + timedelta(weeks=self.span, days=-1) if self.start else None

    @property
    def left(self) -> int:
        return self.total - self.done

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def amount(tally: Tally, part: str) -> float:
    """Hours when known, else tasks: part is 'done', 'left' or 'total'."""
    if tally.hours_left is not None and tally.hours_done is not None:
        return {
            "done": tally.hours_done,
            "left": tally.hours_left,
            "total": tally.hours_done + tally.hours_left,
        }[part]
    return {"done": tally.done, "left": tally.left, "total": tally.total}[part]


@dataclass(frozen=True)
class Summary:
    name: str
    source: str  # the file's name
    today: date
    start: date | None
    planned_end: date | None
    weeks: tuple[Tally, ...]
    sections: tuple[Tally, ...]
    overall: Tally
    finished: tuple[str, ...]  # titles of catalog items with every task ticked
    expected: float | None  # hours (or tasks, without hours) the plan expected done by today
    per_week: float | None  # hours (or tasks) done a week so far; None before any tick
    pace_end: date | None  # the end if that pace continues

    @property
    def hours_known(self) -> bool:
        return self.overall.hours_left is not None

    @property
    def weeks_ahead(self) -> float | None:
        """Weeks ahead of the plan (negative: behind), in weeks of the plan's average week."""
        if self.expected is None or not self.weeks:
            return None
        weekly = amount(self.overall, "total") / len(self.weeks)
        return (amount(self.overall, "done") - self.expected) / weekly if weekly else None


@dataclass(frozen=True)
class _Box:
    task: Task
    hours: float | None
    section: str
    item_title: str


def summarise(progress: Progress, plan: Plan | None, catalog: Catalog, today: date) -> Summary:
    """The summary of progress on today; plan: the plan it was ticked in (None: hours unknown)."""
    boxes = _boxes(progress, plan, catalog)
    start = progress.weeks()[0].start if progress.tasks else None
    weeks = tuple(
        replace(
            _tally(
                f"Week {n}",
                [b for b in boxes if b.task.week == n],
                start + timedelta(weeks=n - 1) if start else None,
            ),
            number=n,
        )
        for n in sorted({b.task.week for b in boxes})
    )
    sections = tuple(
        _tally(s, [b for b in boxes if b.section == s])
        for s in dict.fromkeys(b.section for b in boxes)
    )
    overall = _tally("Overall", boxes)
    items = {i for i in progress.finished_items() if i in catalog.items}  # not review slots
    finished = tuple(dict.fromkeys(b.item_title for b in boxes if b.task.item_id in items))
    expected = _expected(weeks, start, today)
    per_week, pace_end = _pace(overall, start, today)
    end = plan.end_date if plan else progress.end_date
    return Summary(
        str(progress.profile.get("name", "?")),
        _file_name(progress.source),
        today,
        start,
        end,
        weeks,
        sections,
        overall,
        finished,
        expected,
        per_week,
        pace_end,
    )


def _file_name(source: str) -> str:
    return source.replace("\\", "/").rsplit("/", 1)[-1]


def _boxes(progress: Progress, plan: Plan | None, catalog: Catalog) -> list[_Box]:
    """Every box in week order, with its hours and section from the plan (or the catalog)."""
    planned = tasks_by_id(plan) if plan else {}
    boxes = []
    for task in sorted(progress.tasks, key=lambda t: (t.week, t.id)):
        if task.id in planned:
            _, item, planned_task = planned[task.id]
            boxes.append(_Box(task, planned_task.hours, item.section_title, item.title))
            continue
        known = catalog.items.get(task.item_id)
        section = catalog.sections[known.section].title if known else REVIEW
        boxes.append(_Box(task, None, section, known.title if known else task.item_id))
    return boxes


def _tally(label: str, boxes: list[_Box], start: date | None = None) -> Tally:
    known = all(b.hours is not None for b in boxes)
    done = sum(b.hours or 0.0 for b in boxes if b.task.done)
    left = sum(b.hours or 0.0 for b in boxes if not b.task.done)
    return Tally(
        label,
        sum(b.task.done for b in boxes),
        len(boxes),
        round(done, 2) if known else None,
        round(left, 2) if known else None,
        start,
    )


def _expected(weeks: Iterable[Tally], start: date | None, today: date) -> float | None:
    """What the plan expected done by the end of today: past weeks whole, this week pro rata."""
    if start is None:
        return None
    expected = 0.0
    for week in weeks:
        assert week.start is not None
        elapsed = min(max((today - week.start).days + 1, 0), 7)
        expected += amount(week, "total") * elapsed / 7
    return expected


def _pace(overall: Tally, start: date | None, today: date) -> tuple[float | None, date | None]:
    """(amount done a week so far, the day the rest is done at that pace)."""
    days = (today - start).days + 1 if start else 0
    done, left = amount(overall, "done"), amount(overall, "left")
    if days <= 0 or done <= 0:
        return None, None
    per_day = done / days
    return per_day * 7, today + timedelta(days=math.ceil(left / per_day)) if left else today
