"""The weekly part in the planner grid: every page laid out (pagination.py) when the part is
first placed, so the pages are known before a single one is drawn."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer

from planner.plan import Week
from planner.render.formatting import date_range, week_key
from planner.render.pdf.answers import FOOT_HEADER, draw_foot
from planner.render.pdf.answers import height as answers_height
from planner.render.pdf.grid import MAIN, NOTES_LINE, main_x
from planner.render.pdf.items import ITEM_GAP, Block, space_after
from planner.render.pdf.pagination import Geometry, PagePlan, Piece, Unit, WeekShape, paginate
from planner.render.pdf.qr import QrIndex
from planner.render.pdf.styles import ACCENT, ACCENT_TINT, RULE, Page, styles

HEADER = 9.0  # a week's top rule and the space under it
BETWEEN = 18.0  # space between two weeks on a page (and above the first, after other text)
NOTES_MIN = 2 * NOTES_LINE + 6  # a label and two ruled lines
TINT_LEFT = 11.0  # ... reaching into the gap left of the main column
TINT_EDGE = 3.0


@dataclass(kw_only=True)
class WeekLayout:
    """A week measured for the grid: its blocks, its rail beside the first and later pieces."""

    week: Week
    blocks: list[Block]
    rail: list[Paragraph]
    rail_continued: list[Paragraph]
    retitles: list[Paragraph]  # per item: "Title (continued)"
    notes_label: Paragraph

    def shape(self) -> WeekShape:
        return WeekShape(
            units=tuple(
                Unit(
                    height=b.height,
                    gap=b.gap,
                    item=b.item,
                    opens_item=b.opens_item,
                    keep_with_next=b.keep_with_next,
                    foot=answers_height(b.answers),
                )
                for b in self.blocks
            ),
            rail=_stack_height(self.rail),
            rail_continued=_stack_height(self.rail_continued),
            retitle=tuple(p.height for p in self.retitles) or (0.0,),
        )


def _stack_height(paragraphs: list[Paragraph]) -> float:
    return sum(p.height for p in paragraphs)


class WeeklyPart(Flowable):
    """Every week; split into one WeekPage per page when ReportLab first places it."""

    def __init__(self, weeks: list[WeekLayout], page: Page, index: QrIndex) -> None:
        super().__init__()
        self.weeks, self.page, self.index = weeks, page, index
        self.pages: list[PagePlan] | None = None
        self.lead = 0.0  # space above the first week when other text precedes it on its page

    def _layout(self, room: float) -> list[PagePlan]:
        if self.pages is None:
            self.lead = BETWEEN if room < self.page.frame_height else 0.0
            geometry = Geometry(
                frame=self.page.frame_height,
                first_room=room - self.lead,
                header=HEADER,
                between=BETWEEN,
                notes_min=NOTES_MIN,
                foot_header=FOOT_HEADER,
            )
            self.pages = paginate([w.shape() for w in self.weeks], geometry)
            # wrapOn sets the canvas before wrap: the page this part starts on is known
            self.index.first_page = self.canv.getPageNumber() + len(self.pages)
        return self.pages

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        pages = self._layout(avail_height)
        self.width = avail_width
        self.height = self.lead + pages[0].used if len(pages) == 1 else avail_height + 1
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        story: list[Flowable] = []
        for number, plan in enumerate(self._layout(avail_height)):
            if number:
                story.append(PageBreak())
            story.append(WeekPage(plan, self.weeks, self.page))
        if self.lead and story:
            story.insert(0, Spacer(1, self.lead))
        return story

    def draw(self) -> None:
        assert self.pages is not None
        WeekPage(self.pages[0], self.weeks, self.page).drawOn(self.canv, 0, 0)


class WeekPage(Flowable):
    """One page of the weekly part: pieces of weeks, each with its rail and notes."""

    def __init__(self, plan: PagePlan, weeks: list[WeekLayout], page: Page):
        super().__init__()
        self.plan, self.weeks, self.page = plan, weeks, page
        # a page with answers reaches down to the frame's bottom, where they are printed
        self.width, self.height = page.frame_width, plan.room if plan.foot else plan.used

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        y = self.height
        for number, piece in enumerate(self.plan.pieces):
            y -= BETWEEN if number else 0.0
            y = self._draw_piece(piece, y)
        answers = [
            paragraph
            for piece in self.plan.pieces
            for block in self.weeks[piece.week].blocks[piece.start : piece.end]
            for paragraph in block.answers
        ]
        if answers:
            draw_foot(self.canv, answers, self.width, styles())

    def _draw_piece(self, piece: Piece, top: float) -> float:
        canv, layout = self.canv, self.weeks[piece.week]
        if not piece.continued:
            self._bookmark(layout.week, top)
        canv.setStrokeColor(ACCENT)
        canv.setLineWidth(1.2)
        canv.line(0, top, self.width, top)
        y = top - HEADER
        rail = layout.rail_continued if piece.continued else layout.rail
        rail_bottom = _draw_stack(canv, rail, 0, y)
        bottom = self._draw_blocks(piece, layout, y)
        y = min(rail_bottom, bottom)
        if piece.notes:
            self._draw_notes(layout, y, piece.notes)
        return y - piece.notes

    def _bookmark(self, week: Week, top: float) -> None:
        canv = self.canv
        key = week_key(week.number)
        canv.bookmarkHorizontal(key, 0, top + 12)
        if week is self.weeks[0].week:  # the part's own entry, over the weeks nested in it
            canv.bookmarkHorizontal("weeks", 0, top + 12)
            canv.addOutlineEntry("Week by week", "weeks", 0, closed=False)
        title = f"Week {week.number} · {date_range(week.start, week.end)}"
        canv.addOutlineEntry(title, key, 1, closed=False)

    def _draw_blocks(self, piece: Piece, layout: WeekLayout, top: float) -> float:
        canv, x, y = self.canv, main_x(self.page), top
        if piece.retitled:
            item = layout.blocks[piece.start].item
            y = _draw_stack(canv, [layout.retitles[item]], x, y)
        for index in range(piece.start, piece.end):
            block = layout.blocks[index]
            if index > piece.start or piece.retitled:
                if block.rule_above:
                    canv.setStrokeColor(RULE)
                    canv.setLineWidth(0.5)
                    canv.line(x, y - ITEM_GAP, x + MAIN, y - ITEM_GAP)
                y -= block.gap
            if block.tinted:
                joined = index > piece.start and not block.opens_item
                self._tint(x, y - block.height, block.height, block.gap if joined else 0.0)
            y -= block.pad_top
            for flowable, height in zip(block.flowables, block.heights, strict=True):
                y -= height
                flowable.drawOn(canv, x, y + space_after(flowable))
            y -= block.pad_bottom
        return y

    def _tint(self, x: float, y: float, height: float, extra: float) -> None:
        """A milestone's panel; extra reaches over the gap to the block above, one panel."""
        canv = self.canv
        canv.saveState()
        canv.setFillColor(ACCENT_TINT)
        canv.rect(x - TINT_LEFT, y, MAIN + TINT_LEFT, height + extra, stroke=0, fill=1)
        canv.setFillColor(ACCENT)
        canv.rect(x - TINT_LEFT, y, TINT_EDGE, height + extra, stroke=0, fill=1)
        canv.restoreState()

    def _draw_notes(self, layout: WeekLayout, top: float, height: float) -> None:
        canv, x = self.canv, main_x(self.page)
        label = layout.notes_label
        label.drawOn(canv, 0, top - NOTES_LINE + 3)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        y = top - NOTES_LINE
        while y >= top - height:
            canv.line(x, y, x + MAIN, y)
            y -= NOTES_LINE


def _draw_stack(canv: object, paragraphs: list[Paragraph], x: float, top: float) -> float:
    y = top
    for paragraph in paragraphs:
        y -= paragraph.height
        paragraph.drawOn(canv, x, y)
    return y
