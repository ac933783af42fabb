"""The replan step: finished items join `completed`, the new plan is shorter, inputs are kept."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from planner.catalog.load import load_catalog
from planner.catalog.model import Catalog
from planner.errors import ContentError, UserError
from planner.profile.load import load_file, only_profile
from planner.profile.model import monday_after
from planner.progress.read import read_progress
from planner.progress.replan import replan
from planner.render.formatting import day
from planner.render.pdf.render import render_pdf
from tests.test_progress import ADA, TODAY, small_plan, task_ids, tick_pdf, ticked_markdown

FROM = date(2027, 2, 1)


def ticked(tmp_path: Path, catalog: Catalog, items: list[str], text: str = ADA,
           name: str = "ada.md") -> Path:
    plan = small_plan(catalog, text)
    done = {tid for item in items for tid in task_ids(plan, item)}
    path = tmp_path / name
    path.write_text(ticked_markdown(plan, done), encoding="utf-8")
    return path


def test_monday_after() -> None:
    assert monday_after(date(2026, 12, 30)) == date(2027, 1, 4)  # Wednesday
    assert monday_after(date(2027, 1, 4)) == date(2027, 1, 11)  # a Monday: the next one
    assert monday_after(date(2027, 1, 10)) == date(2027, 1, 11)  # Sunday


def test_replan_completes_finished_items_and_shortens_the_plan(small_catalog: Catalog,
                                                               tmp_path: Path) -> None:
    old = small_plan(small_catalog)
    source = ticked(tmp_path, small_catalog, ["python-basics", "linear-algebra", "review-w3"])
    progress = read_progress(source, TODAY)
    result = replan(progress, tmp_path / "out", ("md", "json"), FROM, TODAY, small_catalog,
                    keep=source)
    assert result.newly_completed == ("python-basics", "linear-algebra")  # not the review
    assert result.old_end == old.end_date
    assert result.profile_path == tmp_path / "out" / "ada-lovelace-replan.yaml"
    assert [p.name for p in result.written.paths] == ["ada-lovelace-replan.md",
                                                      "ada-lovelace-replan.json"]
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
    note = new.notes[0]
    assert "you finished 2 items (Python basics, Linear algebra)" in note
    assert f"ended on {day(old.end_date)}; this one ends on {day(new.end_date)}" in note
    assert note in (tmp_path / "out" / "ada-lovelace-replan.md").read_text(encoding="utf-8")


def test_partly_done_item_stays_whole(small_catalog: Catalog, tmp_path: Path) -> None:
    plan = small_plan(small_catalog)
    partly = task_ids(plan, "python-basics")[:-1]
    source = tmp_path / "ada.md"
    source.write_text(ticked_markdown(plan, set(partly)), encoding="utf-8")
    result = replan(read_progress(source, TODAY), tmp_path, ("md",), FROM, TODAY,
                    small_catalog, keep=source)
    assert result.newly_completed == ()
    assert "python-basics" in {i.id for w in result.written.plan.weeks for i in w.items}


def test_second_round_grows_completed_and_never_overwrites_its_input(
        small_catalog: Catalog, tmp_path: Path) -> None:
    first = replan(read_progress(ticked(tmp_path, small_catalog, ["python-basics"]), TODAY),
                   tmp_path, ("md",), FROM, TODAY, small_catalog)
    md = first.written.paths[0]
    text = md.read_text(encoding="utf-8")
    ticked_text = "\n".join(line.replace("- [ ]", "- [x]") if "-linear-algebra-t" in line
                            else line for line in text.splitlines()) + "\n"
    md.write_text(ticked_text, encoding="utf-8")
    second = replan(read_progress(md, TODAY), tmp_path, ("md",), date(2027, 3, 1), TODAY,
                    small_catalog, keep=md)
    assert md.read_text(encoding="utf-8") == ticked_text  # the input is untouched
    assert second.profile_path.name == "ada-lovelace-replan-2.yaml"
    data = yaml.safe_load(second.profile_path.read_text(encoding="utf-8"))
    assert data["completed"] == ["python-basics", "linear-algebra"]
    assert len(second.written.plan.weeks) < len(first.written.plan.weeks)


def test_deadline_keeps_its_end_date(small_catalog: Catalog, tmp_path: Path) -> None:
    source = ticked(tmp_path, small_catalog, ["python-basics"], ADA + "weeks: 20\n")
    result = replan(read_progress(source, TODAY), tmp_path, ("md",), FROM, TODAY, small_catalog)
    assert yaml.safe_load(result.profile_path.read_text(encoding="utf-8"))["weeks"] == 16
    late = replan(read_progress(source, TODAY), tmp_path, ("md",), date(2027, 6, 7), TODAY,
                  small_catalog)
    assert "weeks" not in yaml.safe_load(late.profile_path.read_text(encoding="utf-8"))
    assert late.deadline_note and "has passed" in late.deadline_note


def test_embedded_profile_that_no_longer_validates(small_catalog: Catalog,
                                                   tmp_path: Path) -> None:
    source = ticked(tmp_path, small_catalog, [])
    source.write_text(source.read_text(encoding="utf-8").replace(
        "completed: []", "completed: [no-such-item]"), encoding="utf-8")
    with pytest.raises(UserError, match="no-such-item"):
        replan(read_progress(source, TODAY), tmp_path, ("md",), FROM, TODAY, small_catalog)


def test_replan_from_a_ticked_pdf(small_catalog: Catalog, tmp_path: Path) -> None:
    plan = small_plan(small_catalog)
    source = tmp_path / "ada.pdf"
    source.write_bytes(tick_pdf(render_pdf(plan).data, set(task_ids(plan, "python-basics"))))
    result = replan(read_progress(source, TODAY), tmp_path, ("pdf",), FROM, TODAY,
                    small_catalog, keep=source)
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
    (tmp_path / "ada.yaml").write_text(ADA.replace("start_date: 2027-01-04",
                                                   "start_date: 2027-01-04\nweeks: 40"),
                                       encoding="utf-8")
    built = run_cli("build", "ada.yaml", "-o", ".", "--format", "pdf")
    assert built.returncode == 0, built.stderr
    pdf = tmp_path / "ada-lovelace.pdf"
    first = read_progress(pdf, TODAY).tasks[0].item_id
    ids = {t.id for t in read_progress(pdf, TODAY).tasks if t.item_id == first}
    pdf.write_bytes(tick_pdf(pdf.read_bytes(), ids))
    result = run_cli("progress", "ada-lovelace.pdf", "--replan", "--from", "2027-02-01",
                     "-o", "next", "--today", "2027-01-27")
    assert result.returncode == 0, result.stderr
    assert f"marked completed now: {first}" in result.stdout
    assert "End date: was " in result.stdout and ", now " in result.stdout
    profile = next(only_profile(load_file(tmp_path / "next" / "ada-lovelace-replan.yaml",
                                          catalog)))
    assert profile.completed == (first,) and profile.weeks == 36
    assert (tmp_path / "next" / "ada-lovelace-replan.pdf").exists()


def test_cli_replan_from_markdown_writes_markdown(run_cli: Callable[..., Any],
                                                  tmp_path: Path) -> None:
    real_catalog()
    (tmp_path / "ada.yaml").write_text(ADA, encoding="utf-8")
    assert run_cli("build", "ada.yaml", "-o", ".", "--format", "md").returncode == 0
    md = tmp_path / "ada-lovelace.md"
    md.write_text(md.read_text(encoding="utf-8").replace("- [ ]", "- [x]", 3), encoding="utf-8")
    result = run_cli("progress", "ada-lovelace.md", "--replan", "--today", "2027-01-06")
    assert result.returncode == 0, result.stderr
    assert "Re-planned from 2027-01-11" in result.stdout
    assert (tmp_path / "output" / "ada-lovelace-replan.md").exists()
