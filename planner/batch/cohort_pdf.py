"""The cohort summary an organiser hands out: tracks, weekly hours, the learners with their
plans on one calendar, and study groups by calendar week; names in their own script."""

from __future__ import annotations

from datetime import date, timedelta

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from planner.batch.cohort import MIN_GROUP, CohortStats, Group, histogram
from planner.batch.cohort_calendar import calendar_table
from planner.render.formatting import date_range
from planner.render.pdf import (
    ACCENT,
    BODY,
    INK,
    SEMIBOLD,
    DocumentInfo,
    Styles,
    build_pdf,
    drawing,
    page_of,
    para,
    para_text,
    ruled_table,
    styles,
)

MAX_GROUP_WEEKS = 26  # a handout for half a year: later calendar weeks are counted in a line


def plural(count: int, word: str, many: str = "") -> str:
    """'1 learner', '3 learners', '2 study groups' (many: an irregular plural)."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def render_cohort_pdf(stats: CohortStats, paper: str = "a4", built_on: date | None = None) -> bytes:
    """The summary as PDF bytes on A4 or US Letter; same stats -> same bytes."""
    info = DocumentInfo(
        title="Cohort summary",
        author="studyplan",
        footer="Cohort summary",
        paper=paper,
        built_on=built_on,
    )
    return build_pdf(_story(stats, page_of(paper).frame_width), info)


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
        _heading("Hours a week", look),
        _bars(histogram(stats.hours, unit="h"), width),
        _heading("Learners and their plans", look),
        para(
            "In the order given. The bar is each plan on one calendar, from its start to its "
            "end; the file is the learner's plan.",
            look.small,
        ),
        Spacer(1, 6),
        calendar_table(stats.roster(), width),
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
) -> Table:
    look = styles()
    cells = [[para(h.upper(), look.cell_head) for h in header]]
    cells += [[para(c, look.cell) for c in row] for row in rows] or [
        [para("(none)", look.cell), *[para("", look.cell) for _ in header[1:]]]
    ]
    return ruled_table(cells, [width * s for s in shares])


def _bars(bars: list[tuple[str, int]], width: float) -> Drawing:
    """A small horizontal histogram: label, bar, count of learners."""

    row, label_width = 14, 110
    chart = drawing(width, row * max(len(bars), 1))
    most = max((n for _, n in bars), default=1) or 1
    for k, (label, n) in enumerate(bars):
        y = (len(bars) - 1 - k) * row + 3
        length = (width - label_width - 70) * n / most
        chart.add(
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
        chart.add(Rect(label_width, y - 1.5, length, row - 5, fillColor=ACCENT, strokeColor=None))
        chart.add(
            String(
                label_width + length + 5,
                y,
                plural(n, "learner"),
                fontName=BODY,
                fontSize=8.5,
                fillColor=INK,
            )
        )
    return chart
