"""List scheduling by tasks: pack items' tasks into weeks of fixed capacity, in order.

An item is a sequence of tasks with hours. A week takes whole tasks; a task longer than half
a week is placed in sessions (of at least an hour) that fill the weeks it spans, so every
piece placed in a week is something the learner can tick. Items go in a fixed priority order (what
is under way first, then the lowest level, then the authored order), so planning what is
left of a plan keeps its order.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

from planner.catalog.graph import Graph
from planner.engine.hours import EPS, QUARTER, quarter_down

SHARE_CAP = 0.6  # first pass: one item takes at most this share of a week (interleaving)
MIN_SESSION = 1.0  # a session of a long task is at least this long (less in tiny weeks)
FILL_SESSION = 0.5  # a week's last half hour (less in tiny weeks) may hold a session
LOOKAHEAD = 3  # new items that may start now: the next few in the order
REVIEW = "@review"  # the chunk id of a week's spaced-review slot


@dataclass(frozen=True, kw_only=True)
class Unit:
    """What the packer sees of an item: its tasks' hours, prerequisites, order and kind."""

    id: str
    tasks: tuple[float, ...]  # hours of each task still to do, in order
    prerequisites: tuple[str, ...]  # only those inside the plan
    rank: tuple[int, ...]  # the fixed priority: lower goes first, after its prerequisites
    group: str = ""  # the section: the packer interleaves groups within a week
    woven: bool = False  # a short habit (soft skills, ethics): at most one a week
    release: int = 0  # the first week (0-based) it may start in
    started: bool = False  # under way before the plan starts: continues first

    @property
    def hours(self) -> float:
        return sum(self.tasks)


@dataclass(frozen=True)
class Piece:
    """One task, or one session of a long task, placed in a week."""

    task: int  # position in the unit's tasks
    hours: float


@dataclass
class Chunk:
    """An item's pieces in one week (the review slot is a chunk with id REVIEW)."""

    id: str
    pieces: list[Piece] = field(default_factory=list)
    hours: float = 0.0  # the pieces' hours

    def add(self, piece: Piece) -> None:
        """Add piece; a further session of the task this week ends with joins it."""
        if self.pieces and self.pieces[-1].task == piece.task:
            self.pieces[-1] = Piece(piece.task, self.pieces[-1].hours + piece.hours)
        else:
            self.pieces.append(piece)
        self.hours += piece.hours


ReviewHours = Callable[[list[list[str]]], float]  # items finished per week so far -> hours


def no_review(finished: list[list[str]]) -> float:
    return 0.0


@dataclass
class _Task:
    """A task still (partly) to place: a long one is placed in sessions that fill weeks."""

    position: int
    hours: float  # hours left of it
    long: bool  # longer than half a week: placed in sessions as weeks allow


def _cut(task: _Task, room: float, longest: float, fill: bool = False) -> Piece | None:
    """The piece of task that fits room now: all of it, a session of a long one, or None.

    A session is at least `shortest` hours and never leaves less than that for the next one;
    fill: the week's last hours, where a task of an hour or more may be split too.
    """
    if task.hours <= room + EPS:
        return Piece(task.position, task.hours)
    if not task.long and (not fill or task.hours < MIN_SESSION):
        return None
    shortest = min(MIN_SESSION, longest / 2) if not fill else min(FILL_SESSION, longest / 6)
    session = quarter_down(min(room, longest))
    if task.hours - session < shortest - EPS:
        session = quarter_down(task.hours - shortest)
    return Piece(task.position, session) if session >= shortest - EPS else None


class _Packer:
    """The state of one packing: what is left, what is done, the weeks so far."""

    def __init__(
        self, units: dict[str, Unit], capacity: float, review: ReviewHours, longest: float
    ) -> None:
        self.units = units
        self.capacity = capacity
        self.review = review
        graph = Graph({i: u.prerequisites for i, u in units.items()})
        # started work first; then by rank, but never before an item's prerequisites
        self.order = graph.order(lambda i: (not units[i].started, *units[i].rank))
        self.longest = longest
        self.shortest_fill = min(FILL_SESSION, longest / 6)
        # a task over half a week is long for this learner: it may run in sessions
        split = min(longest, capacity / 2)
        self.left = {
            i: [_Task(t, h, h > split + EPS) for t, h in enumerate(units[i].tasks)]
            for i in self.order
        }
        self.done: set[str] = set()
        self.open = list(self.order)  # not done yet, in priority order
        self.position = {item_id: n for n, item_id in enumerate(self.order)}
        self.blocked = {i: len(graph.prerequisites[i]) for i in self.order}
        # open items whose prerequisites are all done, in priority order
        self.unblocked = [i for i in self.order if not self.blocked[i]]
        self.dependents = graph.users
        self.others = sum(1 for u in units.values() if not u.woven)  # open non-habits
        self.under_way: list[str] = [i for i in self.order if units[i].started]
        for item_id in [i for i in self.order if not self.left[i]]:
            self.finish(item_id)
        self.finished: list[list[str]] = []
        self.weeks: list[list[Chunk]] = []
        self.early = False  # habits may start before their release week
        self.waiting: str | None = None  # an item that found no room: first in line next week

    def run(self) -> list[list[Chunk]]:
        while self.open:
            self.fill_week()
        return self.weeks

    def fill_week(self) -> None:
        slot = min(self.review(self.finished), self.capacity / 2)
        week: dict[str, Chunk] = {}
        room = self.capacity - slot
        for mode in ("capped", "open", "fill"):
            if mode == "fill" and room < self.shortest_fill - EPS:
                break  # no session fits what is left, and no whole task did before
            room = self.fill(week, room, mode)
        if not week:  # only habits not released yet are left: release them now
            self.early = True
            room = self.fill(week, room, "open")
        if not week:
            raise RuntimeError("packing made no progress: a prerequisite cycle?")
        if slot > EPS and room < self.shortest_fill - EPS:
            slot += room  # minutes no task fits go to recalling what is due
        self.finished.append([i for i in week if i in self.done])
        chunks = list(week.values())
        if slot > EPS:
            chunks.append(Chunk(REVIEW, [Piece(0, slot)], slot))
        self.weeks.append(chunks)

    def fill(self, week: dict[str, Chunk], room: float, mode: str) -> float:
        """Add whole pieces to week while they fit; returns the room left.

        Sweeps again after any progress: an item finished this week may make another ready.
        """
        again = True
        while again and room > EPS:
            done_before = len(self.done)
            for item_id in self.candidates(week, mode == "capped"):
                room -= self.take(week, item_id, room, mode)
                if room < QUARTER - EPS:
                    return room
            again = len(self.done) > done_before  # a finished item may make another ready
        return room

    def take(self, week: dict[str, Chunk], item_id: str, room: float, mode: str) -> float:
        """Move item_id's next pieces into week while they fit; the hours moved.

        mode: capped (an item takes at most SHARE_CAP of the week, so others get room), open,
        or fill (the last hours: a task may be split into sessions to use them).
        """
        tasks = self.left[item_id]
        chunk = week.get(item_id)
        if (
            tasks[0].hours > room + EPS
            and not tasks[0].long
            and (mode != "fill" or tasks[0].hours < MIN_SESSION)
        ):
            if chunk is None and self.waiting is None and mode == "open":
                self.waiting = item_id  # goes first next week, so it cannot starve
            return 0.0  # the next task cannot go in whole, nor in sessions
        limit = self.capacity * SHARE_CAP if mode == "capped" else self.capacity
        if chunk is None:
            chunk = Chunk(item_id)
        moved = 0.0
        while tasks:
            # the cap leaves room for other items, but never keeps an item out of a week
            allowed = room - moved if not chunk.pieces else min(room - moved, limit - chunk.hours)
            piece = _cut(tasks[0], allowed, self.longest, mode == "fill")
            if piece is None:
                if not chunk.pieces and self.waiting is None and mode == "open":
                    self.waiting = item_id  # goes first next week, so it cannot starve
                break
            chunk.add(piece)
            moved += piece.hours
            tasks[0].hours -= piece.hours
            if tasks[0].hours <= EPS:
                tasks.pop(0)
        if chunk.pieces and item_id not in week:
            week[item_id] = chunk
            if self.waiting == item_id:
                self.waiting = None
            if item_id not in self.under_way:
                self.under_way.append(item_id)
        if not tasks and item_id not in self.done:
            self.finish(item_id)
        return moved

    def finish(self, item_id: str) -> None:
        self.done.add(item_id)
        self.open.remove(item_id)
        if item_id in self.unblocked:
            self.unblocked.remove(item_id)
        self.others -= not self.units[item_id].woven
        if item_id in self.under_way:
            self.under_way.remove(item_id)
        for user in self.dependents[item_id]:
            self.blocked[user] -= 1
            if not self.blocked[user]:
                bisect.insort(self.unblocked, user, key=self.position.__getitem__)

    def candidates(self, week: dict[str, Chunk], capped: bool) -> list[str]:
        """Items that may take pieces now, best first: under way, one habit, new by rank.

        New items start in order: only the next few may start, so what comes later in the
        order never overtakes by much (a re-plan of what is left keeps its order).
        """
        number = len(self.weeks)
        units, under_way = self.units, self.under_way
        upcoming = set(
            itertools.islice(
                (i for i in self.open if i not in under_way and not units[i].woven), LOOKAHEAD
            )
        )
        early = self.early or not self.others  # only habits left: no need to space them
        new = [
            i
            for i in self.unblocked
            if i not in under_way
            and (i in upcoming or (units[i].woven and (early or units[i].release <= number)))
        ]
        weave = self.others > 0 and not any(units[i].woven for i in week)
        groups = {units[i].group for i in week} if capped else set()
        new.sort(key=lambda i: (not (weave and units[i].woven), units[i].group in groups))
        going = [i for i in under_way if not self.blocked[i]]
        if not capped:  # after the first pass, the item with least time this week goes first
            going.sort(key=lambda i: week[i].hours if i in week else 0.0)
        out = going + new
        if self.others > 0:  # at most one habit a week while other work remains
            habit = next((i for i in out if units[i].woven and (i in week or weave)), None)
            out = [i for i in out if not units[i].woven or i == habit]
        if self.waiting in out:
            out.remove(self.waiting)
            out.insert(0, self.waiting)
        return out


def pack(
    units: dict[str, Unit],
    capacity: float,
    review: ReviewHours = no_review,
    longest: float | None = None,
) -> list[list[Chunk]]:
    """Fill each week with whole tasks of the items in priority order (see the module doc).

    longest: the most hours one piece may have (default: the capacity); a longer task is
    placed in sessions.
    """
    return _Packer(units, capacity, review, longest or capacity).run()
