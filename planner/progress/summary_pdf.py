"""The progress summary as a one-page PDF: key figures, every week as a bar, weeks, sections.

It is built on the PDF document base (fonts, styles, escaping of names in any script, the
footer) and always fits one page: a plan with many weeks or sections is scaled down to the
page, never continued. A4 or US Letter.
"""

from __future__ import annotations

from typing import Any

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.platypus import KeepInFrame, Paragraph, Spacer, Table

from planner.progress.summary import Summary, Tally, amount
from planner.progress.summary_text import pace_line, shown_weeks, standing, weeks_together
from planner.render.formatting import date_range, day, hours
from planner.render.pdf import (
    ACCENT,
    ACCENT_MID,
    BODY,
    DEFAULT_PAPER,
    INK,
    MUTED,
    RULE,
    DocumentInfo,
    build_pdf,
    drawing,
    facts_table,
    page_of,
    para_text,
    ruled_table,
    styles,
)

FRAME_WIDTH = page_of(DEFAULT_PAPER).frame_width  # A4's; Letter's frame is a little wider

CHART_HEIGHT = 95
MAX_WEEK_ROWS = 10  # weeks listed one by one; the earliest and the latest are summed up


def render_summary_pdf(summary: Summary, paper: str = DEFAULT_PAPER) -> bytes:
    """One page on A4 or US Letter; the same summary gives the same bytes."""
    page = page_of(paper)
    info = DocumentInfo(
        title=f"Progress of {summary.name}",
        author=summary.name,
        footer=summary.name,
        paper=paper,
        built_on=summary.today,
    )
    story = [KeepInFrame(page.frame_width, page.frame_height - 1, _story(summary), mode="shrink")]
    return build_pdf(story, info)


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
    return ruled_table([head, *body], widths, valign="MIDDLE")


def _left(tally: Tally) -> str:
    if tally.hours_left is not None:
        return hours(tally.hours_left)
    return f"{tally.left} task{'s' * (tally.left != 1)}"


def _bar(tally: Tally, width: float) -> Drawing:
    bar = drawing(width, 7)
    bar.add(Rect(0, 0, width, 6, fillColor=ACCENT_MID, strokeColor=None))
    if tally.total:
        bar.add(Rect(0, 0, width * tally.done / tally.total, 6, fillColor=ACCENT, strokeColor=None))
    return bar


def _chart_legend(summary: Summary) -> str:
    unit = "hours" if summary.hours_known else "tasks"
    return (
        f"Each bar is a week of the plan, as tall as its {unit}: the dark part is done, "
        "the light part is left. The line marks today."
    )


def _chart(summary: Summary) -> Drawing:
    """A bar per week: its size, the part done; a line at today."""
    weeks = summary.weeks
    chart = drawing(FRAME_WIDTH, CHART_HEIGHT)
    if not weeks:
        return chart
    base, top = 14, CHART_HEIGHT - 14
    count = weeks[-1].number  # weeks without a box keep their place, empty
    cell = FRAME_WIDTH / count
    most = max(amount(w, "total") for w in weeks) or 1
    gap = min(cell * 0.2, 2)
    for week in weeks:
        x, height = (week.number - 1) * cell, (top - base) * amount(week, "total") / most
        done = (top - base) * amount(week, "done") / most
        chart.add(
            Rect(x + gap / 2, base, cell - gap, height, fillColor=ACCENT_MID, strokeColor=None)
        )
        chart.add(Rect(x + gap / 2, base, cell - gap, done, fillColor=ACCENT, strokeColor=None))
    for number in range(1, count + 1):
        if _labelled(number, count):
            chart.add(
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
    chart.add(Line(0, base, FRAME_WIDTH, base, strokeColor=RULE, strokeWidth=0.6))
    _today_line(chart, summary, cell, base, top)
    return chart


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
