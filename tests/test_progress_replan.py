"""The replan step: finished items join `completed`, the new plan is shorter, inputs are kept."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from planner.catalog.load import load_catalog
from planner.catalog.model import Catalog
from planner.errors import ContentError, UserError
from planner.profile.load import load_file, load_text, only_profile
from planner.profile.model import monday_after
from planner.progress.model import Progress, Task
from planner.progress.read import read_progress
from planner.progress.replan import replan, started_tasks
from planner.render.formatting import day
from planner.render.pdf.render import render_pdf
from tests.test_progress import ADA, TODAY, small_plan, task_ids, tick_pdf, ticked_markdown

FROM = date(2027, 2, 1)


def ticked(
    tmp_path: Path, catalog: Catalog, items: list[str], text: str = ADA, name: str = "ada.md"
) -> Path:
    plan = small_plan(catalog, text)
    done = {tid for item in items for tid in task_ids(plan, item)}
    path = tmp_path / name
    path.write_text(ticked_markdown(plan, done), encoding="utf-8")
    return path


def test_monday_after() -> None:
    assert monday_after(date(2026, 12, 30)) == date(2027, 1, 4)  # Wednesday
    assert monday_after(date(2027, 1, 4)) == date(2027, 1, 11)  # a Monday: the next one
    assert monday_after(date(2027, 1, 10)) == date(2027, 1, 11)  # Sunday


def test_replan_completes_finished_items_and_shortens_the_plan(
    small_catalog: Catalog, tmp_path: Path
) -> None:
    old = small_plan(small_catalog)
    source = ticked(tmp_path, small_catalog, ["python-basics", "linear-algebra", "review-w3"])
    progress = read_progress(source, TODAY)
    result = replan(progress, tmp_path / "out", ("md", "json"), FROM, TODAY, small_catalog)
    assert result.newly_completed == ("python-basics", "linear-algebra")  # not the review
    assert result.old_end == old.end_date
    assert result.profile_path == tmp_path / "out" / "ada-lovelace-replan-2027-02-01.yaml"
    assert [p.name for p in result.written.paths] == [
        "ada-lovelace-replan-2027-02-01.md",
        "ada-lovelace-replan-2027-02-01.json",
    ]
    profile = next(only_profile(load_file(result.profile_path, small_catalog)))
    assert profile.completed == ("python-basics", "linear-algebra")
    assert profile.start_date == FROM
    new = result.written.plan
    assert new.start_date == FROM
    assert len(new.weeks) < len(old.weeks) and new.total_hours < old.total_hours
    planned = {i.id for w in new.weeks for i in w.items}
    assert not planned & {"python-basics", "linear-algebra"}
    assert [o.id for o in new.skipped] == ["python-basics", "linear-algebra"]
    # the new plan itself says what was done and how the end date moved
    note = new.extra_notes[0]
    assert "you finished 2 items (Python basics, Linear algebra)" in note
    assert f"ended on {day(old.end_date)}; this one ends on {day(new.end_date)}" in note
    assert note in result.written.paths[0].read_text(encoding="utf-8")


def test_started_items_record_their_tasks_done(small_catalog: Catalog, tmp_path: Path) -> None:
    plan = small_plan(small_catalog)
    partly = task_ids(plan, "python-basics", (0, 1, 2)) + task_ids(plan, "linear-algebra", (1,))
    source = tmp_path / "ada.md"
    source.write_text(ticked_markdown(plan, set(partly) | {"w3-review-w3-t0"}), encoding="utf-8")
    result = replan(read_progress(source, TODAY), tmp_path, ("md",), FROM, TODAY, small_catalog)
    assert result.newly_completed == ()
    assert "python-basics" in {i.id for w in result.written.plan.weeks for i in w.items}
    # per task, by t-number; review slots are planned afresh, so not recorded
    expected = {"python-basics": [0, 1, 2], "linear-algebra": [1]}
    assert result.tasks_done == expected
    data = yaml.safe_load(result.profile_path.read_text(encoding="utf-8"))
    assert data["tasks_done"] == expected
    profile = next(only_profile(load_file(result.profile_path, small_catalog)))
    assert profile.tasks_done == (("python-basics", (0, 1, 2)), ("linear-algebra", (1,)))
    assert "4 tasks of 2 started items are kept as done" in result.written.plan.extra_notes[0]


def test_a_later_replan_from_that_profile_alone_keeps_them(
    small_catalog: Catalog, tmp_path: Path
) -> None:
    """Round 2 reads a YAML progress file naming the round-1 profile and ticks one more task."""
    plan = small_plan(small_catalog)
    first_ticks = set(task_ids(plan, "linear-algebra", (0, 1)))
    source = tmp_path / "ada.md"
    source.write_text(ticked_markdown(plan, first_ticks), encoding="utf-8")
    first = replan(read_progress(source, TODAY), tmp_path, ("md",), FROM, TODAY, small_catalog)
    assert first.tasks_done == {"linear-algebra": [0, 1]}
    again = read_progress(first.written.paths[0], TODAY)  # nothing ticked in the new plan
    second = replan(again, tmp_path, ("md",), date(2027, 3, 1), TODAY, small_catalog)
    assert second.tasks_done == {"linear-algebra": [0, 1]}
    new_plan = first.written.plan
    more = [
        tid
        for w in new_plan.weeks
        for i in w.items
        if i.id == "linear-algebra"
        for tid, t in zip(i.task_ids(w.number), i.tasks, strict=True)
        if t.index == 3
    ]
    progress_file = tmp_path / "progress.yaml"
    progress_file.write_text(
        f"profile: {first.profile_path.name}\ndone: [{', '.join(more)}]\n", encoding="utf-8"
    )
    third = replan(
        read_progress(progress_file, TODAY, small_catalog),
        tmp_path,
        ("md",),
        date(2027, 3, 1),
        TODAY,
        small_catalog,
    )
    assert third.tasks_done == {"linear-algebra": [0, 1, 3]}


def test_sessions_of_a_long_task_count_once_all_are_ticked(small_catalog: Catalog) -> None:
    """A task in two weeks (two session boxes, one t-number) is done only with both ticked."""
    old = next(only_profile(load_text(ADA, small_catalog, "ada.yaml")))
    boxes = {
        "w3-linear-algebra-t0": True,
        "w4-linear-algebra-t0": False,
        "w4-linear-algebra-t1": True,
        "w5-linear-algebra-t1": True,
        "w1-python-basics-t0": True,
    }
    progress = Progress(
        "a.pdf", {}, tuple(t for tid, done in boxes.items() if (t := Task.parse(tid, done)))
    )
    started = started_tasks(old, progress, [], small_catalog)
    assert started == {"python-basics": [0], "linear-algebra": [1]}
    # the old profile's tasks are kept, items now completed drop out, numbers stay in range
    old = replace(old, tasks_done=(("linear-algebra", (4,)), ("ml-fundamentals", (0,))))
    assert started_tasks(old, progress, ["python-basics"], small_catalog) == {
        "linear-algebra": [1, 4],
        "ml-fundamentals": [0],
    }


def test_second_round_grows_completed_and_never_overwrites_its_input(
    small_catalog: Catalog, tmp_path: Path
) -> None:
    first = replan(
        read_progress(ticked(tmp_path, small_catalog, ["python-basics"]), TODAY),
        tmp_path,
        ("md",),
        FROM,
        TODAY,
        small_catalog,
    )
    assert first.profile_path.name == "ada-lovelace-replan-2027-02-01.yaml"
    md = first.written.paths[0]
    text = md.read_text(encoding="utf-8")
    ticked_text = (
        "\n".join(
            line.replace("- [ ]", "- [x]") if "-linear-algebra-t" in line else line
            for line in text.splitlines()
        )
        + "\n"
    )
    md.write_text(ticked_text, encoding="utf-8")
    # re-planned again from the same start: the ticked round-1 file keeps its name and content
    second = replan(read_progress(md, TODAY), tmp_path, ("md",), FROM, TODAY, small_catalog)
    assert md.read_text(encoding="utf-8") == ticked_text  # the input is untouched
    assert second.profile_path.name == "ada-lovelace-replan-2027-02-01-2.yaml"
    assert first.profile_path.read_text(encoding="utf-8").count("linear-algebra") == 0
    data = yaml.safe_load(second.profile_path.read_text(encoding="utf-8"))
    assert data["completed"] == ["python-basics", "linear-algebra"]
    assert len(second.written.plan.weeks) < len(first.written.plan.weeks)


def test_deadline_keeps_its_end_date(small_catalog: Catalog, tmp_path: Path) -> None:
    source = ticked(tmp_path, small_catalog, ["python-basics"], ADA + "weeks: 20\n")
    result = replan(read_progress(source, TODAY), tmp_path, ("md",), FROM, TODAY, small_catalog)
    assert yaml.safe_load(result.profile_path.read_text(encoding="utf-8"))["weeks"] == 16
    late = replan(
        read_progress(source, TODAY), tmp_path, ("md",), date(2027, 6, 7), TODAY, small_catalog
    )
    assert "weeks" not in yaml.safe_load(late.profile_path.read_text(encoding="utf-8"))
    assert late.deadline_note and "has passed" in late.deadline_note


def test_embedded_profile_that_no_longer_validates(small_catalog: Catalog, tmp_path: Path) -> None:
    source = ticked(tmp_path, small_catalog, [])
    source.write_text(
        source.read_text(encoding="utf-8").replace("completed: []", "completed: [no-such-item]"),
        encoding="utf-8",
    )
    with pytest.raises(UserError, match="no-such-item"):
        replan(read_progress(source, TODAY), tmp_path, ("md",), FROM, TODAY, small_catalog)


def test_replan_from_a_ticked_pdf(small_catalog: Catalog, tmp_path: Path) -> None:
    plan = small_plan(small_catalog)
    source = tmp_path / "ada.pdf"
    source.write_bytes(tick_pdf(render_pdf(plan).data, set(task_ids(plan, "python-basics"))))
    result = replan(read_progress(source, TODAY), tmp_path, ("pdf",), FROM, TODAY, small_catalog)
    assert result.newly_completed == ("python-basics",)
    again = read_progress(result.written.paths[0], TODAY)
    assert again.profile["completed"] == ["python-basics"]
    assert again.done == 0 and "python-basics" not in {t.item_id for t in again.tasks}


def real_catalog() -> Catalog:
    try:
        return load_catalog()
    except ContentError:
        pytest.skip("the shipped catalog does not load yet (being written)")


def test_cli_replan_from_a_ticked_pdf(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    catalog = real_catalog()
    (tmp_path / "ada.yaml").write_text(
        ADA.replace("start_date: 2027-01-04", "start_date: 2027-01-04\nweeks: 40"), encoding="utf-8"
    )
    built = run_cli("build", "ada.yaml", "-o", ".", "--format", "pdf")
    assert built.returncode == 0, built.stderr
    pdf = tmp_path / "ada-lovelace.pdf"
    first = read_progress(pdf, TODAY).tasks[0].item_id
    ids = {t.id for t in read_progress(pdf, TODAY).tasks if t.item_id == first}
    pdf.write_bytes(tick_pdf(pdf.read_bytes(), ids))
    result = run_cli(
        "progress",
        "ada-lovelace.pdf",
        "--replan",
        "--from",
        "2027-02-01",
        "-o",
        "next",
        "--today",
        "2027-01-27",
    )
    assert result.returncode == 0, result.stderr
    assert f"marked completed now: {first}" in result.stdout
    assert "End date: was " in result.stdout and ", now " in result.stdout
    stem = tmp_path / "next" / "ada-lovelace-replan-2027-02-01"
    profile = next(only_profile(load_file(stem.with_suffix(".yaml"), catalog)))
    assert profile.completed == (first,) and profile.weeks == 36
    assert stem.with_suffix(".pdf").exists()


def test_cli_replan_from_markdown_writes_markdown(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    real_catalog()
    (tmp_path / "ada.yaml").write_text(ADA, encoding="utf-8")
    assert run_cli("build", "ada.yaml", "-o", ".", "--format", "md").returncode == 0
    md = tmp_path / "ada-lovelace.md"
    md.write_text(md.read_text(encoding="utf-8").replace("- [ ]", "- [x]", 3), encoding="utf-8")
    result = run_cli("progress", "ada-lovelace.md", "--replan", "--today", "2027-01-06")
    assert result.returncode == 0, result.stderr
    assert "Re-planned from 2027-01-11" in result.stdout
    assert (tmp_path / "output" / "ada-lovelace-replan-2027-01-11.md").exists()
