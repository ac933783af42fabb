"""The furniture of cohort-progress.pdf: status colours, the cell style, the progress bar,
names; pages, footer and tables come from the PDF document base."""

from __future__ import annotations

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from planner.progress.cohort_learner import Learner
from planner.render.pdf import ACCENT, BODY, INK, MUTED, RULE, plain_text, styles

BEHIND = HexColor("#B54708")
AHEAD = HexColor("#067647")
STATUS_COLOURS = {
    "behind": BEHIND,
    "on track": ACCENT,
    "ahead": AHEAD,
    "finished": AHEAD,
    "not started": MUTED,
}


def cell_style() -> ParagraphStyle:
    """The plan's table cell, a little smaller: a cohort's tables are long."""
    return ParagraphStyle("cohort_cell", parent=styles().cell, fontSize=8.5, leading=11)


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
