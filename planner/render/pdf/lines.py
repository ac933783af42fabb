"""Lines of the main column with a figure on the right: a task with its box and its hours,
a resource with the page of its QR code."""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, Paragraph

from planner.render.pdf.annotations import BoxLook, add_checkbox
from planner.render.pdf.grid import BOX, BOX_GAP, MAIN, TASK_TEXT, TEXT
from planner.render.pdf.markup import active_fonts
from planner.render.pdf.plaintext import TextStyle, break_lines, draw_lines
from planner.render.pdf.styles import ACCENT, MUTED, WHITE

ROW_PAD = 4.0  # space under a task, so boxes do not touch
BOX_LOOK = BoxLook(size=BOX, border=ACCENT, fill=WHITE, tick=ACCENT, border_width=0.9)


class FigureLine(Flowable):
    """A paragraph with a short figure right-aligned on its first line's baseline."""

    indent = 0.0
    text_width = TEXT
    pad = 1.0  # space under the line

    def __init__(self, text: Paragraph, figure: str, figure_color: Color = MUTED) -> None:
        super().__init__()
        self.text = text
        self.figure = figure
        self.figure_color = figure_color
        self._text_height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, self._text_height = self.text.wrap(self.text_width, avail_height)
        self.width = MAIN
        self.height = self._text_height + self.pad
        return self.width, self.height

    def baseline(self) -> float:
        """The first line's baseline, from the flowable's bottom."""
        return self.height - self.text.style.fontSize

    def draw(self) -> None:
        canv = self.canv
        self.text.drawOn(canv, self.indent, self.height - self._text_height)
        if self.figure:
            style = self.text.style
            canv.setFont(style.fontName, style.fontSize - 1)
            canv.setFillColor(self.figure_color)
            canv.drawRightString(MAIN, self.baseline(), self.figure)


class TaskLine(Flowable):
    """A task: a tickable form checkbox, the task's text, its hours on the right.

    The text is plain (never markup) and broken into lines when the line is made: the fonts
    in use are known then, and the same task prints the same in every plan.
    """

    def __init__(self, field_name: str, tooltip: str, text: str, hours: str, style: TextStyle):
        super().__init__()
        self.field_name = field_name
        self.tooltip = tooltip
        self.hours = hours
        self.style = style
        self.lines = break_lines(text, style, TASK_TEXT, active_fonts())
        self.width = MAIN
        self.height = max(len(self.lines) * style.leading, BOX) + ROW_PAD

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canv, style = self.canv, self.style
        draw_lines(canv, self.lines, style, BOX + BOX_GAP, self.height, (MAIN, self.hours, MUTED))
        box_y = self.height - style.leading + (style.leading - BOX) / 2 - 1.0
        add_checkbox(canv, self.field_name, self.tooltip, 0, box_y, BOX_LOOK)
