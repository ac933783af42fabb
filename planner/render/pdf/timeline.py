"""The at-a-glance timeline: one row per section, a bar in each week that section is studied."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib.colors import Color, linearlyInterpolatedColor
from reportlab.pdfbase.pdfmetrics import stringWidth

from planner.plan import Plan
from planner.render.pdf.fonts import BODY, SEMIBOLD
from planner.render.pdf.markup import plain_text
from planner.render.pdf.styles import ACCENT, ACCENT_DARK, ACCENT_TINT, INK, MUTED, RULE

ROW = 15.0
LABEL_WIDTH = 150.0
AXIS = 16.0
LABEL_SIZE = 8.5


def _section_hours(plan: Plan) -> dict[str, list[float]]:
    hours = {section: [0.0] * len(plan.weeks) for section, _ in plan.sections()}
    for index, week in enumerate(plan.weeks):
        for item in week.items:
            hours[item.section][index] += item.hours
    return hours


def _milestones(plan: Plan) -> set[tuple[str, int]]:
    return {
        (item.section, index)
        for index, week in enumerate(plan.weeks)
        for item in week.items
        if item.kind == "milestone"
    }


def _fit_label(text: str, width: float) -> str:
    """Shorten a section title with an ellipsis until it fits the label column."""
    if stringWidth(text, BODY, LABEL_SIZE) <= width:
        return text
    while text and stringWidth(text + "…", BODY, LABEL_SIZE) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _shade(share: float) -> Color:
    """Light for a little time in a week, full accent for most of it."""
    return linearlyInterpolatedColor(ACCENT_TINT, ACCENT, 0, 1, 0.35 + 0.65 * min(share, 1.0))


def _axis(drawing: Drawing, weeks: int, cell: float, top: float) -> None:
    step = 1 if weeks <= 20 else 2 if weeks <= 40 else 4 if weeks <= 80 else 8
    for number in range(1, weeks + 1):
        if number == 1 or number % step == 0:
            x = LABEL_WIDTH + (number - 0.5) * cell
            drawing.add(
                String(
                    x,
                    top + 5,
                    str(number),
                    fontName=BODY,
                    fontSize=7,
                    fillColor=MUTED,
                    textAnchor="middle",
                )
            )
    drawing.add(String(0, top + 5, "WEEK", fontName=SEMIBOLD, fontSize=7, fillColor=MUTED))


def _diamond(x: float, y: float, r: float) -> Polygon:
    return Polygon(
        [x, y - r, x + r, y, x, y + r, x - r, y], fillColor=ACCENT_DARK, strokeColor=None
    )


def timeline(plan: Plan, width: float) -> Drawing:
    """A Gantt-style chart of sections over weeks; milestone weeks carry a diamond."""
    sections = plan.sections()
    weeks = max(len(plan.weeks), 1)
    cell = (width - LABEL_WIDTH) / weeks
    height = len(sections) * ROW + AXIS
    drawing = Drawing(width, height)
    top = len(sections) * ROW
    _axis(drawing, weeks, cell, top)
    hours, milestones = _section_hours(plan), _milestones(plan)
    gap = min(1.5, cell * 0.15)
    for row, (section, title) in enumerate(sections):
        y = top - (row + 1) * ROW
        drawing.add(Line(0, y, width, y, strokeColor=RULE, strokeWidth=0.5))
        label = _fit_label(plain_text(title), LABEL_WIDTH - 10)
        drawing.add(String(0, y + 4.5, label, fontName=BODY, fontSize=LABEL_SIZE, fillColor=INK))
        for index, spent in enumerate(hours[section]):
            if spent <= 0:
                continue
            x = LABEL_WIDTH + index * cell
            drawing.add(
                Rect(
                    x + gap / 2,
                    y + 3,
                    cell - gap,
                    ROW - 6,
                    strokeColor=None,
                    fillColor=_shade(spent / plan.hours_per_week),
                )
            )
            if (section, index) in milestones:
                drawing.add(_diamond(x + cell / 2, y + ROW / 2, min(4.5, cell / 2.2)))
    return drawing
