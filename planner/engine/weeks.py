"""Packed chunks -> dated Weeks: parts of split items, shared-out checklists, review slots."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from planner.catalog.model import Catalog
from planner.engine.packing import REVIEW, Chunk
from planner.engine.selection import Chosen
from planner.plan import PlannedItem, PlannedTask, Week, Why

REVIEW_SHARE = 0.05  # of an item's hours, at each of the two reviews (one and three weeks on)
REVIEW_LAGS = (1, 3)


@dataclass(frozen=True)
class ReviewPolicy:
    """Spaced review: about 5% of an item's hours one week and three weeks after it ends."""

    hours: dict[str, float]  # item id -> its planned hours; empty = no review slots
    cap: float = 0.0  # at most this much review a week

    @classmethod
    def for_plan(cls, hours: dict[str, float], hours_per_week: float,
                 enabled: bool) -> ReviewPolicy:
        if not enabled or hours_per_week < 3:
            return cls({})
        return cls(hours, max(0.5, round(hours_per_week * 0.15 * 4) / 4))

    def __call__(self, finished: list[list[str]]) -> float:
        """Review hours for the week after `finished` (items finished per week so far)."""
        if not self.hours:
            return 0.0
        week = len(finished) + 1
        due = [i for lag in REVIEW_LAGS if week - lag >= 1 for i in finished[week - lag - 1]]
        if not due:
            return 0.0
        return min(self.cap, _quarter(sum(self.hours[i] for i in due) * REVIEW_SHARE))


def dated_weeks(packed: list[list[Chunk]], chosen: dict[str, Chosen], catalog: Catalog,
                start: date, catch_up_every: int, deadline: int | None) -> list[Week]:
    parts = _part_numbers(packed)
    finished: list[list[str]] = []
    weeks: list[Week] = []
    given: dict[str, tuple[int, float]] = {}  # tasks and hours handed out so far, per item
    light = _quarter(sum(h for _, h in packed[0]) / 2) if packed else 0.0
    for chunks in packed:
        if _catch_up_due(weeks, catch_up_every, deadline, len(packed)):
            weeks.append(_catch_up_week(len(weeks) + 1, start, light))
        items = []
        for item_id, hours in chunks:
            if item_id == REVIEW:
                due = _due(len(finished) + 1, finished)
                items.append(_review_item(len(weeks) + 1, hours, due, chosen))
                continue
            k, n = parts[item_id].pop(0)
            items.append(_planned(chosen[item_id], hours, (k, n), catalog, given))
        finished.append([i for i, _ in chunks if i != REVIEW and not parts[i]])
        weeks.append(_week(len(weeks) + 1, start, items))
    return weeks


def _week(number: int, start: date, items: list[PlannedItem]) -> Week:
    first = start + timedelta(weeks=number - 1)
    return Week(number, first, first + timedelta(days=6), tuple(items))


def _part_numbers(packed: list[list[Chunk]]) -> dict[str, list[tuple[int, int]]]:
    counts: dict[str, int] = {}
    for chunks in packed:
        for item_id, _ in chunks:
            if item_id != REVIEW:
                counts[item_id] = counts.get(item_id, 0) + 1
    return {i: [(k, n) for k in range(1, n + 1)] for i, n in counts.items()}


def _quarter(hours: float) -> float:
    return max(0.25, round(hours * 4) / 4)


def _planned(chosen: Chosen, hours: float, part: tuple[int, int], catalog: Catalog,
             given: dict[str, tuple[int, float]]) -> PlannedItem:
    item = chosen.item
    offset, hours_before = given.get(item.id, (0, 0.0))
    share = _task_share(item.checklist, chosen.hours, hours_before + hours, offset, part)
    given[item.id] = (offset + len(share), hours_before + hours)
    scale = chosen.hours / item.hours
    tasks = tuple(PlannedTask(text, item.tasks[offset + j].hours * scale, offset + j)
                  for j, text in enumerate(share))
    return PlannedItem(
        id=item.id, title=item.title, section=item.section,
        section_title=catalog.sections[item.section].title, hours=hours, part=part,
        kind=item.kind, summary=item.summary, prerequisites=item.prerequisites,
        why=chosen.why, resources=item.resources, tasks=tasks,
        emphasised=chosen.emphasised)


def _task_share(tasks: tuple[str, ...], total: float, hours_so_far: float, offset: int,
                part: tuple[int, int]) -> tuple[str, ...]:
    """This part's tasks: in order, in proportion to hours; the last part takes the rest."""
    if part[0] == part[1]:
        return tasks[offset:]
    upto = min(len(tasks) - 1, int(len(tasks) * hours_so_far / total + 1e-9))
    return tasks[offset:max(upto, offset)]


def _due(week: int, finished: list[list[str]]) -> list[str]:
    return [i for lag in REVIEW_LAGS if week - lag >= 1 for i in finished[week - lag - 1]]


def _review_item(number: int, hours: float, due: list[str],
                 chosen: dict[str, Chosen]) -> PlannedItem:
    titles = [chosen[i].item.title for i in due]
    return PlannedItem(
        id=f"review-w{number}", title="Spaced review", section="review",
        section_title="Review", hours=hours, part=(1, 1), kind="review",
        summary="Short recall practice on what you finished one and three weeks ago.",
        prerequisites=(), why=(Why("plan", "Spaced review: recalling material after a week "
                                         "and again after three fixes it in long-term memory."),),
        resources=(), tasks=tuple(PlannedTask(f"Recall without notes, then check: {t}",
                                              hours / len(titles), j)
                                  for j, t in enumerate(titles)))


def _catch_up_due(weeks: list[Week], every: int, deadline: int | None, study_weeks: int) -> bool:
    if not every or not weeks:
        return False
    since = 0
    for week in reversed(weeks):
        if week.items and week.items[0].kind == "catch-up":
            break
        since += 1
    catch_ups = len(weeks) - sum(1 for w in weeks if w.items and w.items[0].kind != "catch-up")
    room = deadline is None or study_weeks + catch_ups + 1 <= deadline
    return since >= every and room


def _catch_up_week(number: int, start: date, hours: float) -> Week:
    first = max(1, number - 4)
    item = PlannedItem(
        id=f"catch-up-w{number}", title="Catch-up week", section="review",
        section_title="Review", hours=hours, part=(1, 1), kind="catch-up",
        summary="A lighter week: finish what is open, revisit what was hard, rest.",
        prerequisites=(), why=(Why("plan", "A light week now and then keeps a long plan "
                                    "sustainable."),),
        resources=(), tasks=(
            PlannedTask(f"Finish any task still open from weeks {first}-{number - 1}",
                        hours / 2, 0),
            PlannedTask("Redo the self-check you found hardest so far", hours / 2, 1)))
    return _week(number, start, [item])
