"""Packed chunks -> dated Weeks: parts of split items with their own tasks, review slots."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from planner.catalog.model import Catalog
from planner.engine.chosen import Chosen
from planner.engine.hours import quarter
from planner.engine.packing import REVIEW, Chunk
from planner.engine.review import due
from planner.plan import PlannedItem, PlannedTask, Week, Why

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
                items.append(_review_item(number, chunk.hours, recall, chosen, last))
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
    return Week(number, first, first + timedelta(days=6), tuple(items))


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
            item.tasks[chosen.tasks[p.task][0]].text, p.hours, chosen.tasks[p.task][0], session
        )
        for p, session in zip(chunk.pieces, sessions, strict=True)
    )
    if part[0] > 1:
        why = (Why("continued", f"Continues {item.title} from week {previous}.", item=item.id),)
    return PlannedItem(
        id=item.id,
        title=item.title,
        section=item.section,
        section_title=catalog.sections[item.section].title,
        hours=chunk.hours,
        part=part,
        kind=item.kind,
        summary=item.summary,
        prerequisites=item.prerequisites,
        why=why,
        resources=item.resources,
        tasks=tasks,
        emphasised=chosen.emphasised,
        continued_from=previous,
    )


def _review_item(
    number: int, hours: float, due: list[str], chosen: dict[str, Chosen], ended: dict[str, int]
) -> PlannedItem:
    titles = [chosen[i].item.title for i in due]
    ago = {number - ended[i] for i in due}
    when = " and ".join(f"{'last week' if n == 1 else f'{n} weeks ago'}" for n in sorted(ago))
    it = "it" if len(due) == 1 else "them"
    text = (
        f"{_listed(titles)} ended {when}: recalling {it} now, without notes, fixes {it} "
        "in long-term memory."
    )
    shares = [hours / len(due)] * len(due)
    return PlannedItem(
        id=f"review-w{number}",
        title="Spaced review",
        section="review",
        section_title="Review",
        hours=hours,
        part=(1, 1),
        kind="review",
        summary="Short recall practice on what you finished one and three weeks ago.",
        prerequisites=(),
        why=(Why("plan", text),),
        resources=(),
        tasks=tuple(
            PlannedTask(f"Recall without notes, then check: {t}", h, j)
            for j, (t, h) in enumerate(zip(titles, shares, strict=True))
        ),
    )


def _listed(titles: list[str]) -> str:
    return titles[0] if len(titles) == 1 else ", ".join(titles[:-1]) + f" and {titles[-1]}"


def _catch_up_item(number: int, hours: float) -> PlannedItem:
    first = max(1, number - 4)
    return PlannedItem(
        id=f"catch-up-w{number}",
        title="Catch-up week",
        section="review",
        section_title="Review",
        hours=hours,
        part=(1, 1),
        kind="catch-up",
        summary="A lighter week: finish what is open, revisit what was hard, rest.",
        prerequisites=(),
        why=(Why("plan", f"A light week after week {number - 1} keeps a long plan sustainable."),),
        resources=(),
        tasks=(
            PlannedTask(
                f"Finish any task still open from weeks {first}-{number - 1}", hours / 2, 0
            ),
            PlannedTask("Redo the self-check you found hardest so far", hours / 2, 1),
        ),
    )
