"""The timeline at 4 to 250 weeks, read from the drawing: every year labelled, months in
three letters at even steps, even week ticks, rows of one height, phases on long plans,
milestone numbers that never overlap."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from reportlab.graphics.shapes import Drawing, String
from reportlab.pdfbase.pdfmetrics import stringWidth

from planner.plan import Plan
from planner.render.pdf.fonts import default_fonts
from planner.render.pdf.styles import ACCENT_DARK, page_of
from planner.render.pdf.timeline import ROW, timeline
from planner.render.pdf.timespan import LABEL_WIDTH, MONTHS, PHASES_FROM
from tests.sample_plans import item, long_plan, weeks_from

WIDTH = page_of("a4").frame_width


def plan_of(weeks: int, start: date = date(2026, 12, 28), sections: int = 5) -> Plan:
    """A plan of `weeks` one-item weeks; every 9th week a milestone."""
    items = [
        (
            replace(
                item(f"t{n}", f"Topic {n}", 1.5, section=n % 5, kind="milestone" * (n % 9 == 0)),
                section=f"s{n % sections}",
                section_title=f"Section {n % sections} with a rather long name to cut",
            ),
        )
        for n in range(1, weeks + 1)
    ]
    items = [(replace(i[0], kind=i[0].kind or "lesson"),) for i in items]
    return replace(long_plan(2), start_date=start, weeks=weeks_from(start, items))


def strings(drawing: Drawing) -> list[String]:
    return [s for s in drawing.contents if isinstance(s, String)]


@pytest.mark.parametrize("weeks", [4, 16, 52, 60, 120, 250])
def test_every_year_of_the_plan_is_labelled(weeks: int) -> None:
    default_fonts()
    plan = plan_of(weeks)
    texts = {s.text for s in strings(timeline(plan, WIDTH))}
    years = {str(y) for y in range(plan.start_date.year, plan.end_date.year + 1)}
    assert years <= texts, years - texts


@pytest.mark.parametrize("weeks", [4, 16, 52, 60, 120, 250])
def test_axis_labels_are_three_letter_months_and_even_week_numbers_that_never_touch(
    weeks: int,
) -> None:
    default_fonts()
    drawing = timeline(plan_of(weeks), WIDTH)
    by_row: dict[float, list[String]] = {}
    for label in strings(drawing):
        if label.x >= LABEL_WIDTH - 3:
            by_row.setdefault(label.y, []).append(label)
    for row in by_row.values():
        spans = []
        for label in row:
            width = stringWidth(label.text, label.fontName, label.fontSize)
            left = label.x - width / 2 if label.textAnchor == "middle" else label.x
            spans.append((left, left + width))
        spans.sort()
        assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False)), row
    months = [s.text for s in strings(drawing) if s.text in MONTHS]
    assert months and all(len(m) == 3 for m in months)
    week_row = [s.y for s in strings(drawing) if s.text == "WEEK"]
    week_numbers = sorted(int(s.text) for s in strings(drawing) if [s.y] == week_row and s.x)
    steps = {b - a for a, b in zip(week_numbers, week_numbers[1:], strict=False)}
    assert len(steps) <= 1 or weeks > 52, week_numbers  # weekly columns: one even step


def test_rows_are_one_height_and_long_names_are_cut() -> None:
    default_fonts()
    drawing = timeline(plan_of(16), WIDTH)
    rows = sorted({s.y for s in strings(drawing) if s.text.startswith("Section")})
    assert {round(b - a, 3) for a, b in zip(rows, rows[1:], strict=False)} == {ROW}
    labels = [s.text for s in strings(drawing) if s.text.startswith("Section")]
    assert all(t.endswith("…") for t in labels)
    assert all(stringWidth(t, "SourceSans", 8) <= LABEL_WIDTH - 8 for t in labels)


def test_a_plan_with_many_sections_gets_phase_rows() -> None:
    default_fonts()
    drawing = timeline(plan_of(120, sections=24), WIDTH)
    labels = [s.text for s in strings(drawing) if s.fontSize == 8 and s.x == 0]
    phases = [t for t in labels if t[0].isdigit()]
    assert PHASES_FROM < 24 and 0 < len(phases) <= 8
    assert "PHASE" in {s.text for s in strings(drawing)}


def test_milestones_are_numbered_once_each_without_overlap() -> None:
    default_fonts()
    plan = plan_of(250)
    drawing = timeline(plan, WIDTH)
    marks = sorted((s.x, s.text) for s in strings(drawing) if s.fillColor == ACCENT_DARK)
    assert [int(t) for _, t in sorted(marks, key=lambda m: int(m[1]))] == list(range(1, 28))
    xs = [x for x, _ in marks]
    assert all(b - a >= 3 for a, b in zip(xs, xs[1:], strict=False))
    assert xs[-1] + stringWidth(marks[-1][1], "SourceSans-Semibold", 7) <= WIDTH
    assert date(2026, 12, 28) + timedelta(weeks=249) == plan.weeks[-1].start
