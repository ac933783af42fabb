"""A plan's length said where the learner is: its weeks, its end and the shorter ways it
carries, from the Plan alone (never planned again)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from planner.catalog.model import Catalog
from planner.interview.answers import plan_lines
from planner.pipeline import make_plan
from planner.plan import Alternative, Plan
from planner.profile.validate import validate
from planner.render.formatting import day
from planner.render.plan_length import length_lines
from tests.sample_plans import long_plan

SLOW = {
    "name": "Newcomer",
    "goal": "llm-engineer",
    "hours_per_week": 6,
    "background": {"math": 1, "python": 2, "ml": 1},
}


@pytest.fixture(scope="module")
def slow_plan(catalog: Catalog) -> Plan:
    profile, problems = validate(SLOW, catalog)
    assert profile is not None, problems
    return make_plan(profile, date(2027, 1, 4), catalog)


@pytest.mark.parametrize("weeks", [1, 16, 52])
def test_a_plan_of_a_year_or_less_says_nothing(weeks: int) -> None:
    assert length_lines(long_plan(weeks)) == []


def test_a_long_plan_says_its_weeks_end_and_every_alternative(slow_plan: Plan) -> None:
    assert len(slow_plan.weeks) > 52 and slow_plan.alternatives
    first, shorter = length_lines(slow_plan)
    assert first.startswith(f"This plan is long: {len(slow_plan.weeks)} weeks (about ")
    assert day(slow_plan.end_date) in first and "6 h a week" in first
    for alternative in slow_plan.alternatives:
        assert f"{alternative.label} takes {alternative.weeks} weeks" in shorter
        if alternative.left_out:
            assert f"leaves out {alternative.left_out} items" in shorter


def test_the_words_come_from_the_plan_not_from_planning_again() -> None:
    plan = long_plan(60)
    ways = (
        Alternative("20 hours a week", 30, 20, plan.goal, None, 0, 0.0),
        Alternative("a 52-week deadline", 52, plan.hours_per_week, plan.goal, 52, 1, 2.5),
    )
    lines = length_lines(replace(plan, alternatives=ways))
    assert lines[0] == (
        f"This plan is long: 60 weeks (more than a year) at {plan.hours_per_week:g} h a week, "
        f"ending {day(plan.end_date)}."
    )
    assert lines[1] == (
        "Shorter: 20 hours a week takes 30 weeks; a 52-week deadline takes 52 weeks and "
        "leaves out 1 item (2.5 h)."
    )
    assert length_lines(long_plan(60)) == lines[:1]  # no alternatives: no second line


def test_the_interviews_summary_says_it_before_saving(slow_plan: Plan) -> None:
    said = " ".join(" ".join(plan_lines(slow_plan, 60)).split())
    for line in length_lines(slow_plan):
        assert line in said
    assert all(len(line) <= 60 for line in plan_lines(slow_plan, 60))


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
