"""Custom flowables: a checklist line with a real AcroForm checkbox, and outlined headings."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, Paragraph, Table

from planner.render.pdf.fonts import BODY
from planner.render.pdf.paragraphs import para
from planner.render.pdf.styles import ACCENT, ACCENT_TINT, RULE, WHITE, Styles
from planner.render.pdf.tables import table_style

BOX_SIZE = 9.5
BOX_GAP = 7


@dataclass(frozen=True)
class OutlineEntry:
    """A bookmark: the heading's outline title, destination key and level."""

    title: str
    key: str
    level: int


def outlined(paragraph: Paragraph, *entries: OutlineEntry) -> Paragraph:
    """Mark a heading so the document template bookmarks it (in order) when it is placed."""
    paragraph.outline = entries  # type: ignore[attr-defined]
    return paragraph


def _reuse_appearances(form: Any) -> None:
    """Build each checkbox appearance stream once per document, not six times a box.

    ReportLab already shares identical streams in the file; this skips re-generating them
    (a quarter of drawing a plan's pages). Every box here has the same look.
    """
    if not getattr(form, "_appearances_cached", False):
        form.checkboxAP = functools.lru_cache(maxsize=64)(form.checkboxAP)
        form._appearances_cached = True


def drawing(width: float, height: float) -> Drawing:
    """A vector drawing whose text state starts in the body font (not an unembedded Helvetica)."""
    return Drawing(width, height, initialFontName=BODY)


class CheckboxLine(Flowable):
    """One checklist task: a tickable form checkbox beside the task's wrapped text."""

    def __init__(self, field_name: str, tooltip: str, text: Paragraph) -> None:
        super().__init__()
        self.field_name = field_name
        self.tooltip = tooltip
        self.text = text
        self._text_height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, self._text_height = self.text.wrap(avail_width - BOX_SIZE - BOX_GAP, avail_height)
        self.width = avail_width
        self.height = max(self._text_height, BOX_SIZE) + 3
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        first_line = self.text.style.leading
        box_y = self.height - 3 - first_line + (first_line - BOX_SIZE) / 2 - 0.5
        _reuse_appearances(canv.acroForm)
        canv.acroForm.checkboxRelative(
            name=self.field_name,
            tooltip=self.tooltip,
            x=0,
            y=box_y,
            size=BOX_SIZE,
            buttonStyle="check",
            borderColor=ACCENT,
            fillColor=WHITE,
            textColor=ACCENT,
            borderWidth=0.9,
            forceBorder=True,
            fieldFlags="",
        )
        self.text.drawOn(canv, BOX_SIZE + BOX_GAP, self.height - 3 - self._text_height)


def checkbox_line(field_name: str, tooltip: str, markup: str, styles: Styles) -> CheckboxLine:
    """A CheckboxLine whose text is already-escaped Paragraph markup."""
    return CheckboxLine(field_name, tooltip, para(markup, styles.task))


class NotesLines(Flowable):
    """Ruled lines for handwritten notes that fill what is left of a page (none if little is)."""

    MIN_HEIGHT = 90.0
    SPACING = 22.0

    def __init__(self, label: Paragraph) -> None:
        super().__init__()
        self.label = label

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = avail_height if avail_height >= self.MIN_HEIGHT else 0.0
        return self.width, self.height

    def draw(self) -> None:
        if not self.height:
            return
        self.label.wrap(self.width, self.height)  # drawOn needs the lines broken
        top = self.height - 24
        self.label.drawOn(self.canv, 0, top)
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.5)
        y = top - self.SPACING
        while y >= 0:
            self.canv.line(0, y, self.width, y)
            y -= self.SPACING


class PushToBottom(Flowable):
    """Empty space that pushes the next `reserve` points of content to the frame's bottom."""

    def __init__(self, reserve: float) -> None:
        super().__init__()
        self.reserve = reserve

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, max(0.0, avail_height - self.reserve)
        return self.width, self.height

    def draw(self) -> None:
        """Nothing to draw: the space is the point."""


def tinted_box(flowables: list[Flowable], width: float) -> Table:
    """A tinted panel with an accent edge; one row per flowable so it can split across pages."""
    box = Table([[flowable] for flowable in flowables], colWidths=[width])
    box.setStyle(
        table_style(
            ("BACKGROUND", (0, 0), (-1, -1), ACCENT_TINT),
            ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
            ("LEFTPADDING", (0, 0), (-1, -1), 14),
            ("RIGHTPADDING", (0, 0), (-1, -1), 14),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, 0), 10),
            ("BOTTOMPADDING", (0, -1), (-1, -1), 10),
        )
    )
    return box
