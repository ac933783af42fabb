"""Review answers printed upside down at the foot of the page that asks the questions: the
learner turns the page round to check, and no glance gives an answer away."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from planner.plan import Week
from planner.render.pdf.markup import para_text
from planner.render.pdf.paragraphs import para
from planner.render.pdf.styles import RULE, Styles

FOOT_HEADER = 16.0  # the foot's label and rule
ANSWER_GAP = 2.0
LABEL = "ANSWERS · turn the page round to check what you recalled"


def question_number(number: int) -> str:
    """'Q2. ': what a review question's box starts with, and its answer's name."""
    return f"Q{number}. "


def answer(week: Week, number: int, text: str, styles: Styles, width: float) -> Paragraph:
    """'Week 5 Q2: ...', measured at the foot's width."""
    paragraph = para(f"Week {week.number} Q{number}: {para_text(text)}", styles.code_url)
    paragraph.wrap(width, 1e6)
    return paragraph


def height(answers: list[Paragraph]) -> float:
    return sum(p.height + ANSWER_GAP for p in answers)


def draw_foot(canv: Canvas, answers: list[Paragraph], width: float, styles: Styles) -> None:
    """The answers in a band at the bottom (y 0 up), turned half a circle."""
    total = FOOT_HEADER + height(answers)
    canv.saveState()
    canv.translate(width, total)
    canv.rotate(180)
    label = para(LABEL, styles.label)
    label.wrap(width, FOOT_HEADER)
    label.drawOn(canv, 0, total - label.height)
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.5)
    canv.line(0, total - FOOT_HEADER + 3, width, total - FOOT_HEADER + 3)
    y = total - FOOT_HEADER
    for paragraph in answers:
        y -= paragraph.height + ANSWER_GAP
        paragraph.drawOn(canv, 0, y)
    canv.restoreState()
