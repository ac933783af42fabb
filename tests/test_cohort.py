"""The cohort summary: counts, round histogram bins, the learners, study groups by calendar
date, and the PDF an organiser hands out (plurals, page numbers, paper sizes)."""

from __future__ import annotations

import io
import re
from collections import Counter
from datetime import date

import pytest
from pypdf import PdfReader

from planner.batch.cohort import CohortStats, histogram, nice_width
from planner.batch.cohort_calendar import CalendarBar, Span
from planner.batch.cohort_pdf import MAX_GROUP_WEEKS, plural, render_cohort_pdf
from planner.batch.worker import Outcome

JAN_4 = date(2027, 1, 4)
JAN_11 = date(2027, 1, 11)


def outcome(
    goal: str,
    weeks: list[tuple[str, ...]],
    hours: float = 8,
    name: str = "X",
    start: date = JAN_4,
    position: int = 0,
) -> Outcome:
    titles = {i: i.replace("-", " ").title() for w in weeks for i in w}
    return Outcome(
        position=position,
        source="x.yaml",
        index=0,
        line=1,
        status="ok",
        outputs=(f"{name.lower()}.pdf",),
        weeks=len(weeks),
        total_hours=hours * len(weeks),
        goal=goal,
        goal_title=goal.upper(),
        hours_per_week=hours,
        week_items=tuple(weeks),
        titles=titles,
        name=name,
        start_date=start,
        end_date=date(2027, 3, 1),
    )


def cohort() -> CohortStats:
    stats = CohortStats()
    # Ben starts a week later: his week 1 is the others' week 2 on the calendar
    stats.add(
        outcome("research", [("linear-algebra",), ("rag", "prompting")], 10, "Cleo", position=2)
    )
    stats.add(outcome("apps", [("python-basics",), ("prompting", "rag")], 5, "Ada"))
    stats.add(
        outcome(
            "apps", [("rag",), ("agents",), ("python-basics",)], 10, "Ben", start=JAN_11, position=1
        )
    )
    stats.add(
        Outcome(
            position=3,
            source="bad.yaml",
            index=0,
            line=4,
            status="failed",
            error="bad.yaml:4: goal: unknown",
        )
    )
    return stats


def test_stats_count_tracks_lengths_hours_and_failures() -> None:
    stats = cohort()
    assert (stats.learners, stats.failed) == (3, 1)
    assert stats.summary()["tracks"] == {"APPS": 2, "RESEARCH": 1}
    assert stats.summary()["weeks"] == {"2": 2, "3": 1}
    assert stats.summary()["hours_per_week"] == {"5": 1, "10": 2}


def test_the_learner_list_is_in_input_order_with_track_weeks_end_and_file() -> None:
    roster = cohort().roster()
    assert [(p.name, p.track, p.weeks, p.file) for p in roster] == [
        ("Ada", "APPS", 2, "ada.pdf"),
        ("Ben", "APPS", 3, "ben.pdf"),
        ("Cleo", "RESEARCH", 2, "cleo.pdf"),
    ]


def test_study_groups_meet_on_calendar_dates_and_have_two_learners_or_more() -> None:
    groups = {
        monday: [(t, g.count, g.names) for t, g in items] for monday, items in cohort().groups()
    }
    # week of 11 Jan: Ada's week 2 (prompting, rag), Cleo's week 2 (rag, prompting), Ben's
    # week 1 (rag): three study rag together although it is week 1 of Ben's plan
    assert groups[JAN_11] == [("Rag", 3, ["Cleo", "Ada", "Ben"]), ("Prompting", 2, ["Cleo", "Ada"])]
    assert JAN_4 not in groups  # nobody shares an item in the first calendar week
    assert all(count >= 2 for items in groups.values() for _, count, _ in items)


def test_nice_widths_are_round() -> None:
    assert [nice_width(s, 8) for s in (7.3125, 40, 3, 200)] == [1, 5, 0.5, 25]


def test_histogram_uses_round_bins_and_keeps_every_learner() -> None:
    few = histogram(Counter({12: 3, 16: 1}), unit="weeks", whole=True)
    assert few == [("12 weeks", 3), ("16 weeks", 1)]
    weeks = histogram(Counter({w: 1 for w in range(1, 41)}), bins=4, unit="weeks", whole=True)
    assert [label for label, _ in weeks] == [
        "0–9 weeks",
        "10–19 weeks",
        "20–29 weeks",
        "30–39 weeks",
        "40–49 weeks",
    ]
    assert sum(n for _, n in weeks) == 40
    hours = histogram(
        Counter({1.5: 1, 2: 1, 3: 2, 5: 1, 7.5: 1, 9: 1, 12: 1, 60: 1}), bins=7, unit="h"
    )
    assert hours[0] == ("0 to under 10 h", 7) and hours[-1] == ("60 to under 70 h", 1)
    assert sum(n for _, n in hours) == 9
    assert not any(re.search(r"\.\d{2}", label) for label, _ in weeks + hours)


def test_plurals() -> None:
    assert [plural(1, "learner"), plural(0, "learner"), plural(2, "week")] == [
        "1 learner",
        "0 learners",
        "2 weeks",
    ]


def pdf_text(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def test_cohort_pdf_has_plurals_learners_groups_and_page_numbers() -> None:
    data = render_cohort_pdf(cohort(), built_on=JAN_4)
    assert data == render_cohort_pdf(cohort(), built_on=JAN_4)  # deterministic bytes
    assert "Plan length" not in pdf_text(data)[1]  # identical bars said nothing
    reader, text = pdf_text(data)
    for expected in (
        "Cohort summary",
        "3 learners with a plan.",
        "1 profile could not be planned",
        "Learners per track",
        "APPS",
        "Hours a week",
        "Learners and their plans",
        "2027 Jan Feb",
        "Ada ada.pdf APPS 4 Jan 2027 1 Mar 2027 5 h",
        "Ben ben.pdf APPS 11 Jan 2027 1 Mar 2027 10 h",
        "11–17 Jan 2027 Rag (3): Cleo, Ada, Ben",
    ):
        assert expected in text, expected
    assert "(s)" not in text
    pages = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        assert f"Page {number} of {pages}" in " ".join(page.extract_text().split())


def test_names_in_other_scripts_are_embedded_and_markup_prints_literally() -> None:
    stats = CohortStats()
    for position, name in enumerate(("Жанна", "<b>R&D</b>", "Ωμέγα")):
        stats.add(outcome("apps", [("rag",)], name=name, position=position))
    _, text = pdf_text(render_cohort_pdf(stats))
    assert "Жанна" in text and "<b>R&D</b>" in text and "Ωμέγα" in text


@pytest.mark.parametrize(("paper", "size"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_paper_sizes(paper: str, size: tuple[int, int]) -> None:
    reader, _ = pdf_text(render_cohort_pdf(cohort(), paper))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


def test_a_long_cohort_lists_half_a_year_of_study_groups() -> None:
    stats = CohortStats()
    for position in range(2):
        stats.add(
            outcome(
                "apps", [(f"item-{n}",) for n in range(40)], name=f"P{position}", position=position
            )
        )
    _, text = pdf_text(render_cohort_pdf(stats))
    assert f"{40 - MAX_GROUP_WEEKS} more weeks with study groups" in text


def test_an_empty_cohort_still_renders_a_page() -> None:
    _, text = pdf_text(render_cohort_pdf(CohortStats()))
    assert "0 learners with a plan" in text and "(none)" in text


def test_each_learner_is_a_bar_from_start_to_end_on_one_calendar() -> None:
    roster = cohort().roster()
    assert [(p.start, p.hours) for p in roster] == [(JAN_4, 5), (JAN_11, 10), (JAN_4, 10)]
    span = Span(JAN_4, date(2027, 3, 1))
    bars = [CalendarBar(p.start, p.end, span, 100.0) for p in roster]
    assert span.at(JAN_4, 100) == 0 and span.at(date(2027, 3, 1), 100) == 100
    assert span.at(JAN_11, 100) == pytest.approx(100 * 7 / 56)
    assert bars[1].span.at(bars[1].start, 100) > bars[0].span.at(bars[0].start, 100)
