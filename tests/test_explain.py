"""`studyplan explain`: a part of the plan (--week, --section), skip reasons said once with
their items, and a real pager on a real terminal."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pexpect
import pytest

from planner.catalog.model import Catalog
from planner.pipeline import make_plan
from planner.plan import Plan
from planner.profile.validate import validate
from planner.render.text import Shown, by_reason, explain_text
from tests.conftest import TODAY, studyplan_command

SLOW = {
    "name": "Slow",
    "goal": "llm-engineer",
    "hours_per_week": 6,
    "background": {"math": 1, "python": 2, "ml": 1},
}
PROFILE = (
    "name: Slow\ngoal: llm-engineer\nhours_per_week: 6\nbackground: {math: 1, python: 2, ml: 1}\n"
)
WEEK = re.compile(r"^Week (\d+) · ", re.M)


@pytest.fixture(scope="module")
def plan(catalog: Catalog) -> Plan:
    profile, problems = validate(SLOW, catalog)
    assert profile is not None, problems
    return make_plan(profile, TODAY, catalog)


def test_weeks_shows_those_weeks_whole_and_nothing_else(plan: Plan) -> None:
    whole = explain_text(plan, 100)
    part = explain_text(plan, 100, Shown(weeks=range(3, 6)))
    assert [int(n) for n in WEEK.findall(part)] == [3, 4, 5]
    for number in (3, 4, 5):  # each week as the whole plan shows it
        block = part[part.index(f"Week {number} · ") :].split("\n\n")[0]
        assert block in whole
    assert "Skipped:" not in part and "Why this plan:" not in part
    assert "Showing weeks 3-5 (without --week and --section: the whole plan)." in part


def test_section_shows_only_its_items(plan: Plan) -> None:
    part = explain_text(plan, 100, Shown(section="mathematics"))
    items = [line for line in part.splitlines() if line.startswith("  * ")]
    math = [
        i for w in plan.weeks for i in w.items if i.section == "mathematics"
    ]  # every mathematics part of the plan, in order
    assert len(items) == len(math) and all(
        line.endswith("Mathematics and Statistics") for line in items
    )
    weeks = {w.number for w in plan.weeks if any(i.section == "mathematics" for i in w.items)}
    assert {int(n) for n in WEEK.findall(part)} == weeks


def test_skipped_says_each_reason_once_then_its_items(plan: Plan) -> None:
    text = explain_text(plan, 100)
    skipped = text[text.index("Skipped:") : text.index("Notes:")]
    grouped = by_reason(plan.skipped)
    assert skipped.count("\n  - ") == len(grouped) < len(plan.skipped)
    for reason, titles in grouped:
        said = " ".join(reason.split())
        assert " ".join(skipped.split()).count(said) == 1
        for title in titles:  # each item on a line of its own, under its reason
            assert f"\n      {title}\n" in skipped + "\n"


def test_a_bad_week_or_section_is_a_clear_error(run_cli, tmp_path: Path) -> None:
    (tmp_path / "slow.yaml").write_text(PROFILE, encoding="utf-8")
    result = run_cli("explain", "slow.yaml", "--week", "900")
    assert result.returncode == 2 and "this plan has weeks 1-" in result.stderr
    result = run_cli("explain", "slow.yaml", "--section", "mathematic")
    assert result.returncode == 2 and "did you mean mathematics?" in result.stderr
    result = run_cli("explain", "slow.yaml", "--week", "0")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    result = run_cli(
        "explain", "slow.yaml", "--week", "2-3", "--section", "Mathematics and Statistics"
    )
    assert result.returncode == 0 and [int(n) for n in WEEK.findall(result.stdout)] == [2, 3]


def explain_on_a_terminal(tmp_path: Path, pager: str | None, *args: str) -> str:
    (tmp_path / "slow.yaml").write_text(PROFILE, encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("PAGER", None)
    if pager is not None:
        env["PAGER"] = pager
    command, *first = studyplan_command()
    child = pexpect.spawn(
        command,
        [*first, "explain", "slow.yaml", *args],
        cwd=str(tmp_path),
        env=env,
        encoding="utf-8",
        timeout=60,
        dimensions=(24, 100),
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before
    return str(child.before)


def test_on_a_terminal_the_text_goes_through_the_pager(tmp_path: Path) -> None:
    shown = explain_on_a_terminal(tmp_path, "cat -n")  # a pager that numbers the lines
    assert re.search(r"^\s+1\tStudy plan for Slow", shown, re.M)


def test_a_pager_that_does_not_run_falls_back_to_printing(tmp_path: Path) -> None:
    shown = explain_on_a_terminal(tmp_path, "no-such-pager-here")
    assert shown.startswith("Study plan for Slow") and "Traceback" not in shown


def test_the_default_pager_prints_a_short_text_and_quits(tmp_path: Path) -> None:
    shown = explain_on_a_terminal(tmp_path, None, "--week", "1")  # less -F: one screen
    assert "Week 1 · " in shown and "Week 2 · " not in shown


def test_without_a_terminal_the_text_is_printed(run_cli, tmp_path: Path) -> None:
    (tmp_path / "slow.yaml").write_text(PROFILE, encoding="utf-8")
    result = run_cli("explain", "slow.yaml")
    assert result.stdout.startswith("Study plan for Slow")
