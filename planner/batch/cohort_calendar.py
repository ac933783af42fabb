"""The cohort's plans on one calendar: per learner a bar from start to end on a month axis
all rows share, beside the start, the end and the hours a week."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable, Table

from planner.batch.cohort import Learner
from planner.render.formatting import day, rounded_hours
from planner.render.pdf import (
    ACCENT,
    BODY,
    MUTED,
    RULE,
    SEMIBOLD,
    hex_of,
    para,
    para_text,
    ruled_table,
    styles,
)

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
SHARES = (0.24, 0.15, 0.11, 0.11, 0.07, 0.32)  # name, track, starts, ends, hours, calendar
BAR = 6.0


@dataclass(frozen=True)
class Span:
    """The calendar every row shares: from the first start to the last end."""

    first: date
    last: date

    def at(self, when: date, width: float) -> float:
        days = max((self.last - self.first).days, 1)
        return width * min(max((when - self.first).days / days, 0.0), 1.0)


class CalendarBar(Flowable):
    """A learner's plan as a bar on the shared calendar."""

    def __init__(self, start: date | None, end: date | None, span: Span, width: float) -> None:
        super().__init__()
        self.start, self.end, self.span = start, end, span
        self.width, self.height = width, BAR + 2

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.setFillColor(RULE)
        canv.rect(0, 1, self.width, BAR, stroke=0, fill=1)
        if self.start is None or self.end is None:
            return
        left, right = self.span.at(self.start, self.width), self.span.at(self.end, self.width)
        canv.setFillColor(ACCENT)
        canv.rect(left, 1, max(right - left, 1.5), BAR, stroke=0, fill=1)


class MonthAxis(Flowable):
    """The calendar column's heading: years and months at an even step."""

    def __init__(self, span: Span, width: float) -> None:
        super().__init__()
        self.span, self.width, self.height = span, width, 18.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        months = _month_starts(self.span)
        per_month = self.width / max(len(months), 1)
        step = next((s for s in (1, 2, 3, 6, 12) if s * per_month >= 16), 12)
        canv.setFillColor(MUTED)
        canv.setStrokeColor(RULE)
        years: set[int] = set()
        for month in months:
            x = self.span.at(month, self.width)
            if month.year not in years:
                years.add(month.year)
                canv.setFont(SEMIBOLD, 6.5)
                canv.drawString(min(x, self.width - 16), 10, str(month.year))
            if (month.month - 1) % step == 0 and x <= self.width - 12:
                canv.setFont(BODY, 6.5)
                canv.drawString(x + 1, 1, MONTHS[month.month - 1])
                canv.line(x, 0, x, 8)


def _month_starts(span: Span) -> list[date]:
    """The first of each month the span touches (the span's first day for the first)."""
    out = [span.first]
    year, month = span.first.year, span.first.month
    while True:
        month, year = (1, year + 1) if month == 12 else (month + 1, year)
        if date(year, month, 1) > span.last:
            return out
        out.append(date(year, month, 1))


def calendar_table(roster: list[Learner], width: float) -> Table:
    """Every learner with a calendar bar, start, end and hours; '(none)' for an empty cohort."""
    look = styles()
    widths = [width * s for s in SHARES]
    dates = [d for p in roster for d in (p.start, p.end) if d is not None]
    span = Span(min(dates), max(dates)) if dates else Span(date(2000, 1, 1), date(2000, 1, 2))
    head = [para(h.upper(), look.cell_head) for h in ("Name", "Track", "Starts", "Ends", "h/wk")]
    rows: list[list[object]] = [[*head, MonthAxis(span, widths[-1] - 6)]]
    for p in roster:
        name = f"{para_text(p.name)}<br/><font size='7' color='{hex_of(MUTED)}'>"
        name += f"{para_text(p.file)}</font>"
        rows.append(
            [
                para(name, look.cell),
                para(para_text(p.track), look.cell),
                para(day(p.start) if p.start else "–", look.cell),
                para(day(p.end) if p.end else "–", look.cell),
                para(rounded_hours(p.hours) if p.hours else "–", look.cell),
                CalendarBar(p.start, p.end, span, widths[-1] - 6),
            ]
        )
    if not roster:
        rows.append([para("(none)", look.cell), *[para("", look.cell) for _ in range(5)]])
    return ruled_table(rows, widths, long=True, valign="MIDDLE")
