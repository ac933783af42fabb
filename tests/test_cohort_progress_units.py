"""The pieces of cohort progress: a learner's figures, matching copies, study groups."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.catalog.model import Catalog
from planner.plan import Plan
from planner.progress.cohort import Cohort
from planner.progress.cohort_groups import MAX_GROUP, study_groups
from planner.progress.cohort_learner import (
    ItemProgress,
    Learner,
    PlanShape,
    learner_key,
    learner_of,
)
from planner.progress.cohort_worker import Unread
from planner.progress.model import Progress, Task
from planner.progress.planned import tasks_by_id
from tests.conftest import examples
from tests.test_progress import small_plan

START = date(2027, 1, 4)


@pytest.fixture(scope="module")
def plan(small_catalog: Catalog) -> Plan:
    return small_plan(small_catalog)


def ticked_through(plan: Plan, weeks: int) -> Progress:
    """The plan's progress with every task of its first weeks ticked."""
    tasks = tuple(
        Task(tid, week, item.id, task.index, week <= weeks)
        for tid, (week, item, task) in tasks_by_id(plan).items()
    )
    return Progress("ada.pdf", plan.profile, tasks)


@settings(max_examples=examples(40), deadline=None)
@given(weeks_done=st.integers(0, 6), days=st.integers(-10, 80))
def test_figures_follow_the_ticks_and_the_day(plan: Plan, weeks_done: int, days: int) -> None:
    weeks_done = min(weeks_done, len(plan.weeks))
    today = START + timedelta(days=days)
    learner = learner_of(ticked_through(plan, weeks_done), PlanShape.of(plan), today)
    n = len(plan.weeks)
    assert learner.position == weeks_done
    assert learner.weeks_ahead == round(weeks_done - min(max(days / 7, 0), n), 1)
    assert learner.expected_week == (0 if days < 0 else min(n, days // 7 + 1))
    by_id = tasks_by_id(plan)
    hours = sum(task.hours for week, _, task in by_id.values() if week <= weeks_done)
    assert learner.hours_done == pytest.approx(hours)
    total = sum(task.hours for _, _, task in by_id.values())
    assert learner.hours_left == pytest.approx(total - hours)
    if learner.finished or days <= 0 or weeks_done == 0:
        assert learner.end_at_pace is None
    elif days == 7 * weeks_done:  # exactly on track: the plan's own end
        assert learner.end_at_pace == plan.end_date


def test_without_the_plan_every_task_counts_one(plan: Plan) -> None:
    progress = ticked_through(plan, 1)
    learner = learner_of(progress, None, START + timedelta(days=7))
    assert (learner.hours_done, learner.hours_left, learner.hours_total) == (None, None, None)
    assert learner.position == 1.0  # week 1's tasks all ticked, counted one each
    assert learner.tasks_done == sum(t.week == 1 for t in progress.tasks)


def test_a_replan_is_the_same_learner_a_namesake_is_not() -> None:
    profile = {
        "name": "Ada",
        "goal": "llm-engineer",
        "hours_per_week": 6,
        "start_date": "2027-01-04",
        "background": {"math": 1, "python": 1, "ml": 0},
    }
    replanned = profile | {"start_date": "2027-03-01", "completed": ["python-basics"], "weeks": 8}
    assert learner_key(replanned) == learner_key(profile)
    assert learner_key(profile | {"name": "Ada L."}) != learner_key(profile)
    assert learner_key(profile | {"hours_per_week": 7}) != learner_key(profile)


def learner(
    name: str,
    position: float,
    items: tuple[ItemProgress, ...],
    goal: str = "g",
    source: str = "",
    done: int = 1,
    start: date = START,
) -> Learner:
    return Learner(
        source or f"{name}.pdf",
        learner_key({"name": name, "goal": goal}),
        name,
        goal,
        start,
        10,
        done,
        20,
        None,
        None,
        35,
        position,
        items,
    )


def test_matching_copies_does_not_depend_on_the_order_files_arrive() -> None:
    items = (ItemProgress("a", 1, 2, 1),)
    outcomes = [
        learner("Ada", 1, items, done=3, source="old.pdf"),
        learner("Ada", 2, items, done=5, source="new.pdf"),
        learner("Ada", 2, items, done=5, source="re-plan.md", start=START + timedelta(weeks=4)),
        learner("Bo", 1, items),
        Unread("x.pdf", "failed", "damaged"),
    ]
    results = set()
    for order in itertools.permutations(outcomes):
        cohort = Cohort().extend(order)
        results.add(tuple((x.source, tuple(cohort.copies(x))) for x in cohort.learners()))
    assert results == {(("re-plan.md", ("new.pdf", "old.pdf")), ("Bo.pdf", ()))}


def state(item: str, done: int, total: int = 4) -> ItemProgress:
    return ItemProgress(item, done, total, 1)


def test_same_item_in_progress_makes_a_group_split_when_large(small_catalog: Catalog) -> None:
    on_item = [
        learner(f"L{n}", 1 + n / 10, (state("python-basics", 4), state("transformers", 2)))
        for n in range(MAX_GROUP + 2)
    ]
    alone = learner("Solo", 1.0, (state("calculus", 1),), goal="other")
    groups = study_groups([*on_item, alone], small_catalog)
    assert [len(g.members) for g in groups] == [4, 4]
    assert all(g.kind == "item" and g.subject == "transformers" for g in groups)
    # neighbours in place go together
    assert [m.name for m in groups[0].members] == ["L0", "L1", "L2", "L3"]


def test_within_a_week_in_one_section_makes_a_group(small_catalog: Catalog) -> None:
    assert small_catalog.items["transformers"].section == small_catalog.items["rag-project"].section
    near = [
        learner("A", 3.0, (state("transformers", 0),)),
        learner("B", 3.9, (state("rag-project", 0),)),
        learner("C", 5.2, (state("transformers", 0),)),
    ]  # more than a week after A
    finished = learner("Done", 10.0, (state("transformers", 4),), done=20)
    groups = study_groups([*near, finished], small_catalog)
    assert [(g.kind, [m.name for m in g.members]) for g in groups] == [("section", ["A", "B"])]
    assert groups[0].describe(small_catalog).startswith("in ")
    assert study_groups([near[0]], small_catalog) == []


def test_a_shared_section_a_little_further_on_makes_a_group(small_catalog: Catalog) -> None:
    # plans interleave sections: one learner's next item is another's second
    first = learner("First", 5.0, (state("python-basics", 0), state("transformers", 0)))
    second = learner("Second", 5.4, (state("rag-project", 0),))
    between = learner("Between", 5.2, (state("linear-algebra", 0),))
    groups = study_groups([first, between, second], small_catalog)
    assert [(g.subject, [m.name for m in g.members]) for g in groups] == [
        ("llm-foundations", ["First", "Second"])
    ]


def test_the_pdf_prints_names_in_any_script_as_text(small_catalog: Catalog) -> None:
    import io

    from pypdf import PdfReader

    from planner.progress.cohort_pdf import render_cohort_progress

    names = ["Анна Каренина", "Αλέξανδρος", "李小龍", "فاطمة الزهراء", "<b>R&D</b> ../../x"]
    cohort = Cohort().extend(
        learner(name, n / 2, (state("transformers", 1),)) for n, name in enumerate(names)
    )
    pdf = render_cohort_progress(cohort, small_catalog, START + timedelta(weeks=5))
    assert pdf == render_cohort_progress(cohort, small_catalog, START + timedelta(weeks=5))
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    for name in ("Анна Каренина", "Αλέξανδρος", "李小龍", "<b>R&D</b> ../../x"):
        assert name in text  # markup printed as text, never applied
    letter = render_cohort_progress(cohort, small_catalog, START, paper="letter")
    assert PdfReader(io.BytesIO(letter)).pages[0].mediabox.width == 612
