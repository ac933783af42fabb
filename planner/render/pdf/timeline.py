"""The at-a-glance timeline: a row per section, a column per week (or per month when the
weeks would be slivers), a month axis above, and review drawn lightly in its own thin row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib.colors import Color, HexColor, linearlyInterpolatedColor
from reportlab.pdfbase.pdfmetrics import stringWidth

from planner.plan import Plan, Week
from planner.render.pdf.flowables import drawing as new_drawing
from planner.render.pdf.fonts import BODY, SEMIBOLD
from planner.render.pdf.markup import plain_text
from planner.render.pdf.styles import ACCENT, ACCENT_DARK, ACCENT_TINT, INK, MUTED, RULE

LABEL_WIDTH = 150.0
LABEL_SIZE = 8.5
LABEL_LEADING = 10.0
AXIS_SIZE = 7.0
ROW = 15.0
LIGHT_ROW = 11.0
MIN_WEEK_CELL = 6.0  # narrower than this, weeks are grouped into months
LIGHT_KINDS = ("review", "catch-up")
REVIEW_FILL = HexColor("#D0D5DD")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Column:
    """One column of the chart: a week, or a month of weeks."""

    weeks: tuple[Week, ...]
    first: date  # the first week's Monday

    @property
    def month(self) -> tuple[int, int]:
        return self.first.year, self.first.month


def columns(plan: Plan, chart_width: float) -> tuple[list[Column], bool]:
    """A column per week when each gets MIN_WEEK_CELL, else per month; (columns, by_month)."""
    if len(plan.weeks) * MIN_WEEK_CELL <= chart_width:
        return [Column((w,), w.start) for w in plan.weeks], False
    months: dict[tuple[int, int], list[Week]] = {}
    for week in plan.weeks:
        months.setdefault((week.start.year, week.start.month), []).append(week)
    return [Column(tuple(ws), ws[0].start) for ws in months.values()], True


def grouped_by_month(plan: Plan, width: float) -> bool:
    """Whether the timeline of this width shows months rather than weeks."""
    return columns(plan, width - LABEL_WIDTH)[1]


def wrap_label(text: str, width: float, size: float = LABEL_SIZE) -> list[str]:
    """Words into lines no wider than width (a word longer than a line gets its own line)."""
    lines: list[str] = []
    for word in text.split():
        if lines and stringWidth(f"{lines[-1]} {word}", BODY, size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def _shade(share: float) -> Color:
    """Light for a little of a column's hours, full accent for most of them."""
    return linearlyInterpolatedColor(ACCENT_TINT, ACCENT, 0, 1, 0.35 + 0.65 * min(share, 1.0))


def _diamond(x: float, y: float, r: float) -> Polygon:
    return Polygon(
        [x, y - r, x + r, y, x, y + r, x - r, y], fillColor=ACCENT_DARK, strokeColor=None
    )


def _text(
    x: float,
    y: float,
    text: str,
    size: float = AXIS_SIZE,
    anchor: str = "start",
    font: str = BODY,
    color: Color = MUTED,
) -> String:
    return String(x, y, text, fontName=font, fontSize=size, fillColor=color, textAnchor=anchor)


class _Labels:
    """Axis labels on one row, each left out when it would overlap the one before."""

    def __init__(self, drawing: Drawing, y: float) -> None:
        self.drawing, self.y, self.end = drawing, y, -1e9

    def add(self, x: float, text: str, font: str = BODY, anchor: str = "start") -> bool:
        width = stringWidth(text, font, AXIS_SIZE)
        left = x - width / 2 if anchor == "middle" else x
        if left < self.end + 3:
            return False
        self.drawing.add(_text(x, self.y, text, font=font, anchor=anchor))
        self.end = left + width
        return True


def _axis(drawing: Drawing, cols: list[Column], by_month: bool, cell: float, top: float) -> None:
    """Two label rows above the chart: months over week numbers, or years over months."""
    upper, lower = _Labels(drawing, top + 15), _Labels(drawing, top + 5)
    lower.add(0, "MONTH" if by_month else "WEEK", font=SEMIBOLD)
    previous: tuple[int, int] | None = None
    for index, col in enumerate(cols):
        x = LABEL_WIDTH + index * cell
        year, month = col.month
        new_year = previous is None or year != previous[0]
        if by_month:
            if new_year and upper.add(x, str(year), font=SEMIBOLD):
                drawing.add(Line(x, top, x, top + 23, strokeColor=RULE, strokeWidth=0.5))
            short = MONTHS[month - 1] if cell >= 14 else MONTHS[month - 1][0]
            if cell >= 14 or (month - 1) % 3 == 0:
                lower.add(x + cell / 2, short, anchor="middle")
        else:
            if col.month != previous:
                label = MONTHS[month - 1] + (f" {year}" if new_year else "")
                if upper.add(x, label, font=SEMIBOLD):
                    drawing.add(Line(x, top, x, top + 23, strokeColor=RULE, strokeWidth=0.5))
            number = col.weeks[0].number
            if number == 1 or number % _week_step(cell) == 0:
                lower.add(x + cell / 2, str(number), anchor="middle")
        previous = col.month


def _week_step(cell: float) -> int:
    """Label every week, or every 2nd, 4th, 5th, 10th: whatever leaves room for the number."""
    return next(step for step in (1, 2, 4, 5, 10, 20) if step * cell >= 12)


def _hours_by_row(plan: Plan, cols: list[Column]) -> tuple[dict[str, list[float]], set]:
    """Hours of each section in each column, and the (section, column) cells with a milestone."""
    hours: dict[str, list[float]] = {}
    milestones: set[tuple[str, int]] = set()
    for index, col in enumerate(cols):
        for week in col.weeks:
            for item in week.items:
                key = "" if item.kind in LIGHT_KINDS else item.section
                hours.setdefault(key, [0.0] * len(cols))[index] += item.hours
                if item.kind == "milestone":
                    milestones.add((key, index))
    return hours, milestones


def _rows(plan: Plan) -> list[tuple[str, str]]:
    """(section id, title) of the sections studied, in order of first appearance."""
    light = {i.section for w in plan.weeks for i in w.items if i.kind in LIGHT_KINDS}
    studied = {i.section for w in plan.weeks for i in w.items if i.kind not in LIGHT_KINDS}
    return [(s, t) for s, t in plan.sections() if s in studied or s not in light]


def timeline(plan: Plan, width: float) -> Drawing:
    """A Gantt-style chart of sections over time; milestone columns carry a diamond."""
    chart = width - LABEL_WIDTH
    cols, by_month = columns(plan, chart)
    cell = chart / max(len(cols), 1)
    hours, milestones = _hours_by_row(plan, cols)
    rows = [(s, wrap_label(plain_text(t), LABEL_WIDTH - 10)) for s, t in _rows(plan)]
    heights = [max(ROW, len(lines) * LABEL_LEADING + 5) for _, lines in rows]
    light = "" in hours
    body = sum(heights) + (LIGHT_ROW + 2 if light else 0)
    drawing = new_drawing(width, body + 26)
    _axis(drawing, cols, by_month, cell, body)
    y = body
    for (section, lines), height in zip(rows, heights, strict=True):
        y -= height
        drawing.add(Line(0, y, width, y, strokeColor=RULE, strokeWidth=0.5))
        for k, line in enumerate(lines):
            baseline = y + height - 4 - LABEL_LEADING * (k + 1) + 2.5
            drawing.add(_text(0, baseline, line, LABEL_SIZE, color=INK))
        _bars(drawing, plan, cols, hours.get(section, []), cell, y + 3, height - 6)
        for index in range(len(cols)):
            if (section, index) in milestones:
                drawing.add(
                    _diamond(
                        LABEL_WIDTH + (index + 0.5) * cell,
                        y + height / 2,
                        min(4.5, cell / 2.2, height / 3),
                    )
                )
    if light:
        y -= LIGHT_ROW + 2
        drawing.add(_text(0, y + 3, "Spaced review", LABEL_SIZE - 1))
        _bars(drawing, plan, cols, hours[""], cell, y + 4, 3.5, fill=REVIEW_FILL)
    return drawing


def _bars(
    drawing: Drawing,
    plan: Plan,
    cols: list[Column],
    spent: list[float],
    cell: float,
    y: float,
    height: float,
    fill: Color | None = None,
) -> None:
    gap = min(1.5, cell * 0.15)
    for index, hours in enumerate(spent):
        if hours <= 0:
            continue
        capacity = plan.hours_per_week * len(cols[index].weeks)
        drawing.add(
            Rect(
                LABEL_WIDTH + index * cell + gap / 2,
                y,
                cell - gap,
                height,
                strokeColor=None,
                fillColor=fill or _shade(hours / capacity),
            )
        )
