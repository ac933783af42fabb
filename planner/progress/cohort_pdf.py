"""cohort-progress.pdf: a few pages an organiser prints: who is where, what is stuck, who pairs."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, TableStyle

from planner.catalog.model import Catalog
from planner.progress.cohort import Cohort, files_line
from planner.progress.cohort_groups import study_groups
from planner.progress.cohort_learner import Learner
from planner.progress.cohort_page import (
    BEHIND,
    STATUS_COLOURS,
    NameLines,
    ProgressBar,
    cell_style,
)
from planner.render.formatting import day
from planner.render.pdf import (
    BODY,
    DEFAULT_PAPER,
    MUTED,
    DocumentInfo,
    build_pdf,
    hex_of,
    page_of,
    para_text,
    ruled_table,
    styles,
)

STUCK_SHOWN = 40  # items on the stuck list; the JSON has them all


def render_cohort_progress(
    cohort: Cohort, catalog: Catalog, today: date, paper: str = DEFAULT_PAPER
) -> bytes:
    """The organiser's pages on A4 or US Letter; the same cohort and day give the same bytes."""
    width = page_of(paper).frame_width
    story = [
        *_overview(cohort, today),
        *_learners(cohort, catalog, today, width),
        *_stuck(cohort, catalog, width),
        *_groups(cohort, catalog, width),
        *_uncounted(cohort, width),
    ]
    info = DocumentInfo(
        title="Cohort progress",
        author="studyplan",
        footer=f"Cohort progress on {day(today)}",
        paper=paper,
        built_on=today,
    )
    return build_pdf(story, info)


def _overview(cohort: Cohort, today: date) -> list[Flowable]:
    s = styles()
    summary = cohort.summary()
    statuses = " · ".join(
        f'<font color="{hex_of(STATUS_COLOURS[k])}"><b>{n}</b> {k}</font>'
        for k, n in summary["status"].items()
        if n
    )
    return [
        Paragraph("Cohort progress", s.h1),
        Paragraph(
            f"On {day(today)}: <b>{summary['learners']}</b> learners, read from "
            f"{files_line(summary)}.",
            s.body,
        ),
        Paragraph(statuses or "No learner yet.", s.body),
        Spacer(1, 4 * mm),
    ]


def _learners(cohort: Cohort, catalog: Catalog, today: date, width: float) -> list[Flowable]:
    """The table of learners: plain strings where they can be (a cohort may be thousands),
    a paragraph for the names (any script), a drawn bar."""
    s, cell = styles(), cell_style()
    learners = sorted(cohort.learners(), key=lambda x: (x.weeks_ahead, x.name.casefold()))
    head = ["Learner", "Track", "Done", "Plan week", "Ahead", "End at pace", "Done / expected"]
    rows: list[list[Any]] = [[Paragraph(h, s.cell_head) for h in head]]
    colours = []
    bar_width = width * 0.19 - 6
    for number, learner in enumerate(learners, start=1):
        track = catalog.tracks.get(learner.goal)
        end = learner.end_at_pace
        rows.append(
            [
                _learner_cell(learner, width * 0.23 - 3, cell),
                _wrapped(track.title if track else learner.goal, 16),
                _done(learner),
                f"{learner.expected_week} of {learner.weeks}",
                _ahead(learner),
                day(end) if end else "–",
                ProgressBar(learner, bar_width),
            ]
        )
        colours.append(("TEXTCOLOR", (4, number), (4, number), STATUS_COLOURS[learner.status]))
    widths = [0.23, 0.15, 0.14, 0.08, 0.09, 0.12, 0.19]
    learners_table = ruled_table(rows, [w * width for w in widths], long=True, valign="MIDDLE")
    learners_table.setStyle(TableStyle([("FONT", (1, 1), (5, -1), BODY, 8.5, 10.5), *colours]))
    return [
        Paragraph("Learners", s.h2),
        Spacer(1, 1.5 * mm),
        Paragraph(
            "Most behind first. The bar is the plan: filled as far as the ticked work reaches "
            f"(in plan weeks), with a mark where the plan expected the learner on {day(today)}. "
            "Ahead: plan weeks ahead of (or, negative, behind) that mark. End at pace: the last "
            "day at the pace so far.",
            s.meta,
        ),
        Spacer(1, 2 * mm),
        learners_table,
    ]


def _learner_cell(learner: Learner, width: float, style: ParagraphStyle) -> Flowable:
    """Name over file name: two drawn lines when the body font has every character and they
    fit (fast, for cohorts of thousands), else a paragraph with fallback fonts that wraps."""
    file = Path(learner.source).name
    if NameLines.fits(learner.name, file, width):
        return NameLines(learner.name, file)
    return Paragraph(
        f"{para_text(learner.name)}<br/><font size=7 color='{hex_of(MUTED)}'>"
        f"{para_text(file)}</font>",
        style,
    )


def _wrapped(text: str, width: int) -> str:
    """Shipped text (track titles) broken into lines for a plain table cell."""
    return "\n".join(textwrap.wrap(text, width)) or text


def _done(learner: Learner) -> str:
    tasks = f"{learner.tasks_done}/{learner.tasks_total} tasks"
    if learner.hours_done is None or learner.hours_total is None:
        return tasks
    return f"{tasks}\n{learner.hours_done:g}/{learner.hours_total:g} h"


def _ahead(learner: Learner) -> str:
    if learner.status in ("finished", "not started"):
        return learner.status
    return f"{learner.weeks_ahead:+.1f} wk".replace("-", "\u2212")  # a real minus sign


def _stuck(cohort: Cohort, catalog: Catalog, width: float) -> list[Flowable]:
    s, cell = styles(), cell_style()
    items = [r for r in cohort.items(catalog) if r.overdue]
    story: list[Flowable] = [
        CondPageBreak(60 * mm),
        Spacer(1, 6 * mm),
        Paragraph("Where the cohort is stuck", s.h2),
        Spacer(1, 1.5 * mm),
        Paragraph(
            "Items whose week in a learner's plan has passed while "
            "some of their tasks are not ticked, most overdue "
            "first.",
            s.meta,
        ),
        Spacer(1, 2 * mm),
    ]
    if not items:
        return [*story, Paragraph("No one is overdue on any item.", s.body)]
    head = ["Item", "Section", "In plans", "Started", "Finished", "Overdue"]
    rows = [[Paragraph(h, s.cell_head) for h in head]]
    rows += [
        [
            Paragraph(para_text(r.title), cell),
            Paragraph(para_text(r.section), cell),
            Paragraph(str(r.in_plan), cell),
            Paragraph(str(r.started), cell),
            Paragraph(str(r.finished), cell),
            Paragraph(f'<font color="{hex_of(BEHIND)}"><b>{r.overdue}</b></font>', cell),
        ]
        for r in items[:STUCK_SHOWN]
    ]
    shares = (0.36, 0.28, 0.09, 0.09, 0.09, 0.09)
    story.append(ruled_table(rows, [w * width for w in shares], valign="MIDDLE"))
    if len(items) > STUCK_SHOWN:
        story.append(
            Paragraph(
                f"… and {len(items) - STUCK_SHOWN} more items with someone "
                "overdue (all are in cohort-progress.json).",
                s.meta,
            )
        )
    return story


def _groups(cohort: Cohort, catalog: Catalog, width: float) -> list[Flowable]:
    s, cell = styles(), cell_style()
    groups = study_groups(cohort.learners(), catalog)
    story: list[Flowable] = [
        CondPageBreak(60 * mm),
        Spacer(1, 6 * mm),
        Paragraph("Suggested study groups", s.h2),
        Spacer(1, 1.5 * mm),
        Paragraph(
            "Learners of one track working on the same item, or "
            "within a week of each other with their next items in "
            "the same section: two to six per group.",
            s.meta,
        ),
        Spacer(1, 2 * mm),
    ]
    if not groups:
        return [*story, Paragraph("No two learners are at the same point yet.", s.body)]
    rows = [[Paragraph(h, s.cell_head) for h in ("Track", "Where", "Learners")]]
    for group in groups:
        track = catalog.tracks.get(group.track)
        rows.append(
            [
                Paragraph(para_text(track.title if track else group.track), cell),
                Paragraph(para_text(group.describe(catalog)), cell),
                Paragraph(", ".join(para_text(m.name) for m in group.members), cell),
            ]
        )
    shares = (0.16, 0.4, 0.44)
    return [*story, ruled_table(rows, [w * width for w in shares], valign="MIDDLE")]


def _uncounted(cohort: Cohort, width: float) -> list[Flowable]:
    s, cell = styles(), cell_style()
    files = [f for f in cohort.files() if f.status != "counted"]
    if not files:
        return []
    rows = [[Paragraph(h, s.cell_head) for h in ("File", "Why it was not counted")]]
    rows += [
        [
            Paragraph(para_text(f.source), cell),
            Paragraph(f"<b>{f.status}</b>: {para_text(f.reason)}", cell),
        ]
        for f in files
    ]
    return [
        CondPageBreak(40 * mm),
        Spacer(1, 6 * mm),
        Paragraph("Files not counted", s.h2),
        Spacer(1, 2 * mm),
        ruled_table(rows, [0.4 * width, 0.6 * width], valign="MIDDLE"),
    ]
