"""Where the weekly part's pages break, from measured heights alone (no drawing).

A week takes the space its content needs. Weeks follow each other on a page while they fit,
each with its header and a notes box; a week too big for the room left flows on to the next
page, its header repeated, an item it breaks inside titled again there. A break falls only
between units (an item's head with its first task, then one task at a time). A small week
is never split; one that fits on a page is kept whole when the page is already three
quarters full. The last week on a page gets the room left as its notes box.

Knowing every break before anything is drawn is what lets a week page print the page
number of a QR code in the appendix that comes after it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

KEEP_WHOLE_AFTER = 0.75  # a page fuller than this starts a page-sized week on the next
KEEP_WHOLE_BELOW = 0.35  # a week up to this share of a page is never split
MIN_FILL = 0.3  # a page a week breaks on is at least this full (notes boxes not counted)


@dataclass(frozen=True, kw_only=True)
class Unit:
    """A piece of a week that is never broken: an item's head with its first task, a task."""

    height: float
    gap: float = 0.0  # space above it, unless it opens the week's piece on a page
    item: int = 0  # the item of the week it belongs to
    opens_item: bool = True  # it carries the item's title (a later page need not repeat it)
    keep_with_next: bool = False
    foot: float = 0.0  # what it adds to the page's foot (answers printed upside down)


@dataclass(frozen=True, kw_only=True)
class WeekShape:
    """A week as pagination sees it: its units and what frames them on each page."""

    units: tuple[Unit, ...]
    rail: float  # the rail's height (week number, dates, hours) beside the first piece
    rail_continued: float  # ... beside a later piece
    retitle: tuple[float, ...]  # per item: the height of its "Title (continued)" line

    def content(self, start: int, end: int) -> float:
        """The main column's height for units[start:end] opening a page's piece of the week."""
        if end <= start:
            return 0.0
        first = self.units[start]
        height = 0.0 if first.opens_item else self.retitle[first.item]
        height += first.height
        return height + sum(u.gap + u.height for u in self.units[start + 1 : end])


@dataclass(frozen=True, kw_only=True)
class Geometry:
    """The fixed heights pagination works with."""

    frame: float  # a page's frame height
    first_room: float  # the room left on the page where the weekly part starts
    header: float  # a week piece's top rule and the space under it
    between: float  # space between two weeks on one page
    notes_min: float  # the notes box under a week that another week follows on the page
    foot_header: float = 0.0  # the foot's own line, when a page has a foot


@dataclass(kw_only=True)
class Piece:
    """The part of one week on one page."""

    week: int
    start: int
    end: int
    continued: bool  # the week began on an earlier page
    retitled: bool  # units[start] continues an item begun on an earlier page
    ends_week: bool
    notes: float = 0.0


@dataclass(kw_only=True)
class PagePlan:
    """One page of the weekly part: its pieces of weeks and the height of its foot."""

    room: float
    pieces: list[Piece] = field(default_factory=list)
    used: float = 0.0  # everything placed, notes boxes included
    content: float = 0.0  # what is placed without the notes boxes
    foot: float = 0.0

    def left(self, geometry: Geometry) -> float:
        foot = self.foot + geometry.foot_header if self.foot else 0.0
        return self.room - self.used - foot


def _foot(shape: WeekShape, start: int, end: int) -> float:
    return sum(u.foot for u in shape.units[start:end])


def _body(shape: WeekShape, start: int, end: int, geometry: Geometry) -> float:
    """A piece without notes: its header, then the rail or the units, whichever is taller."""
    rail = shape.rail if start == 0 else shape.rail_continued
    return geometry.header + max(rail, shape.content(start, end))


def _height(shape: WeekShape, start: int, end: int, geometry: Geometry) -> float:
    """A piece's height: its body and the least notes box when the week ends in it."""
    notes = geometry.notes_min if end == len(shape.units) else 0.0
    return _body(shape, start, end, geometry) + notes


def _fits(page: PagePlan, shape: WeekShape, start: int, end: int, geometry: Geometry) -> bool:
    gap = geometry.between if page.pieces else 0.0
    foot = page.foot + _foot(shape, start, end)
    foot_total = foot + geometry.foot_header if foot else 0.0
    need = gap + _height(shape, start, end, geometry)
    return page.used + need + foot_total <= page.room + 1e-6


def _last_fit(page: PagePlan, shape: WeekShape, start: int, geometry: Geometry) -> int:
    """The furthest legal end of a piece from start that fits on the page (start if none)."""
    best = start
    for end in range(start + 1, len(shape.units) + 1):
        if not _fits(page, shape, start, end, geometry):
            break
        if end == len(shape.units) or not shape.units[end - 1].keep_with_next:
            best = end
    return best


def _place(page: PagePlan, shape: WeekShape, piece: Piece, geometry: Geometry) -> None:
    gap = geometry.between if page.pieces else 0.0
    page.used += gap + _height(shape, piece.start, piece.end, geometry)
    page.content += gap + _body(shape, piece.start, piece.end, geometry)
    page.foot += _foot(shape, piece.start, piece.end)
    page.pieces.append(piece)


def _opens_here(page: PagePlan, shape: WeekShape, geometry: Geometry) -> bool:
    """Whether the next week opens on this page (else on a fresh one).

    Here when it fits whole; on the next page when it is small, or fits a page and this one
    is three quarters full; else here when the part that fits leaves the page MIN_FILL full.
    """
    if not page.pieces and page.room >= geometry.frame:
        return True
    if _fits(page, shape, 0, len(shape.units), geometry):
        return True
    whole = _height(shape, 0, len(shape.units), geometry)
    if whole <= KEEP_WHOLE_BELOW * geometry.frame:
        return False
    if whole <= geometry.frame and page.used > KEEP_WHOLE_AFTER * page.room:
        return False
    end = _last_fit(page, shape, 0, geometry)
    gap = geometry.between if page.pieces else 0.0
    return end > 0 and page.content + gap + _body(shape, 0, end, geometry) >= (MIN_FILL * page.room)


def paginate(weeks: Sequence[WeekShape], geometry: Geometry) -> list[PagePlan]:
    """The weekly part's pages, in order; every unit of every week is on exactly one."""
    pages = [PagePlan(room=geometry.first_room)]
    for index, shape in enumerate(weeks):
        if not _opens_here(pages[-1], shape, geometry):
            pages.append(PagePlan(room=geometry.frame))
        start, count = 0, len(shape.units)
        while True:
            page = pages[-1]
            end = _last_fit(page, shape, start, geometry)
            fits = end > start or (count == 0 and _fits(page, shape, 0, 0, geometry))
            if not fits and (page.pieces or page.room < geometry.frame):
                pages.append(PagePlan(room=geometry.frame))
                continue
            end = max(end, min(start + 1, count))  # a unit taller than a page goes somewhere
            piece = Piece(
                week=index,
                start=start,
                end=end,
                continued=start > 0,
                retitled=start > 0 and not shape.units[start].opens_item,
                ends_week=end == count,
            )
            _place(page, shape, piece, geometry)
            if piece.ends_week:
                break
            pages.append(PagePlan(room=geometry.frame))
            start = end
    for page in pages:
        _size_notes(page, geometry)
    return [page for page in pages if page.pieces]


def _size_notes(page: PagePlan, geometry: Geometry) -> None:
    """Every week ending on the page has a notes box; the page's last one gets what is left."""
    for piece in page.pieces:
        if piece.ends_week:
            piece.notes = geometry.notes_min
    last = page.pieces[-1] if page.pieces else None
    if last is not None and last.ends_week:
        extra = max(0.0, page.left(geometry))
        last.notes += extra
        page.used += extra
