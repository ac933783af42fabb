"""Custom flowables: a checklist line with a real AcroForm checkbox, and outlined headings."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable, Paragraph

from planner.render.pdf_styles import ACCENT, WHITE, Styles

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
    return CheckboxLine(field_name, tooltip, Paragraph(markup, styles.task))
