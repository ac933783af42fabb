"""The progress summary: per week and section, hours left from the plan, the end at this pace."""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from planner.catalog.model import Catalog
from planner.plan import Plan
from planner.progress.model import Progress
from planner.progress.planned import plan_of
from planner.progress.read import read_progress
from planner.progress.summary import Summary, summarise
from planner.progress.summary_pdf import render_summary_pdf
from planner.progress.summary_text import summary_lines
from planner.render.formatting import day
from planner.render.markdown import render_markdown
from tests.test_progress import ADA, TODAY, small_plan, task_ids, ticked_markdown
from tests.test_progress_replan import real_catalog

NOW = date(2027, 1, 27)  # the Wednesday of week 4


def hours_of(plan: Plan) -> dict[str, tuple[int, str, float]]:
    """Every task id of plan -> (week, section title, hours), straight from the plan."""
    return {
        tid: (w.number, i.section_title, t.hours)
        for w in plan.weeks
        for i in w.items
        for tid, t in zip(i.task_ids(w.number), i.tasks, strict=True)
    }


def ticked(tmp_path: Path, plan: Plan, ids: set[str]) -> Progress:
    path = tmp_path / "ada.md"
    path.write_text(ticked_markdown(plan, ids), encoding="utf-8")
    return read_progress(path, TODAY)


@pytest.fixture
def case(small_catalog: Catalog, tmp_path: Path) -> tuple[Plan, set[str], Summary]:
    plan = small_plan(small_catalog)
    ids = set(task_ids(plan, "python-basics")) | {task_ids(plan, "linear-algebra")[0]}
    progress = ticked(tmp_path, plan, ids)
    rebuilt = plan_of(progress, small_catalog, TODAY)
    assert rebuilt is not None
    return plan, ids, summarise(progress, rebuilt, small_catalog, NOW)


def test_weeks_sections_and_hours_come_from_the_plan(case: tuple[Plan, set[str], Summary]) -> None:
    plan, ids, summary = case
    tasks = hours_of(plan)
    for week in summary.weeks:
        number = int(week.label.split()[-1])
        mine = {t: h for t, (w, _, h) in tasks.items() if w == number}
        assert (week.done, week.total) == (len(ids & mine.keys()), len(mine))
        assert week.hours_left == pytest.approx(sum(h for t, h in mine.items() if t not in ids))
        assert week.start == plan.weeks[number - 1].start
    assert [s.label for s in summary.sections] == list(
        dict.fromkeys(s for _, s, _ in tasks.values())
    )
    for section in summary.sections:
        mine = {t: h for t, (_, s, h) in tasks.items() if s == section.label}
        assert section.hours_done == pytest.approx(sum(h for t, h in mine.items() if t in ids))
        assert section.total == len(mine)
    done = sum(tasks[t][2] for t in ids)
    assert summary.overall.hours_done == pytest.approx(done)
    assert summary.overall.hours_left == pytest.approx(sum(h for *_, h in tasks.values()) - done)
    assert summary.finished == ("Python basics",)
    assert summary.planned_end == plan.end_date


def test_where_the_learner_stands_and_the_pace(case: tuple[Plan, set[str], Summary]) -> None:
    plan, ids, summary = case
    tasks = hours_of(plan)
    week_hours = [sum(h for w, _, h in tasks.values() if w == n) for n in (1, 2, 3, 4)]
    expected = sum(week_hours[:3]) + week_hours[3] * 3 / 7  # Wednesday of week 4
    assert summary.expected == pytest.approx(expected)
    done = sum(tasks[t][2] for t in ids)
    days = (NOW - plan.start_date).days + 1
    assert summary.per_week == pytest.approx(done / days * 7)
    left = sum(h for *_, h in tasks.values()) - done
    assert summary.pace_end == NOW + timedelta(days=math.ceil(left / (done / days)))
    average = sum(h for *_, h in tasks.values()) / len(plan.weeks)
    assert summary.weeks_ahead == pytest.approx((done - expected) / average)


def test_terminal_lines(case: tuple[Plan, set[str], Summary]) -> None:
    plan, _, summary = case
    text = "\n".join(summary_lines(summary))
    lines = text.splitlines()
    assert lines[0] == "Progress of Ada Lovelace's plan (ada.md) on 27 Jan 2027:"
    week4 = next(line for line in lines if line.startswith("  Week 4 · 25–31 Jan 2027"))
    assert week4.endswith("← this week")
    assert any(line.startswith(f"  Weeks 5–{len(plan.weeks)} · 1 Feb – ") for line in lines)
    assert sum("← this week" in line for line in lines) == 1
    overall = summary.overall
    assert (
        f"Overall: {overall.done}/{overall.total} tasks ({overall.percent}%) · "
        f"{overall.hours_done:g} h done, {overall.hours_left:g} h left"
    ) in text
    ahead = summary.weeks_ahead
    assert ahead is not None and ahead < 0
    assert f"Planned end: {day(plan.end_date)} · you are {-ahead:.1f} weeks behind the plan" in text
    assert f"you finish around {day(summary.pace_end)}." in text  # type: ignore[arg-type]
    assert "Items with every task ticked: Python basics" in text


def test_without_the_plan_hours_are_unknown(small_catalog: Catalog, tmp_path: Path) -> None:
    plan = small_plan(small_catalog)
    ids = set(task_ids(plan)[:6])
    summary = summarise(ticked(tmp_path, plan, ids), None, small_catalog, NOW)
    assert summary.overall.hours_left is None and not summary.hours_known
    assert (summary.overall.done, summary.overall.total) == (6, len(task_ids(plan)))
    assert [s.label for s in summary.sections][:2] == [
        "Programming Languages",
        "Mathematics and Statistics",
    ]
    assert summary.per_week == pytest.approx(6 / ((NOW - plan.start_date).days + 1) * 7)
    text = "\n".join(summary_lines(summary))
    assert "hours unknown: the catalog changed since this file was made" in text
    assert "tasks a week) you finish around" in text


def test_before_the_start_and_when_all_is_done(small_catalog: Catalog, tmp_path: Path) -> None:
    plan = small_plan(small_catalog)
    early = summarise(ticked(tmp_path, plan, set()), plan, small_catalog, TODAY)
    assert early.per_week is None and early.pace_end is None and early.weeks_ahead is not None
    assert "(the plan has not started yet)" in "\n".join(summary_lines(early))
    done = summarise(ticked(tmp_path, plan, set(task_ids(plan))), plan, small_catalog, NOW)
    assert done.overall.left == 0
    assert "Every task is ticked: the plan is done." in summary_lines(done)


def _pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), " ".join((p.extract_text() or "") for p in reader.pages)


def test_the_pdf_is_one_page_with_the_numbers(case: tuple[Plan, set[str], Summary]) -> None:
    plan, _, summary = case
    data = render_summary_pdf(summary)
    assert data == render_summary_pdf(summary)  # no clock, no randomness
    pages, text = _pdf_text(data)
    assert pages == 1
    for expected in (
        "Progress of Ada Lovelace",
        "Week by week",
        "By section",
        "Programming Languages",
        f"{summary.overall.done} of {summary.overall.total} tasks",
        day(plan.end_date),
        "behind the plan",
        "Week 4 · 25–31 Jan 2027",
        "Finished: Python basics",
    ):
        assert expected in text, expected


@pytest.mark.parametrize(
    "name", ["Анна Каренина", "Αλέξανδρος", "李小龍", "فاطمة الزهراء", "<b>R&D</b> ../../x 🚀"]
)
def test_the_pdf_prints_names_in_any_script(
    small_catalog: Catalog, tmp_path: Path, name: str
) -> None:
    text = ADA.replace("Ada Lovelace", f'"{name}"')
    plan = small_plan(small_catalog, text)
    summary = summarise(ticked(tmp_path, plan, set(task_ids(plan)[:2])), plan, small_catalog, NOW)
    pages, shown = _pdf_text(render_summary_pdf(summary))
    assert pages == 1
    if name.startswith("<b>"):
        assert "<b>R&D</b> ../../x" in shown  # markup printed as text, never applied
    elif name[0] in "АΑ":
        assert f"Progress of {name}" in shown


def test_a_long_plan_still_fits_one_page(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    """Two years at 3 hours a week, every section: the CLI writes one page."""
    real_catalog()
    (tmp_path / "slow.yaml").write_text(
        ADA.replace("hours_per_week: 6", "hours_per_week: 3"), encoding="utf-8"
    )
    built = run_cli("build", "slow.yaml", "-o", ".", "--format", "md")
    assert built.returncode == 0, built.stderr
    md = tmp_path / "ada-lovelace.md"
    md.write_text(md.read_text(encoding="utf-8").replace("- [ ]", "- [x]", 40), encoding="utf-8")
    result = run_cli("progress", "ada-lovelace.md", "--format", "pdf", "--today", "2027-06-02")
    assert result.returncode == 0, result.stderr
    path = tmp_path / "output" / "ada-lovelace-progress-2027-06-02.pdf"
    assert result.stdout.splitlines()[-1] == str(Path("output") / path.name)
    pages, text = _pdf_text(path.read_bytes())
    weeks = len(read_progress(md, TODAY).weeks())
    assert pages == 1 and weeks > 80
    assert "40 of " in text and "By section" in text
    wrong = run_cli("progress", "ada-lovelace.md", "--format", "md")
    assert wrong.returncode == 2 and "without --replan the only format is pdf" in wrong.stderr


def test_untouched_markdown_renders(small_catalog: Catalog, tmp_path: Path) -> None:
    """A plan just written: nothing done, every hour left, the plan's own end."""
    plan = small_plan(small_catalog)
    path = tmp_path / "plan.md"
    path.write_bytes(render_markdown(plan))
    progress = read_progress(path, TODAY)
    summary = summarise(progress, plan_of(progress, small_catalog, TODAY), small_catalog, NOW)
    assert summary.overall.done == 0 and summary.overall.hours_done == 0
    assert summary.planned_end == plan.end_date
    assert "Nothing ticked yet, so there is no pace to go by." in summary_lines(summary)
