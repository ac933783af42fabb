"""The furniture of cohort-progress.pdf: page numbers, footer, tables, the progress bar."""

from __future__ import annotations

from datetime import date
from typing import Any

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, LongTable, Table, TableStyle

from planner.progress.cohort_learner import Learner
from planner.render.formatting import day
from planner.render.pdf.fonts import BODY
from planner.render.pdf.markup import plain_text
from planner.render.pdf.styles import ACCENT, INK, MUTED, RULE, styles

MARGIN = 16 * mm
FRAME_PADDING = 6  # SimpleDocTemplate's frame keeps its flowables this far inside
BEHIND = HexColor("#B54708")
AHEAD = HexColor("#067647")
STATUS_COLOURS = {
    "behind": BEHIND,
    "on track": ACCENT,
    "ahead": AHEAD,
    "finished": AHEAD,
    "not started": MUTED,
}
PAGE_COUNT = "pageCount"
FOOTER_SIZE = 8


class CountingCanvas(Canvas):
    """Draws the number of pages into a form every footer shows, once all are laid out."""

    def save(self) -> None:
        self.beginForm(PAGE_COUNT)
        self.setFont(BODY, FOOTER_SIZE)
        self.setFillColor(MUTED)
        self.drawString(0, 0, str(self.getPageNumber() - 1))
        self.endForm()
        super().save()


def footer(today: date, page_width: float) -> Any:
    """The page callback: a rule, "Page N of M" and the day looked at."""

    def draw(canv: Any, _doc: Any) -> None:
        left, y = MARGIN + FRAME_PADDING, MARGIN - 2 * mm
        right = page_width - MARGIN - FRAME_PADDING
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        canv.line(left, y + 11, right, y + 11)
        canv.setFont(BODY, FOOTER_SIZE)
        canv.setFillColor(MUTED)
        canv.drawRightString(right, y, f"Cohort progress on {day(today)}")
        label = f"Page {canv.getPageNumber()} of "
        canv.drawString(left, y, label)
        canv.translate(left + canv.stringWidth(label, BODY, FOOTER_SIZE), y)
        canv.doForm(PAGE_COUNT)
        canv.restoreState()

    return draw


def cell_style() -> ParagraphStyle:
    """The plan's table cell, a little smaller: a cohort's tables are long."""
    return ParagraphStyle("cohort_cell", parent=styles().cell, fontSize=8.5, leading=11)


def ruled_table(rows: list[list[Any]], widths: list[float], long: bool = False) -> Table:
    """A table with a ruled header repeated on every page; LongTable lays out long ones fast."""
    table = (LongTable if long else Table)(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (0, -1), 0),  # the first column lines up with the headings
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("TEXTCOLOR", (0, 0), (-1, 0), MUTED),
            ]
        )
    )
    return table


class ProgressBar(Flowable):
    """The plan as a bar: filled to the work done, a mark where the plan expected it."""

    HEIGHT = 7.0

    def __init__(self, learner: Learner, width: float) -> None:
        super().__init__()
        self.learner = learner
        self.width = width
        self.height = self.HEIGHT + 4

    def draw(self) -> None:
        learner, canv, width = self.learner, self.canv, self.width
        weeks = max(learner.weeks, 1)
        done = min(learner.position / weeks, 1.0)
        expected = learner.expected / weeks
        canv.saveState()
        canv.setFillColor(RULE)
        canv.roundRect(0, 2, width, self.HEIGHT, 2, stroke=0, fill=1)
        colour: Color = STATUS_COLOURS[learner.status]
        canv.setFillColor(colour)
        if done > 0:
            canv.roundRect(0, 2, max(width * done, 3), self.HEIGHT, 2, stroke=0, fill=1)
        if learner.days >= 0 and not learner.finished:
            canv.setStrokeColor(INK)
            canv.setLineWidth(1.4)
            canv.line(width * expected, 0, width * expected, self.HEIGHT + 4)
        canv.restoreState()


class NameLines(Flowable):
    """A name and, smaller and muted below it, a file name: two drawn lines."""

    SIZE, SMALL = 8.5, 7.0

    def __init__(self, name: str, file: str) -> None:
        super().__init__()
        self.name, self.file = name, file
        self.width, self.height = 0.0, 20.0

    @classmethod
    def fits(cls, name: str, file: str, width: float) -> bool:
        """Whether the body font draws both (no other script, nothing to escape) in width."""
        return all(
            plain_text(t) == t and stringWidth(t, BODY, size) <= width
            for t, size in ((name, cls.SIZE), (file, cls.SMALL))
        )

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setFont(BODY, self.SIZE)
        canv.setFillColor(INK)
        canv.drawString(0, 10, self.name)
        canv.setFont(BODY, self.SMALL)
        canv.setFillColor(MUTED)
        canv.drawString(0, 1, self.file)
        canv.restoreState()
