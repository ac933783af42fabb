"""A week's body as one flowable that chooses its own page breaks.

ReportLab's keepWithNext and KeepTogether work flowable by flowable; a week page needs more:
a break only between blocks (an item's head with its first task, then one task at a time),
small items whole, never one task alone overleaf, no near-empty last page (the break moves
earlier when little would be left), a "Week N (continued)" line on every page after the
first, and notes lines only in the room the week leaves on its last page.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from reportlab.platypus import Flowable, PageBreak, Paragraph

from planner.render.pdf.styles import ACCENT, ACCENT_TINT, RULE

SEPARATOR_GAP = 12.0  # above and below the hairline between two items
TINT_PAD = 12.0  # a milestone panel's inner margin
TINT_EDGE = 3.0  # the panel's accent edge
HEADER_GAP = 14.0  # below the running header's rule
NOTES_MIN = 90.0  # less room than this on the last page: no notes lines
SMALL_ITEM = 0.3  # items up to this share of a page are never split
MIN_TAIL = 0.22  # a week's last page holds at least this share of a page, when it can
MIN_FILL = 0.45  # ... as long as the page before stays at least this full


@dataclass
class Block:
    """Flowables that stay on one page together, and how the block joins the previous one."""

    flowables: list[Flowable]
    item_start: bool = False  # the first block of an item: a hairline above, unless first
    keep_with_next: bool = False  # no page break between this block and the next
    tinted: bool = False  # inside a milestone panel
    pad_top: float = 0.0
    pad_bottom: float = 0.0
    gap: float = 0.0  # space above when it follows another block of the same item
    heights: list[float] = field(default_factory=list)

    @property
    def height(self) -> float:
        return self.pad_top + sum(self.heights) + self.pad_bottom


def gap_before(blocks: list[Block], index: int) -> float:
    """Space between blocks[index - 1] and blocks[index] (none for the first of a page)."""
    if index == 0:
        return 0.0
    block = blocks[index]
    return 2 * SEPARATOR_GAP if block.item_start else block.gap


class WeekBody(Flowable):
    """The items of one week (or what is left of them), then notes lines."""

    def __init__(
        self,
        blocks: list[Block],
        header: Paragraph,
        notes: Flowable,
        frame_height: float,
        continued: bool = False,
        last: bool = True,
    ) -> None:
        super().__init__()
        self.blocks = blocks
        self.header = header  # "Week N (continued) · dates", drawn atop a continued part
        self.notes = notes
        self.frame_height = frame_height
        self.continued = continued
        self.last = last  # the week ends in this part: notes lines may fill the room left
        self._measured_at = -1.0
        self._content = 0.0
        self.notes_height = 0.0

    def _header_height(self) -> float:
        return (
            self.header.wrap(self._measured_at, self.frame_height)[1] + HEADER_GAP
            if self.continued
            else 0.0
        )

    def _measure(self, width: float) -> None:
        if width == self._measured_at:
            return
        self._measured_at = width
        for block in self.blocks:
            inner = width - 2 * TINT_PAD if block.tinted else width
            block.heights = [
                f.wrap(inner, self.frame_height)[1] + _spacing(f, k)
                for k, f in enumerate(block.flowables)
            ]
        self._content = self._header_height() + sum(
            gap_before(self.blocks, i) + b.height for i, b in enumerate(self.blocks)
        )

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._measure(avail_width)
        self.width = avail_width
        room = avail_height - self._content
        self.notes_height = room if self.last and room >= NOTES_MIN else 0.0
        self.height = self._content + self.notes_height
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self._measure(avail_width)
        room = avail_height - self._header_height()
        cut = _best_break(self.blocks, room, self.frame_height)
        if cut == 0:
            head, rest = _split_block(self.blocks, avail_width, room, self.frame_height)
        else:
            head, rest = self.blocks[:cut], self.blocks[cut:]
        if not head:
            return []
        first = WeekBody(
            head, self.header, self.notes, self.frame_height, self.continued, last=not rest
        )
        if not rest:
            return [first]
        # the break may come early (balancing): the rest starts a page of its own all the same
        return [
            first,
            PageBreak(),
            WeekBody(rest, self.header, self.notes, self.frame_height, continued=True),
        ]

    def draw(self) -> None:
        canv = self.canv
        y = self.height
        if self.continued:
            _, header_height = self.header.wrap(self.width, self.frame_height)
            y -= header_height
            self.header.drawOn(canv, 0, y)
            canv.setStrokeColor(RULE)
            canv.setLineWidth(0.6)
            canv.line(0, y - 4, self.width, y - 4)
            y -= HEADER_GAP
        for index, block in enumerate(self.blocks):
            gap = gap_before(self.blocks, index)
            if block.item_start and index:
                canv.setStrokeColor(RULE)
                canv.setLineWidth(0.5)
                canv.line(0, y - SEPARATOR_GAP, self.width, y - SEPARATOR_GAP)
            y -= gap
            self._draw_block(
                block,
                y,
                tinted_above=index > 0 and self.blocks[index - 1].tinted and not block.item_start,
                gap=gap,
            )
            y -= block.height
        if self.notes_height:
            self.notes.wrap(self.width, self.notes_height)
            self.notes.drawOn(canv, 0, y - self.notes_height)

    def _draw_block(self, block: Block, top: float, tinted_above: bool, gap: float) -> None:
        canv = self.canv
        x = TINT_PAD if block.tinted else 0.0
        if block.tinted:
            extra = gap if tinted_above else 0.0  # one panel over the gap between its blocks
            canv.saveState()
            canv.setFillColor(ACCENT_TINT)
            canv.rect(0, top - block.height, self.width, block.height + extra, stroke=0, fill=1)
            canv.setFillColor(ACCENT)
            canv.rect(0, top - block.height, TINT_EDGE, block.height + extra, stroke=0, fill=1)
            canv.restoreState()
        y = top - block.pad_top
        for flowable, height in zip(block.flowables, block.heights, strict=True):
            y -= height
            flowable.drawOn(canv, x, y + _space_after(flowable))


def _space_after(flowable: Flowable) -> float:
    return float(getattr(getattr(flowable, "style", None), "spaceAfter", 0) or 0)


def _spacing(flowable: Flowable, index: int) -> float:
    """A paragraph's spaceBefore (not for a block's first) and spaceAfter, as extra height."""
    style = getattr(flowable, "style", None)
    if style is None:
        return 0.0
    before = float(style.spaceBefore or 0) if index else 0.0
    return before + float(style.spaceAfter or 0)


def _fits(blocks: list[Block], room: float) -> int:
    """How many blocks from the start fit in room, ending where a break is allowed."""
    used, best = 0.0, 0
    for index, block in enumerate(blocks):
        used += gap_before(blocks, index) + block.height
        if used > room:
            break
        if not block.keep_with_next:
            best = index + 1
    return best


def _best_break(blocks: list[Block], room: float, frame_height: float) -> int:
    """The break after the most blocks that fit, moved earlier if the rest would be tiny."""
    cut = _fits(blocks, room)
    if cut == 0:
        return 0

    def rest(k: int) -> float:
        return sum(gap_before(blocks[k:], i) + b.height for i, b in enumerate(blocks[k:]))

    def used(k: int) -> float:
        return sum(gap_before(blocks, i) + b.height for i, b in enumerate(blocks[:k]))

    if rest(cut) >= MIN_TAIL * frame_height:
        return cut
    for earlier in range(cut - 1, 0, -1):
        if blocks[earlier - 1].keep_with_next:
            continue
        if used(earlier) < MIN_FILL * room:
            break
        if rest(earlier) >= MIN_TAIL * frame_height:
            return earlier
    return cut


def _split_block(
    blocks: list[Block], width: float, room: float, frame_height: float
) -> tuple[list[Block], list[Block]]:
    """Break inside the first block (larger than the room): flowable by flowable."""
    block = blocks[0]
    inner = width - 2 * TINT_PAD if block.tinted else width
    used = block.pad_top
    placed: list[Flowable] = []
    pending = list(block.flowables)
    while pending:
        flowable = pending[0]
        height = flowable.wrap(inner, frame_height)[1] + _spacing(flowable, len(placed))
        if used + height <= room:
            placed.append(pending.pop(0))
            used += height
            continue
        parts = flowable.split(inner, room - used - _spacing(flowable, len(placed)))
        if len(parts) > 1:
            placed.append(parts[0])
            pending[0:1] = parts[1:]
        elif not placed and room >= 0.8 * frame_height:  # fits no page: place it, overflowing
            placed.append(pending.pop(0))
        break
    if not placed:
        return [], blocks
    head = replace(block, flowables=placed, keep_with_next=False, pad_bottom=0.0)
    if not pending:
        return [head], blocks[1:]
    tail = replace(block, flowables=pending, item_start=False, pad_top=0.0)
    return [head], [tail, *blocks[1:]]
