"""Progress from a filled-in PDF: boxes ticked with pypdf, read back by the API and the CLI."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen.canvas import Canvas

from planner.catalog.model import Catalog
from planner.errors import UserError
from planner.plan import Plan, profile_yaml
from planner.progress.read import read_progress
from planner.render.pdf.render import render_pdf
from tests.test_progress import TODAY, rename_on_state, small_plan, task_ids, tick_pdf


@pytest.fixture(scope="module")
def plan_pdf(small_catalog: Catalog) -> tuple[Plan, bytes]:
    plan = small_plan(small_catalog)
    return plan, render_pdf(plan).data


def test_untouched_pdf_has_no_tick(plan_pdf: tuple[Plan, bytes], tmp_path: Path) -> None:
    plan, pdf = plan_pdf
    progress = read_progress(_write(tmp_path / "a.pdf", pdf), TODAY)
    assert sorted(t.id for t in progress.tasks) == sorted(task_ids(plan))
    assert progress.done == 0
    assert progress.profile == yaml.safe_load(profile_yaml(plan.profile))


def test_ticked_boxes_read_back(plan_pdf: tuple[Plan, bytes], tmp_path: Path) -> None:
    plan, pdf = plan_pdf
    chosen = set(task_ids(plan, "python-basics")) | {task_ids(plan, "linear-algebra")[0]}
    progress = read_progress(_write(tmp_path / "a.pdf", tick_pdf(pdf, chosen)), TODAY)
    assert {t.id for t in progress.tasks if t.done} == chosen
    assert progress.finished_items() == ["python-basics"]
    week1 = progress.weeks()[0]
    in_week1 = [t for t in task_ids(plan) if t.startswith("w1-")]
    assert (week1.done, week1.total) == (len(chosen & set(in_week1)), len(in_week1))


def test_pypdf_form_filling_is_read_back(plan_pdf: tuple[Plan, bytes], tmp_path: Path) -> None:
    plan, pdf = plan_pdf
    first = task_ids(plan)[0]
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.update_page_form_field_values(None, {first: "/Yes"}, auto_regenerate=False)
    out = io.BytesIO()
    writer.write(out)
    progress = read_progress(_write(tmp_path / "a.pdf", out.getvalue()), TODAY)
    assert [t.id for t in progress.tasks if t.done] == [first]


def test_on_state_is_read_from_the_appearance(plan_pdf: tuple[Plan, bytes], tmp_path: Path) -> None:
    plan, pdf = plan_pdf
    other_writer = rename_on_state(pdf, "/On")
    chosen = set(task_ids(plan)[:3])
    progress = read_progress(_write(tmp_path / "a.pdf", tick_pdf(other_writer, chosen, "/On")),
                             TODAY)
    assert {t.id for t in progress.tasks if t.done} == chosen
    # /Yes is not an on-state of these boxes: a stray value is not a tick
    stray = tick_pdf(other_writer, chosen, "/Yes")
    assert read_progress(_write(tmp_path / "b.pdf", stray), TODAY).done == 0


def test_pdf_from_another_tool_is_a_clear_error(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "Not a study plan")
    canvas.save()
    with pytest.raises(UserError, match="no embedded profile.yaml"):
        read_progress(_write(tmp_path / "other.pdf", buffer.getvalue()), TODAY)


def test_damaged_pdf_is_a_clear_error(plan_pdf: tuple[Plan, bytes], tmp_path: Path) -> None:
    _, pdf = plan_pdf
    with pytest.raises(UserError, match="damaged|no embedded"):
        read_progress(_write(tmp_path / "cut.pdf", pdf[: len(pdf) // 3]), TODAY)


def test_cli_prints_progress_per_week(plan_pdf: tuple[Plan, bytes], run_cli: Callable[..., Any],
                                   tmp_path: Path) -> None:
    plan, pdf = plan_pdf
    ticked = task_ids(plan, "python-basics")
    _write(tmp_path / "ada.pdf", tick_pdf(pdf, set(ticked)))
    last = max(int(t.split("-")[0][1:]) for t in ticked)  # the last week with a tick
    result = run_cli("progress", "ada.pdf", "--today", "2027-01-06")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Progress of Ada Lovelace's plan (ada.pdf):"
    assert lines[1].startswith("  Week 1 · 4–10 Jan 2027 ")
    week1 = sum(1 for t in task_ids(plan) if t.startswith("w1-"))
    assert f"{sum(t.startswith('w1-') for t in ticked)}/{week1:<3} tasks" in lines[1]
    assert lines[last + 1].startswith(f"  Weeks {last + 1}–{len(plan.weeks)} · ")
    total = len(task_ids(plan))
    assert f"Overall: {len(ticked)}/{total} tasks ({round(100 * len(ticked) / total)}%)" \
        in result.stdout
    assert "Items with every task ticked: python-basics" in result.stdout
    assert not (tmp_path / "output").exists()  # without --replan nothing is written


def test_cli_bad_inputs_exit_2(run_cli: Callable[..., Any], tmp_path: Path) -> None:
    buffer = io.BytesIO()
    Canvas(buffer).save()
    _write(tmp_path / "other.pdf", buffer.getvalue())
    (tmp_path / "notes.txt").write_text("just text\n", encoding="utf-8")
    for name, message in (("other.pdf", "no embedded profile.yaml"),
                          ("notes.txt", "not a studyplan PDF"),
                          ("missing.pdf", "no such file")):
        result = run_cli("progress", name)
        assert result.returncode == 2, result.stderr
        assert message in result.stderr and "Traceback" not in result.stderr


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
