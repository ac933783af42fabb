"""The at-a-glance timeline: a year band naming every year, three-letter months, even week
ticks, rows of one height (sections, or phases on long plans), numbered milestones whose
labels never overlap, spaced review as a light row, and a legend of swatches."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib.colors import Color, HexColor, linearlyInterpolatedColor
from reportlab.pdfbase.pdfmetrics import stringWidth

from planner.plan import Plan
from planner.render.pdf.flowables import drawing as new_drawing
from planner.render.pdf.fonts import BODY, SEMIBOLD
from planner.render.pdf.styles import ACCENT, ACCENT_DARK, ACCENT_TINT, INK, MUTED, RULE
from planner.render.pdf.timespan import (
    LABEL_SIZE,
    LABEL_WIDTH,
    LIGHT_KINDS,
    MONTHS,
    Row,
    columns,
    fit,
    milestones,
    rows,
)

AXIS_SIZE = 7.0
ROW = 13.0
LIGHT_ROW = 9.0
BAND = 11.0  # the year band, the month row and the week row
LANE = 12.0  # milestone numbers
LEGEND = 16.0
REVIEW_FILL = HexColor("#D0D5DD")
YEAR_FILLS = (HexColor("#F2F4F7"), HexColor("#FFFFFF"))
WEEK_STEPS = (1, 2, 5, 10, 20, 50)
MONTH_STEPS = (1, 2, 3, 6, 12)


def _text(x: float, y: float, text: str, size: float = AXIS_SIZE, **style: object) -> String:
    look: dict[str, object] = {"fontName": BODY, "fillColor": MUTED, "textAnchor": "start"}
    return String(x, y, text, fontSize=size, **(look | style))


def _diamond(x: float, y: float, r: float = 3.6) -> Polygon:
    points = [x, y - r, x + r, y, x, y + r, x - r, y]
    return Polygon(points, fillColor=ACCENT_DARK, strokeColor=None)


def _shade(share: float) -> Color:
    """Light for a little of a column's hours, full accent for most of them."""
    return linearlyInterpolatedColor(ACCENT_TINT, ACCENT, 0, 1, 0.35 + 0.65 * min(share, 1.0))


class Chart:
    """The timeline drawn into one Drawing, top down."""

    def __init__(self, plan: Plan, width: float) -> None:
        self.plan = plan
        self.cols, self.by_month = columns(plan, width - LABEL_WIDTH)
        self.cell = (width - LABEL_WIDTH) / max(len(self.cols), 1)
        self.rows = rows(plan)
        self._phases = any(len(row.sections) > 1 for row in self.rows)
        self.milestones = milestones(plan)
        self.light = any(i.kind in LIGHT_KINDS for w in plan.weeks for i in w.items)
        bands = BAND * (2 if self.by_month else 3)
        body = ROW * len(self.rows) + (LIGHT_ROW if self.light else 0.0)
        lane = LANE if self.milestones else 0.0
        self.drawing = new_drawing(width, bands + body + lane + LEGEND)
        self.width = width
        self.top = self.drawing.height

    def x(self, index: float) -> float:
        return LABEL_WIDTH + index * self.cell

    def draw(self) -> Drawing:
        y = self._years(self.top)
        y = self._months(y)
        if not self.by_month:
            y = self._weeks(y)
        for row in self.rows:
            y = self._row(row, y)
        if self.light:
            y = self._review(y)
        if self.milestones:
            y = self._lane(y)
        self._legend(y)
        return self.drawing

    def _years(self, top: float) -> float:
        """A band with a segment per year, every one labelled (shifted right, never dropped)."""
        y = top - BAND
        spans: dict[int, list[int]] = {}
        for index, col in enumerate(self.cols):
            spans.setdefault(col.first.year, []).append(index)
        for k, indexes in enumerate(spans.values()):
            left, right = self.x(indexes[0]), self.x(indexes[-1] + 1)
            fill = YEAR_FILLS[k % 2]
            self.drawing.add(Rect(left, y, right - left, BAND, fillColor=fill, strokeColor=None))
        self.drawing.add(_text(0, y + 3, "PHASE" if self._phases else "SECTION", font=SEMIBOLD))
        end = -1e9
        for year, indexes in spans.items():
            left = self.x(indexes[0])
            label = str(year)
            width = stringWidth(label, SEMIBOLD, AXIS_SIZE)
            at = min(max(left + 2, end + 3), self.width - width)
            self.drawing.add(_text(at, y + 3, label, font=SEMIBOLD, fillColor=INK))
            end = at + width
        return y

    def _months(self, top: float) -> float:
        """Three-letter months at even steps: every month, or every 2nd, 3rd, 6th..."""
        y = top - BAND
        per_month = self.cell if self.by_month else self.cell * 4.35
        step = next((s for s in MONTH_STEPS if s * per_month >= 17), 12)
        starts = [k for k, c in enumerate(self.cols) if not k or c.month != self.cols[k - 1].month]
        end = -1e9
        for number, index in enumerate(starts):
            month = self.cols[index].month[1]
            label = MONTHS[month - 1]
            width = stringWidth(label, BODY, AXIS_SIZE) + 3
            following = starts[number + 1] if number + 1 < len(starts) else len(self.cols)
            partial_first = not number and self.x(following) - self.x(index) < width
            if (month - 1) % step or partial_first or self.x(index) < end + 2:
                continue
            tick = Line(self.x(index), y, self.x(index), y + BAND, strokeColor=RULE)
            self.drawing.add(tick)
            self.drawing.add(_text(self.x(index) + 1.5, y + 3, label))
            end = self.x(index) + width
        return y

    def _weeks(self, top: float) -> float:
        """Week numbers at one even step (5, 10, 15...), or every week when there is room."""
        y = top - BAND
        step = next((s for s in WEEK_STEPS if s * self.cell >= 13), WEEK_STEPS[-1])
        for index, col in enumerate(self.cols):
            number = col.weeks[0].number
            if number % step == 0 or step == 1:
                self.drawing.add(
                    _text(self.x(index + 0.5), y + 3, str(number), textAnchor="middle")
                )
        self.drawing.add(_text(0, y + 3, "WEEK", font=SEMIBOLD))
        return y

    def _row(self, row: Row, top: float) -> float:
        y = top - ROW
        self.drawing.add(Line(0, y, self.width, y, strokeColor=RULE, strokeWidth=0.5))
        label = fit(row.label, LABEL_WIDTH - 8)
        self.drawing.add(_text(0, y + 3.5, label, LABEL_SIZE, fillColor=INK))
        for index, col in enumerate(self.cols):
            hours = sum(
                i.hours
                for w in col.weeks
                for i in w.items
                if i.section in row.sections and i.kind not in LIGHT_KINDS
            )
            if hours > 0:
                share = hours / (self.plan.hours_per_week * len(col.weeks))
                self._bar(index, y + 2.5, ROW - 5, _shade(share))
        for item, week in self.milestones:
            if item.section in row.sections:
                self.drawing.add(_diamond(self.x(self._index_of(week.number) + 0.5), y + ROW / 2))
        return y

    def _bar(self, index: int, y: float, height: float, fill: Color) -> None:
        gap = min(1.0, self.cell * 0.15)
        self.drawing.add(
            Rect(
                self.x(index) + gap / 2,
                y,
                self.cell - gap,
                height,
                fillColor=fill,
                strokeColor=None,
            )
        )

    def _index_of(self, week_number: int) -> int:
        return next(
            k for k, c in enumerate(self.cols) if any(w.number == week_number for w in c.weeks)
        )

    def _review(self, top: float) -> float:
        y = top - LIGHT_ROW
        self.drawing.add(_text(0, y + 2, "Spaced review", LABEL_SIZE - 1))
        for index, col in enumerate(self.cols):
            if any(i.kind in LIGHT_KINDS for w in col.weeks for i in w.items):
                self._bar(index, y + 2.5, 3.5, REVIEW_FILL)
        return y

    def _lane(self, top: float) -> float:
        """The milestones' numbers under the chart, each under its diamond or, when that
        would touch the one before, just right of it."""
        y = top - LANE
        self.drawing.add(_text(0, y + 3, "Milestones", LABEL_SIZE - 1))
        end = LABEL_WIDTH - 3
        for number, (_, week) in enumerate(self.milestones, start=1):
            label = str(number)
            width = stringWidth(label, SEMIBOLD, AXIS_SIZE)
            center = self.x(self._index_of(week.number) + 0.5)
            at = max(center - width / 2, end + 3)
            self.drawing.add(_text(at, y + 3, label, font=SEMIBOLD, fillColor=ACCENT_DARK))
            end = at + width
        return y

    def _legend(self, top: float) -> None:
        y = top - LEGEND + 3
        x = 0.0
        entries = [("light", "a little of the hours"), ("dark", "most of them")]
        if self.milestones:
            entries.append(("diamond", "milestone, numbered below"))
        if self.light:
            entries.append(("review", "spaced review"))
        for kind, words in entries:
            if kind == "diamond":
                self.drawing.add(_diamond(x + 4, y + 3))
            else:
                fill = {"light": _shade(0.1), "dark": _shade(1.0), "review": REVIEW_FILL}[kind]
                self.drawing.add(Rect(x, y, 9, 6, fillColor=fill, strokeColor=None))
            self.drawing.add(_text(x + 12, y, words))
            x += 12 + stringWidth(words, BODY, AXIS_SIZE) + 12


def timeline(plan: Plan, width: float) -> Drawing:
    """A Gantt-style chart of the plan over time, as wide as width."""
    return Chart(plan, width).draw()
