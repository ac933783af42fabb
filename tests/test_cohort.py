"""The cohort summary: counts per track, histograms, study groups, and the page's text."""

from __future__ import annotations

import io

from pypdf import PdfReader

from planner.batch.cohort import CohortStats, histogram, render_cohort_pdf
from planner.batch.worker import Outcome


def outcome(goal: str, weeks: list[tuple[str, ...]], hours: float = 8,
            status: str = "ok") -> Outcome:
    titles = {i: i.replace("-", " ").title() for w in weeks for i in w}
    return Outcome(0, "x.yaml", 0, 1, status, weeks=len(weeks), total_hours=hours * len(weeks),
                   goal=goal, goal_title=goal.upper(), hours_per_week=hours,
                   week_items=tuple(weeks), titles=titles)


def cohort() -> CohortStats:
    stats = CohortStats()
    stats.add(outcome("apps", [("python-basics",), ("prompting", "rag")], hours=5))
    stats.add(outcome("apps", [("python-basics", "git"), ("rag",), ("agents",)], hours=10))
    stats.add(outcome("research", [("linear-algebra",), ("rag", "prompting")], hours=10))
    stats.add(Outcome(3, "bad.yaml", 0, 4, "failed", error="bad.yaml:4: goal: unknown"))
    return stats


def test_stats_count_tracks_lengths_hours_and_failures() -> None:
    stats = cohort()
    assert (stats.learners, stats.failed) == (3, 1)
    assert stats.summary()["tracks"] == {"APPS": 2, "RESEARCH": 1}
    assert stats.summary()["weeks"] == {"2": 2, "3": 1}
    assert stats.summary()["hours_per_week"] == {"5": 1, "10": 2}


def test_study_groups_list_the_most_studied_items_per_week() -> None:
    groups = dict(cohort().groups())
    assert groups[1] == [("Python Basics", 2), ("Git", 1), ("Linear Algebra", 1)]
    assert groups[2] == [("Rag", 3), ("Prompting", 2)]
    assert groups[3] == [("Agents", 1)]


def test_histogram_bins_many_values_and_keeps_every_learner() -> None:
    from collections import Counter

    few = histogram(Counter({12: 3, 16: 1}))
    assert few == [("12", 3), ("16", 1)]
    many = histogram(Counter({w: 1 for w in range(1, 41)}), bins=4)
    assert len(many) == 4 and sum(n for _, n in many) == 40 and many[0][0] == "1-10.75"


def test_cohort_pdf_has_the_expected_text() -> None:
    data = render_cohort_pdf(cohort())
    assert data == render_cohort_pdf(cohort())  # deterministic bytes
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    for expected in ("Cohort summary", "3 learner(s) with a plan", "1 profile(s) failed",
                     "Learners per track", "APPS", "Plan length (weeks)", "Weekly hours",
                     "Study groups", "Python Basics (2)", "Rag (3), Prompting (2)"):
        assert expected in text, expected


def test_an_empty_cohort_still_renders_a_page() -> None:
    data = render_cohort_pdf(CohortStats())
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "0 learner(s) with a plan" in text and "(none)" in text
