"""Packed chunks -> dated Weeks: parts of split items with their own tasks, review slots."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from planner.catalog.model import Catalog
from planner.engine.chosen import Chosen
from planner.engine.hours import quarter
from planner.engine.packing import REVIEW, Chunk
from planner.engine.review import due
from planner.facts import (
    CatchUpAfter,
    Continued,
    FinishOpen,
    RecallTask,
    RedoHardest,
    ReviewDue,
    Why,
)
from planner.plan import (
    CATCH_UP_TITLE,
    REVIEW_SECTION,
    REVIEW_TITLE,
    PlannedItem,
    PlannedTask,
    Week,
)

CATCH_UP_LOOKS_BACK = 4  # a catch-up week finishes what is open from this many weeks
Reasons = Callable[[dict[str, int]], dict[str, tuple[Why, ...]]]  # first weeks -> reasons


def dated_weeks(
    packed: list[list[Chunk]],
    chosen: dict[str, Chosen],
    catalog: Catalog,
    start: date,
    catch_up_every: int,
    deadline: int | None,
    reasons: Reasons,
) -> list[Week]:
    """The plan's weeks from start: each chunk a PlannedItem, catch-up weeks slotted in."""
    layout = _with_catch_ups(packed, catch_up_every, deadline)
    first: dict[str, int] = {}
    for number, chunks in enumerate(layout, 1):
        for chunk in chunks or ():
            first.setdefault(chunk.id, number)
    why = reasons(first)
    parts = _part_counts(packed)
    sessions = _session_counts(packed)
    placed: dict[tuple[str, int], int] = {}  # sessions of each task placed so far
    seen: dict[str, int] = {}  # parts placed so far, and the week of the last one
    last: dict[str, int] = {}
    finished: list[list[str]] = []
    weeks: list[Week] = []
    light = quarter(sum(c.hours for c in packed[0]) / 2) if packed else 0.0
    for number, chunks in enumerate(layout, 1):
        if chunks is None:
            weeks.append(_week(number, start, [_catch_up_item(number, light)]))
            continue
        items = []
        for chunk in chunks:
            if chunk.id == REVIEW:
                recall = due(len(finished) + 1, finished)
                items.append(_review_item(number, chunk.hours, recall, last))
                continue
            seen[chunk.id] = seen.get(chunk.id, 0) + 1
            numbers = []
            for piece in chunk.pieces:
                key = (chunk.id, piece.task)
                placed[key] = placed.get(key, 0) + 1
                numbers.append((placed[key], sessions[key]))
            items.append(
                _planned(
                    chosen[chunk.id],
                    chunk,
                    (seen[chunk.id], parts[chunk.id]),
                    catalog,
                    why[chunk.id],
                    last.get(chunk.id, 0),
                    numbers,
                )
            )
            last[chunk.id] = number
        finished.append([c.id for c in chunks if c.id != REVIEW and seen[c.id] == parts[c.id]])
        weeks.append(_week(number, start, items))
    return weeks


def _with_catch_ups(
    packed: list[list[Chunk]], every: int, deadline: int | None
) -> list[list[Chunk] | None]:
    """The packed weeks with None for a light catch-up week after every `every` weeks."""
    out: list[list[Chunk] | None] = []
    since = 0
    for n, chunks in enumerate(packed):
        room = deadline is None or len(packed) + (len(out) - n) + 1 <= deadline
        if every and since >= every and room and len(packed) - n >= 2:  # not to end on one
            out.append(None)
            since = 0
        out.append(chunks)
        since += 1
    return out


def _week(number: int, start: date, items: list[PlannedItem]) -> Week:
    first = start + timedelta(weeks=number - 1)
    return Week(number=number, start=first, end=first + timedelta(days=6), items=tuple(items))


def _part_counts(packed: list[list[Chunk]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for chunks in packed:
        for chunk in chunks:
            counts[chunk.id] = counts.get(chunk.id, 0) + 1
    return counts


def _session_counts(packed: list[list[Chunk]]) -> dict[tuple[str, int], int]:
    """How many pieces each (item, task) is placed in: more than one makes sessions."""
    counts: dict[tuple[str, int], int] = {}
    for chunks in packed:
        for chunk in chunks:
            for piece in chunk.pieces:
                counts[(chunk.id, piece.task)] = counts.get((chunk.id, piece.task), 0) + 1
    return counts


def _planned(
    chosen: Chosen,
    chunk: Chunk,
    part: tuple[int, int],
    catalog: Catalog,
    why: tuple[Why, ...],
    previous: int,
    sessions: list[tuple[int, int]],
) -> PlannedItem:
    item = chosen.item
    tasks = tuple(
        PlannedTask(
            text=item.tasks[chosen.tasks[p.task][0]].text,
            hours=p.hours,
            index=chosen.tasks[p.task][0],
            session=session,
        )
        for p, session in zip(chunk.pieces, sessions, strict=True)
    )
    if part[0] > 1:
        why = (Continued(item=item.id, week=previous),)
    return PlannedItem(
        id=item.id,
        title=item.title,
        section=item.section,
        section_title=catalog.sections[item.section].title,
        hours=chunk.hours,
        part=part,
        kind=item.kind,
        summary=item.summary,
        purpose=item.why,
        prerequisites=item.prerequisites,
        why=why,
        resources=item.resources,
        tasks=tasks,
        emphasised=chosen.emphasised,
        continued_from=previous,
    )


def _review_item(number: int, hours: float, due: list[str], ended: dict[str, int]) -> PlannedItem:
    """A spaced-review slot: a recall task for each item that ended one or three weeks ago."""
    share = hours / len(due)
    return _slot(
        f"review-w{number}",
        "review",
        REVIEW_TITLE,
        hours,
        ReviewDue(items=tuple(due), ago=tuple(sorted({number - ended[i] for i in due}))),
        tuple(
            PlannedTask(text="", hours=share, index=j, made=RecallTask(item=item_id))
            for j, item_id in enumerate(due)
        ),
    )


def _catch_up_item(number: int, hours: float) -> PlannedItem:
    """A light week: finish what is open from the last few weeks, redo the hardest check."""
    return _slot(
        f"catch-up-w{number}",
        "catch-up",
        CATCH_UP_TITLE,
        hours,
        CatchUpAfter(week=number - 1),
        (
            PlannedTask(
                text="",
                hours=hours / 2,
                index=0,
                made=FinishOpen(first=max(1, number - CATCH_UP_LOOKS_BACK), last=number - 1),
            ),
            PlannedTask(text="", hours=hours / 2, index=1, made=RedoHardest()),
        ),
    )


def _slot(
    slot_id: str, kind: str, title: str, hours: float, why: Why, tasks: tuple[PlannedTask, ...]
) -> PlannedItem:
    section, section_title = REVIEW_SECTION
    return PlannedItem(
        id=slot_id,
        title=title,
        section=section,
        section_title=section_title,
        hours=hours,
        part=(1, 1),
        kind=kind,
        summary="",
        prerequisites=(),
        why=(why,),
        resources=(),
        tasks=tasks,
    )
