"""What the timeline shows: its columns (weeks or months), its rows (sections, or phases on
a plan with many), its milestones, and names cut to fit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.pdfbase.pdfmetrics import stringWidth

from planner.plan import Plan, PlannedItem, Week
from planner.render.pdf.fonts import BODY
from planner.render.pdf.markup import plain_text

LABEL_WIDTH = 140.0
LABEL_SIZE = 8.0
MIN_WEEK_CELL = 6.0  # narrower than this, weeks are grouped into months
PHASES_FROM = 14  # more sections than this: a row per phase
LIGHT_KINDS = ("review", "catch-up")
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


def fit(text: str, width: float, size: float = LABEL_SIZE, font: str = BODY) -> str:
    """The text, cut with an ellipsis when it is wider than width."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip(" ,·") + "…"


@dataclass(frozen=True)
class Row:
    """A chart row: its label and the sections it sums."""

    label: str
    sections: frozenset[str]


def rows(plan: Plan) -> list[Row]:
    """A row per section studied; on a plan with many, a row per phase: sections grouped in
    the order they start, named by their first section and how many more."""
    studied = [
        (s, t)
        for s, t in plan.sections()
        if any(i.section == s and i.kind not in LIGHT_KINDS for w in plan.weeks for i in w.items)
    ]
    if len(studied) <= PHASES_FROM:
        return [Row(plain_text(title), frozenset({section})) for section, title in studied]
    size = -(-len(studied) // 8)  # at most eight phases
    phases = []
    for number, start in enumerate(range(0, len(studied), size), start=1):
        group = studied[start : start + size]
        more = f" +{len(group) - 1}" if len(group) > 1 else ""
        phases.append(
            Row(f"{number} · {plain_text(group[0][1])}{more}", frozenset(s for s, _ in group))
        )
    return phases


def milestones(plan: Plan) -> list[tuple[PlannedItem, Week]]:
    """Each milestone once, with the week it ends in."""
    ends: dict[str, tuple[PlannedItem, Week]] = {}
    for week in plan.weeks:
        for item in week.items:
            if item.kind == "milestone":
                ends[item.id] = (item, week)
    return list(ends.values())
