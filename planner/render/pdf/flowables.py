"""Small flowables: outlined headings, a drawing in the body font, a tinted panel, space."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, Paragraph, Table

from planner.render.pdf.fonts import BODY
from planner.render.pdf.styles import ACCENT, ACCENT_TINT
from planner.render.pdf.tables import table_style


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


def drawing(width: float, height: float) -> Drawing:
    """A vector drawing whose text state starts in the body font (not an unembedded Helvetica)."""
    return Drawing(width, height, initialFontName=BODY)


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
