"""The resources appendix: a QR code per web link, grouped by the week that first uses it.

It is laid out before anything is drawn, so each week page can print the page its codes are
on ("QR p. 97"): the weekly part tells the index (qr.QrIndex) where the appendix starts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.platypus import Flowable, PageBreak, Paragraph

from planner.plan import Plan, Resource, Week
from planner.render.formatting import date_range, week_key
from planner.render.pdf.markup import para_text
from planner.render.pdf.paragraphs import para
from planner.render.pdf.qr import QR_SIZE, QUIET, QrCode, QrIndex, first_uses
from planner.render.pdf.styles import ACCENT, RULE, Page, Styles, hex_of
from planner.render.pdf.urlbreak import url_lines

COLUMNS = 3
OUTLINE_TITLE = "Resources (QR codes)"
LINE_GAP = 1.0
HEADER_GAP = 10.0  # above a week's header, unless it opens a page
INTRO = (
    "Scan a code with a phone camera, or click it, to open the resource. The codes are "
    "grouped by the week that first uses them; a week page names the page of each code."
)


class ResourceCard(Flowable):
    """One cell: the code on the left, the resource's title and full URL beside it."""

    def __init__(self, resource: Resource, styles: Styles, width: float) -> None:
        super().__init__()
        self.code = QrCode(resource.url)
        text_width = width - QR_SIZE - QUIET
        style = styles.code_url
        lines = url_lines(resource.url, style.fontName, style.fontSize, text_width)
        self.lines = (
            para(para_text(resource.title), styles.code_title),
            para("<br/>".join(para_text(line) for line in lines), style),
        )
        self.heights = [line.wrap(text_width, 1e6)[1] for line in self.lines]
        self.width = width
        self.height = max(QR_SIZE, sum(self.heights) + 2 * LINE_GAP)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.code.drawOn(self.canv, 0, self.height - QR_SIZE)
        y = self.height
        for line, height in zip(self.lines, self.heights, strict=True):
            y -= height
            line.drawOn(self.canv, QR_SIZE + QUIET, y)
            y -= LINE_GAP


@dataclass(kw_only=True)
class Row:
    """A week's header line, or a row of up to COLUMNS cards."""

    week: Week
    cards: list[ResourceCard] = field(default_factory=list)
    header: Paragraph | None = None
    height: float = 0.0


def _header(week: Week, styles: Styles, continued: bool = False) -> Paragraph:
    label = f"WEEK {week.number}" + (" (continued)" if continued else "")
    text = (
        f'<a href="#{week_key(week.number)}" color="{hex_of(ACCENT)}">{label}</a> · '
        f"{date_range(week.start, week.end)}"
    )
    return para(text, styles.label)


def _rows(plan: Plan, styles: Styles, width: float) -> list[Row]:
    groups: dict[int, list[tuple[Week, Resource]]] = {}
    for week, resource in first_uses(plan):
        groups.setdefault(week.number, []).append((week, resource))
    rows = []
    for uses in groups.values():
        week = uses[0][0]
        header = _header(week, styles)
        rows.append(Row(week=week, header=header, height=header.wrap(width, 1e6)[1] + 4))
        cards = [ResourceCard(r, styles, width / COLUMNS - QUIET) for _, r in uses]
        for start in range(0, len(cards), COLUMNS):
            chunk = cards[start : start + COLUMNS]
            height = max(card.height for card in chunk) + 2 * QUIET
            rows.append(Row(week=week, cards=chunk, height=height))
    return rows


@dataclass(kw_only=True)
class Sheet:
    """One page of the appendix: its rows, the opening heading on the first."""

    rows: list[Row]
    opening: bool = False


class AppendixPage(Flowable):
    """Draws one sheet: the heading and intro on the first, week headers, rows of codes."""

    def __init__(self, sheet: Sheet, head: list[Paragraph], width: float) -> None:
        super().__init__()
        self.sheet, self.head = sheet, head
        self.width = width
        self.height = sum(_head_heights(head, width)) * sheet.opening + _gaps(sheet.rows)
        self.height += sum(row.height for row in sheet.rows)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canv, y = self.canv, self.height
        if self.sheet.opening:
            canv.bookmarkHorizontal("resources", 0, y + 12)
            canv.addOutlineEntry(OUTLINE_TITLE, "resources", 0, closed=False)
            heights = _head_heights(self.head, self.width)
            for paragraph, height in zip(self.head, heights, strict=True):
                y -= height
                paragraph.drawOn(canv, 0, y + _space_after(paragraph))
        for index, row in enumerate(self.sheet.rows):
            y -= HEADER_GAP if row.header is not None and index else 0.0
            y -= row.height
            self._draw_row(row, y)

    def _draw_row(self, row: Row, y: float) -> None:
        canv = self.canv
        if row.header is not None:
            row.header.wrap(self.width, row.height)
            row.header.drawOn(canv, 0, y + 4)
            canv.setStrokeColor(ACCENT)
            canv.setLineWidth(0.8)
            canv.line(0, y + 1, self.width, y + 1)
            return
        for column, card in enumerate(row.cards):
            card.drawOn(canv, column * self.width / COLUMNS, y + row.height - QUIET - card.height)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(0, y, self.width, y)


def _space_after(paragraph: Paragraph) -> float:
    return float(paragraph.style.spaceAfter or 0)


def _head_heights(head: list[Paragraph], width: float) -> list[float]:
    return [p.wrap(width, 1e6)[1] + _space_after(p) for p in head]


def _gaps(rows: list[Row]) -> float:
    return sum(HEADER_GAP for k, row in enumerate(rows) if k and row.header is not None)


def paginate_rows(
    rows: list[Row], first_room: float, room: float, header: float
) -> list[list[Row]]:
    """Rows into pages: a week's header stays with its first row of codes; a page that opens
    inside a week's codes leaves room (header) to name the week again."""
    pages: list[list[Row]] = [[]]
    left = first_room
    for index, row in enumerate(rows):
        opens = row.header is not None
        need = row.height + (HEADER_GAP if opens and pages[-1] else 0.0)
        following = rows[index + 1].height if opens and index + 1 < len(rows) else 0.0
        if pages[-1] and need + following > left:
            pages.append([])
            left = room - (0.0 if opens else header)
            need = row.height
        pages[-1].append(row)
        left -= need
    return pages


class Appendix:
    """The appendix of a plan, paginated on construction; nothing when it links nowhere."""

    def __init__(self, plan: Plan, styles: Styles, page: Page) -> None:
        width = page.frame_width
        self.head = [para("Resources", styles.h1), para(INTRO, styles.meta)]
        rows = _rows(plan, styles, width)
        first_room = page.frame_height - sum(_head_heights(self.head, width)) - 6
        header = rows[0].height if rows else 0.0
        pages = paginate_rows(rows, first_room, page.frame_height, header) if rows else []
        self.sheets = [Sheet(rows=self._reheaded(rows, styles, width)) for rows in pages]
        if self.sheets:
            self.sheets[0].opening = True
        self.width = width
        self.index = QrIndex(
            {card.code.url: n for n, rows in enumerate(pages) for r in rows for card in r.cards}
        )

    @staticmethod
    def _reheaded(rows: list[Row], styles: Styles, width: float) -> list[Row]:
        """A page that opens inside a week's group repeats its header, "(continued)"."""
        if not rows or rows[0].header is not None:
            return rows
        header = _header(rows[0].week, styles, continued=True)
        repeat = Row(week=rows[0].week, header=header, height=header.wrap(width, 1e6)[1] + 4)
        return [repeat, *rows]

    def flowables(self) -> list[Flowable]:
        story: list[Flowable] = []
        for sheet in self.sheets:
            story += [PageBreak(), AppendixPage(sheet, self.head, self.width)]
        return story
