"""The cohort summary an organiser hands out: tracks, plan lengths, weekly hours, the
learners, and study groups by calendar week; numbered pages, names in their own script."""

from __future__ import annotations

import functools
import io
from datetime import timedelta
from typing import Any

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Spacer,
    Table,
    TableStyle,
)

from planner.batch.cohort import MIN_GROUP, CohortStats, Group, histogram
from planner.render.formatting import date_range, day
from planner.render.pdf.document import FOOTER_SIZE, PAGE_COUNT_FORM, PlanCanvas
from planner.render.pdf.fonts import BODY, SEMIBOLD, default_fonts
from planner.render.pdf.markup import para_text, using_fonts
from planner.render.pdf.para import para
from planner.render.pdf.styles import (
    ACCENT,
    INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    RULE,
    Page,
    Styles,
    page_of,
    styles,
)

MAX_GROUP_WEEKS = 26  # a handout for half a year: later calendar weeks are counted in a line


def plural(count: int, word: str, many: str = "") -> str:
    """'1 learner', '3 learners', '2 study groups' (many: an irregular plural)."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def render_cohort_pdf(stats: CohortStats, paper: str = "a4") -> bytes:
    """The summary as PDF bytes on A4 or US Letter; same stats -> same bytes."""
    fonts = default_fonts()
    page = page_of(paper)
    buffer = io.BytesIO()
    document = BaseDocTemplate(
        buffer,
        pagesize=page.size,
        invariant=1,
        title="Cohort summary",
        author="studyplan",
        creator="studyplan",
        lang="en",
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        page.frame_width,
        page.frame_height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    document.addPageTemplates(
        [PageTemplate("body", [frame], onPageEnd=functools.partial(_footer, page=page))]
    )
    with using_fonts(fonts):
        story = _story(stats, page.frame_width)
    document.build(story, canvasmaker=PlanCanvas)
    return buffer.getvalue()


def _footer(canv: Any, _doc: Any, page: Page) -> None:
    y = MARGIN_BOTTOM - 30
    canv.saveState()
    canv.setStrokeColor(RULE)
    canv.setLineWidth(0.6)
    canv.line(MARGIN_X, y + 13, page.width - MARGIN_X, y + 13)
    canv.setFont(BODY, FOOTER_SIZE)
    canv.setFillColor(MUTED)
    canv.drawRightString(page.width - MARGIN_X, y, "Cohort summary")
    label = f"Page {canv.getPageNumber()} of "
    canv.drawString(MARGIN_X, y, label)
    canv.translate(MARGIN_X + canv.stringWidth(label, BODY, FOOTER_SIZE), y)
    canv.doForm(PAGE_COUNT_FORM)
    canv.restoreState()


def _story(stats: CohortStats, width: float) -> list[Flowable]:
    look = styles()
    failed = (
        f" {plural(stats.failed, 'profile')} could not be planned: see batch-report.csv."
        if stats.failed
        else ""
    )
    story: list[Flowable] = [
        para("Cohort summary", look.h1),
        para(f"{plural(stats.learners, 'learner')} with a plan.{failed}", look.body),
        _heading("Learners per track", look),
        _table(
            [[_text(t), str(n)] for t, n in stats.summary()["tracks"].items()],
            ("Track", "Learners"),
            (0.75, 0.25),
            width,
        ),
        _heading("Plan length", look),
        _bars(histogram(stats.weeks, unit="weeks", whole=True), width),
        _heading("Hours a week", look),
        _bars(histogram(stats.hours, unit="h"), width),
        _heading("Learners", look),
        _learners(stats, width),
        _heading("Study groups", look),
        para(
            f"Learners who study the same item in the same calendar week (at least "
            f"{MIN_GROUP}), up to three items a week: people who could meet and learn "
            "together. Their plans may have started on different dates.",
            look.small,
        ),
        Spacer(1, 6),
        _groups(stats, width),
    ]
    return story


def _heading(text: str, look: Styles) -> Flowable:

    return KeepTogether([Spacer(1, 14), para(text, look.h2), Spacer(1, 6)])


def _text(text: str) -> str:
    return para_text(text)


def _learners(stats: CohortStats, width: float) -> Table:
    rows = [
        [_text(p.name), _text(p.track), str(p.weeks), day(p.end) if p.end else "", _text(p.file)]
        for p in stats.roster()
    ]
    return _table(
        rows, ("Name", "Track", "Weeks", "Ends", "File"), (0.26, 0.22, 0.08, 0.14, 0.30), width
    )


def _group_text(title: str, group: Group) -> str:
    names = ", ".join(_text(n) for n in group.names)
    more = f" and {group.count - len(group.names)} more" if group.count > len(group.names) else ""
    return f"<font name='{SEMIBOLD}'>{_text(title)}</font> ({group.count}): {names}{more}"


def _groups(stats: CohortStats, width: float) -> Table:
    groups = stats.groups()
    rows = [
        [
            date_range(monday, monday + timedelta(days=6)),
            "<br/>".join(_group_text(t, g) for t, g in items),
        ]
        for monday, items in groups[:MAX_GROUP_WEEKS]
    ]
    if len(groups) > MAX_GROUP_WEEKS:
        rest = len(groups) - MAX_GROUP_WEEKS
        rows.append(
            [
                "Later",
                f"{plural(rest, 'more week')} with study groups, not listed "
                "here: this page covers the first half year",
            ]
        )
    return _table(rows, ("Week", "Studied together (learners)"), (0.22, 0.78), width)


def _table(
    rows: list[list[str]], header: tuple[str, ...], shares: tuple[float, ...], width: float
) -> Any:

    look = styles()
    cells = [[para(h.upper(), look.cell_head) for h in header]]
    cells += [[para(c, look.cell) for c in row] for row in rows] or [
        [para("(none)", look.cell), *[para("", look.cell) for _ in header[1:]]]
    ]
    table = Table(cells, colWidths=[width * s for s in shares], repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _bars(bars: list[tuple[str, int]], width: float) -> Drawing:
    """A small horizontal histogram: label, bar, count of learners."""

    row, label_width = 14, 110
    drawing = Drawing(width, row * max(len(bars), 1))
    most = max((n for _, n in bars), default=1) or 1
    for k, (label, n) in enumerate(bars):
        y = (len(bars) - 1 - k) * row + 3
        length = (width - label_width - 70) * n / most
        drawing.add(
            String(
                label_width - 8,
                y,
                label,
                fontName=BODY,
                fontSize=8.5,
                textAnchor="end",
                fillColor=INK,
            )
        )
        drawing.add(Rect(label_width, y - 1.5, length, row - 5, fillColor=ACCENT, strokeColor=None))
        drawing.add(
            String(
                label_width + length + 5,
                y,
                plural(n, "learner"),
                fontName=BODY,
                fontSize=8.5,
                fillColor=INK,
            )
        )
    return drawing
