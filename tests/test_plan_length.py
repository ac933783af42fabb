"""A plan's length said where the learner is: its weeks, its end and the shorter ways it
carries, from the Plan's facts alone (never planned again)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from planner.catalog.model import Catalog
from planner.facts import Alternative, DeadlineCut, LongPlan
from planner.interview.answers import plan_lines
from planner.interview.flow import next_steps
from planner.interview.save import Saved
from planner.pipeline import make_plan
from planner.plan import Plan
from planner.profile.validate import validate
from planner.render.formatting import day
from planner.render.words import Words
from tests.sample_plans import long_plan

SLOW = {
    "name": "Newcomer",
    "goal": "llm-engineer",
    "hours_per_week": 6,
    "background": {"math": 1, "python": 2, "ml": 1},
}


def planned(catalog: Catalog, **answers: object) -> Plan:
    profile, problems = validate(SLOW | answers, catalog)
    assert profile is not None, problems
    return make_plan(profile, date(2027, 1, 4), catalog)


@pytest.fixture(scope="module")
def slow_plan(catalog: Catalog) -> Plan:
    return planned(catalog)


@pytest.mark.parametrize("hours", [20, 40])
def test_a_plan_of_a_year_or_less_says_nothing(catalog: Catalog, hours: int) -> None:
    plan = planned(catalog, hours_per_week=hours)
    assert 0 < len(plan.weeks) <= 52
    assert Words(plan).length() == []


def test_a_long_plan_says_its_weeks_end_and_every_alternative(slow_plan: Plan) -> None:
    assert len(slow_plan.weeks) > 52 and slow_plan.alternatives
    words = Words(slow_plan)
    first, shorter = words.length()
    assert first.startswith(f"This plan is long: {len(slow_plan.weeks)} weeks (about ")
    assert day(slow_plan.end_date) in first and "6 h a week" in first
    for alternative, option in zip(slow_plan.alternatives, words.options(), strict=True):
        assert f"{option} takes {alternative.weeks} weeks" in shorter
        if alternative.left_out:
            assert f"leaves out {alternative.left_out} items" in shorter


def test_the_words_come_from_the_plans_facts_not_from_planning_again() -> None:
    plan = replace(long_plan(60), notes=(LongPlan(weeks=60, hours_per_week=8),))
    ways = (
        Alternative(weeks=30, hours_per_week=20, goal=plan.goal, goal_title=plan.goal_title),
        Alternative(
            weeks=52,
            hours_per_week=plan.hours_per_week,
            goal=plan.goal,
            goal_title=plan.goal_title,
            deadline=52,
            left_out=1,
            left_out_hours=2.5,
        ),
    )
    lines = Words(replace(plan, alternatives=ways)).length()
    assert lines[0] == (
        f"This plan is long: 60 weeks (more than a year) at {plan.hours_per_week:g} h a week, "
        f"ending {day(plan.end_date)}."
    )
    assert lines[1] == (
        "Shorter: 20 hours a week takes 30 weeks; a 52-week deadline takes 52 weeks and "
        "leaves out 1 item (2.5 h)."
    )
    assert Words(plan).length() == lines[:1]  # no alternatives: no second line
    assert Words(long_plan(60)).length() == []  # no LongPlan fact: nothing to say


def test_the_interviews_summary_says_it_before_saving(slow_plan: Plan) -> None:
    said = " ".join(" ".join(plan_lines(slow_plan, 60)).split())
    for line in Words(slow_plan).length():
        assert line in said
    assert all(len(line) <= 60 for line in plan_lines(slow_plan, 60))


def test_a_deadline_cut_is_said_from_its_fact() -> None:
    plan = long_plan(20)
    assert Words(plan).cut() == []  # no DeadlineCut fact: nothing to say
    cut = DeadlineCut(full_weeks=31, deadline=20, left_out=4)
    assert Words(replace(plan, notes=(cut,))).cut() == [
        "To meet the deadline 4 items were left out (the full plan needs 31 weeks)."
    ]
    one = replace(cut, left_out=1)
    assert Words(replace(plan, notes=(one,))).cut() == [
        "To meet the deadline 1 item was left out (the full plan needs 31 weeks)."
    ]


def test_the_interviews_last_screen_says_it_then_how_to_take_one(slow_plan: Plan) -> None:
    saved = Saved(Path("out", "me.yaml"), (Path("out", "me.yaml"), Path("out", "me.pdf")), ())
    said = next_steps(saved, slow_plan, 60)
    assert all(len(line) <= 60 for line in said.splitlines() if not line.startswith("  studyplan"))
    words = " ".join(said.split())
    for line in Words(slow_plan).length():
        assert line in words
    assert f"studyplan interview --from {Path('out', 'me.yaml')}" in said
    assert words.index("Shorter:") < words.index("studyplan progress")  # the size comes first
    short = next_steps(saved, long_plan(20), 60)
    assert "This plan is long" not in short and "--from" not in short
    assert "studyplan progress" in short  # how to tick and re-plan, said for every plan


def test_build_prints_it_after_the_paths(run_cli, tmp_path: Path) -> None:
    profile = tmp_path / "me.yaml"
    profile.write_text(
        "name: Newcomer\ngoal: llm-engineer\nhours_per_week: 6\n"
        "background: {math: 1, python: 2, ml: 1}\n",
        encoding="utf-8",
    )
    result = run_cli("build", "me.yaml", "--format", "json", "--today", "2027-01-04")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["output/newcomer.json"]  # stdout stays the paths alone
    notes = result.stderr.splitlines()
    assert notes[0].startswith("note: This plan is long: ")
    assert notes[1].startswith("note: Shorter: ") and "hours a week takes" in notes[1]
    assert notes[2] == "note: set hours_per_week, goal or weeks in me.yaml to take one of them."
    assert "Drawing the PDF" not in result.stderr  # not a terminal: no progress
