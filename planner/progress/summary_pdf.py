"""The progress summary as a one-page PDF: key figures, every week as a bar, weeks, sections.

It uses the plan PDF's fonts, styles and escaping (names in any script), and always fits one
page: a plan with many weeks or sections is scaled down to the page, never continued.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.pagesizes import A4
from reportlab.platypus import KeepInFrame, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from planner.progress.summary import Summary, Tally, amount
from planner.progress.summary_text import pace_line, shown_weeks, standing, weeks_together
from planner.render.formatting import date_range, day, hours
from planner.render.pdf.cover import facts_table
from planner.render.pdf.fonts import BODY, default_fonts
from planner.render.pdf.markup import para_text, using_fonts
from planner.render.pdf.styles import (
    ACCENT,
    ACCENT_MID,
    FRAME_WIDTH,
    INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    RULE,
    styles,
)

CHART_HEIGHT = 95
MAX_WEEK_ROWS = 10  # weeks listed one by one; the earliest and the latest are summed up


def render_summary_pdf(summary: Summary) -> bytes:
    """One A4 page; the same summary gives the same bytes."""
    fonts = default_fonts()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        invariant=1,
        title=f"Progress of {summary.name}",
        author=summary.name,
        creator="studyplan",
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
    )
    with using_fonts(fonts):
        story = _story(summary)
    height = A4[1] - MARGIN_TOP - MARGIN_BOTTOM - 1
    document.build([KeepInFrame(FRAME_WIDTH, height, story, mode="shrink")])
    return buffer.getvalue()


def _story(summary: Summary) -> list[Any]:
    look = styles()
    source = para_text(f"{summary.source} · on {day(summary.today)}")
    where = standing(summary)
    said = [line for line in (f"You are {where}." if where else "", pace_line(summary)) if line]
    story: list[Any] = [
        Paragraph("STUDYPLAN · PROGRESS", look.label),
        Paragraph(f"Progress of {para_text(summary.name)}", look.h1),
        Paragraph(source, look.meta),
        Spacer(1, 8),
        _facts(summary),
        Spacer(1, 10),
        *[Paragraph(para_text(line), look.body) for line in said],
        Spacer(1, 12),
        Paragraph("Week by week", look.h2),
        Paragraph(_chart_legend(summary), look.meta),
        _chart(summary),
        Spacer(1, 10),
        _table("Week", [(_week_label(t), t) for t in week_rows(summary)]),
        Spacer(1, 12),
        Paragraph("By section", look.h2),
        Spacer(1, 4),
        _table("Section", [(para_text(t.label), t) for t in summary.sections]),
    ]
    if summary.finished:
        finished = para_text(", ".join(summary.finished))
        story += [Spacer(1, 10), Paragraph(f"<b>Finished:</b> {finished}", look.small)]
    return story


def _facts(summary: Summary) -> Table:
    look = styles()
    overall = summary.overall
    left = hours(overall.hours_left) if overall.hours_left is not None else "unknown"
    facts = [
        ("Done", f"{overall.done} of {overall.total} tasks"),
        ("Hours left", left),
        ("Planned end", day(summary.planned_end) if summary.planned_end else "–"),
        ("At this pace", day(summary.pace_end) if summary.pace_end else "–"),
    ]
    cells = [
        [Paragraph(label.upper(), look.cell_head), Paragraph(value, look.h3)]
        for label, value in facts
    ]
    return facts_table(cells, [FRAME_WIDTH / 4] * 4)


def week_rows(summary: Summary) -> list[Tally]:
    """At most MAX_WEEK_ROWS rows: the weeks up to now, the earliest summed up when many."""
    rows = shown_weeks(summary)
    if len(rows) <= MAX_WEEK_ROWS:
        return rows
    cut = len(rows) - MAX_WEEK_ROWS + 1
    return [weeks_together(rows[:cut]), *rows[cut:]]


def _week_label(tally: Tally) -> str:
    dates = f" · {date_range(tally.start, tally.end)}" if tally.start and tally.end else ""
    return f"{tally.label}{dates}"


def _table(heading: str, rows: list[tuple[str, Tally]]) -> Table:
    look = styles()
    widths = [FRAME_WIDTH * f for f in (0.46, 0.12, 0.08, 0.2, 0.14)]
    head = [Paragraph(h.upper(), look.cell_head) for h in (heading, "Done", "", "", "Left")]
    body = [
        [
            Paragraph(label, look.cell),
            Paragraph(f"{t.done} / {t.total}", look.cell),
            Paragraph(f"{t.percent}%", look.cell),
            _bar(t, widths[3] - 8),
            Paragraph(_left(t), look.cell),
        ]
        for label, t in rows
    ]
    table = Table([head, *body], colWidths=widths, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _left(tally: Tally) -> str:
    if tally.hours_left is not None:
        return hours(tally.hours_left)
    return f"{tally.left} task{'s' * (tally.left != 1)}"


def _bar(tally: Tally, width: float) -> Drawing:
    drawing = Drawing(width, 7)
    drawing.add(Rect(0, 0, width, 6, fillColor=ACCENT_MID, strokeColor=None))
    if tally.total:
        drawing.add(
            Rect(0, 0, width * tally.done / tally.total, 6, fillColor=ACCENT, strokeColor=None)
        )
    return drawing


def _chart_legend(summary: Summary) -> str:
    unit = "hours" if summary.hours_known else "tasks"
    return (
        f"Each bar is a week of the plan, as tall as its {unit}: the dark part is done, "
        "the light part is left. The line marks today."
    )


def _chart(summary: Summary) -> Drawing:
    """A bar per week: its size, the part done; a line at today."""
    weeks = summary.weeks
    drawing = Drawing(FRAME_WIDTH, CHART_HEIGHT)
    if not weeks:
        return drawing
    base, top = 14, CHART_HEIGHT - 14
    count = weeks[-1].number  # weeks without a box keep their place, empty
    cell = FRAME_WIDTH / count
    most = max(amount(w, "total") for w in weeks) or 1
    gap = min(cell * 0.2, 2)
    for week in weeks:
        x, height = (week.number - 1) * cell, (top - base) * amount(week, "total") / most
        done = (top - base) * amount(week, "done") / most
        drawing.add(
            Rect(x + gap / 2, base, cell - gap, height, fillColor=ACCENT_MID, strokeColor=None)
        )
        drawing.add(Rect(x + gap / 2, base, cell - gap, done, fillColor=ACCENT, strokeColor=None))
    for number in range(1, count + 1):
        if _labelled(number, count):
            drawing.add(
                String(
                    (number - 0.5) * cell,
                    3,
                    str(number),
                    fontName=BODY,
                    fontSize=7,
                    fillColor=MUTED,
                    textAnchor="middle",
                )
            )
    drawing.add(Line(0, base, FRAME_WIDTH, base, strokeColor=RULE, strokeWidth=0.6))
    _today_line(drawing, summary, cell, base, top)
    return drawing


def _labelled(number: int, count: int) -> bool:
    """Week numbers under the bars: all when few, else every 5th, 10th or 20th, and week 1."""
    step = 1 if count <= 20 else 5 if count <= 60 else 10 if count <= 120 else 20
    return number == 1 or number % step == 0


def _today_line(drawing: Drawing, summary: Summary, cell: float, base: float, top: float) -> None:
    start = summary.start
    if start is None:
        return
    at = (summary.today - start).days / 7 * cell
    if not 0 <= at <= FRAME_WIDTH:
        return
    drawing.add(
        Line(at, base - 3, at, top + 4, strokeColor=INK, strokeWidth=0.8, strokeDashArray=[2, 2])
    )
    anchor = "end" if at > FRAME_WIDTH - 40 else "start" if at < 40 else "middle"
    drawing.add(
        String(at, top + 6, "today", fontName=BODY, fontSize=7.5, fillColor=INK, textAnchor=anchor)
    )
