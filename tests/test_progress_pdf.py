"""Progress from a filled-in PDF: boxes ticked with pypdf, read back by the API and the CLI."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject
from reportlab.pdfgen.canvas import Canvas

from planner.catalog.load import load_catalog
from planner.catalog.model import Catalog
from planner.errors import UserError
from planner.plan import Plan, profile_yaml
from planner.progress.read import read_progress
from planner.render.markdown import render_markdown
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
    progress = read_progress(
        _write(tmp_path / "a.pdf", tick_pdf(other_writer, chosen, "/On")), TODAY
    )
    assert {t.id for t in progress.tasks if t.done} == chosen
    # /Yes is not an on-state of these boxes: a stray value is not a tick
    stray = tick_pdf(other_writer, chosen, "/Yes")
    assert read_progress(_write(tmp_path / "b.pdf", stray), TODAY).done == 0


def test_a_tick_saved_only_as_the_appearance_counts(
    plan_pdf: tuple[Plan, bytes], tmp_path: Path
) -> None:
    """Some viewers write the widget's /AS and leave the field's /V at /Off."""
    plan, pdf = plan_pdf
    chosen = set(task_ids(plan)[1:4])
    saved = tick_pdf(pdf, chosen, value=False)
    widgets = [
        ref.get_object()
        for page in PdfReader(io.BytesIO(saved)).pages
        for ref in page.get("/Annots") or ()
        if ref.get_object().get("/T") in chosen
    ]
    assert {(str(w["/V"]), str(w["/AS"])) for w in widgets} == {("/Off", "/Yes")}
    progress = read_progress(_write(tmp_path / "a.pdf", saved), TODAY)
    assert {t.id for t in progress.tasks if t.done} == chosen


def flatten_pdf(pdf: bytes, ticked: set[str] = frozenset()) -> bytes:  # type: ignore[assignment]
    """What "flatten form fields" does: the boxes are drawn into the page, the form is gone
    (the attached profile stays)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.update_page_form_field_values(
        None, dict.fromkeys(ticked, "/Yes"), flatten=True, auto_regenerate=False
    )
    writer.remove_annotations(subtypes="/Widget")
    del writer.root_object[NameObject("/AcroForm")]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def print_to_pdf(pdf: bytes) -> bytes:
    """What "print to PDF" keeps: the pages as drawn; no form, no attachment, no metadata."""
    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        added = writer.add_page(page)
        if "/Annots" in added:
            del added[NameObject("/Annots")]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_flattened_and_printed_plans_say_why_nothing_is_read(
    plan_pdf: tuple[Plan, bytes], tmp_path: Path
) -> None:
    plan, pdf = plan_pdf
    ticked = tick_pdf(pdf, set(task_ids(plan)[:4]))
    flat, printed = flatten_pdf(ticked, set(task_ids(plan)[:4])), print_to_pdf(ticked)
    for data in (flat, printed):  # really without a form, and the pages still there
        reader = PdfReader(io.BytesIO(data))
        assert "/AcroForm" not in reader.trailer["/Root"] and not reader.get_fields()
        assert len(reader.pages) == len(PdfReader(io.BytesIO(pdf)).pages)
    assert PdfReader(io.BytesIO(flat)).attachments  # flattening kept the profile...
    assert not PdfReader(io.BytesIO(printed)).attachments  # ...printing did not
    for name, data in (("flat.pdf", flat), ("printed.pdf", printed)):
        with pytest.raises(
            UserError,
            match="no checkboxes left — it was probably printed to "
            "PDF or flattened; open the plan PDF you ticked",
        ):
            read_progress(_write(tmp_path / name, data), TODAY)


def test_pdf_from_another_tool_is_a_clear_error(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "Not a study plan")
    canvas.save()
    with pytest.raises(
        UserError,
        match="this PDF is not a studyplan plan: it has no task "
        "checkboxes and no embedded profile.yaml",
    ):
        read_progress(_write(tmp_path / "other.pdf", buffer.getvalue()), TODAY)


def test_pdf_form_of_another_tool(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "A form")
    canvas.acroForm.checkbox(name="agree", x=72, y=700, fieldFlags="")
    canvas.acroForm.checkbox(name="subscribe", x=72, y=670, fieldFlags="")
    canvas.showPage()
    canvas.save()
    with pytest.raises(UserError, match="has 2 checkboxes but none is a studyplan task"):
        read_progress(_write(tmp_path / "form.pdf", buffer.getvalue()), TODAY)


def test_tasks_without_the_profile(plan_pdf: tuple[Plan, bytes], tmp_path: Path) -> None:
    """A tool that keeps the form but drops attachments when saving."""
    _, pdf = plan_pdf
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    del writer.root_object[NameObject("/Names")][NameObject("/EmbeddedFiles")]
    out = io.BytesIO()
    writer.write(out)
    assert not PdfReader(io.BytesIO(out.getvalue())).attachments
    with pytest.raises(UserError, match="has task boxes but no embedded profile.yaml"):
        read_progress(_write(tmp_path / "a.pdf", out.getvalue()), TODAY)


def test_damaged_pdf_is_a_clear_error(plan_pdf: tuple[Plan, bytes], tmp_path: Path) -> None:
    _, pdf = plan_pdf
    with pytest.raises(UserError, match="damaged|no embedded"):
        read_progress(_write(tmp_path / "cut.pdf", pdf[: len(pdf) // 3]), TODAY)


def test_cli_prints_progress_per_week(
    plan_pdf: tuple[Plan, bytes], run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    plan, pdf = plan_pdf
    ticked = task_ids(plan, "python-basics")
    _write(tmp_path / "ada.pdf", tick_pdf(pdf, set(ticked)))
    last = max(int(t.split("-")[0][1:]) for t in ticked)  # the last week with a tick
    result = run_cli("progress", "ada.pdf", "--today", "2027-01-06")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Progress of Ada Lovelace's plan (ada.pdf) on 6 Jan 2027:"
    assert lines[2].startswith("  By week ")
    week1 = sum(1 for t in task_ids(plan) if t.startswith("w1-"))
    done1 = sum(t.startswith("w1-") for t in ticked)
    assert lines[3].startswith("  Week 1 · 4–10 Jan 2027 ")
    assert f"{done1:>3}/{week1:<3} {round(100 * done1 / week1):>3}%" in lines[3]
    assert lines[3].endswith("← this week")
    assert lines[3 + last].startswith(f"  Weeks {last + 1}–{len(plan.weeks)} · ")
    assert "  By section " in result.stdout and "  Programming Languages " in result.stdout
    total = len(task_ids(plan))
    # the command reads the shipped catalog, not the test catalog this plan was made from
    assert (
        f"Overall: {len(ticked)}/{total} tasks ({round(100 * len(ticked) / total)}%) · "
        "hours unknown: the catalog changed since this file was made"
    ) in result.stdout
    title = load_catalog().items["python-basics"].title  # as the shipped catalog names it
    assert f"Items with every task ticked: {title}" in result.stdout
    assert not (tmp_path / "output").exists()  # without --replan or --format nothing is written


def test_cli_says_why_nothing_was_read(
    plan_pdf: tuple[Plan, bytes], run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    """Each unreadable file: exit 2, one line naming the file, what was found, what to do."""
    plan, pdf = plan_pdf
    ticked = tick_pdf(pdf, set(task_ids(plan)[:3]))
    blank = io.BytesIO()
    Canvas(blank).save()
    md = render_markdown(plan).decode()
    files = {
        "flat.pdf": (flatten_pdf(ticked), "no checkboxes left"),
        "printed.pdf": (print_to_pdf(ticked), "no checkboxes left"),
        "other.pdf": (blank.getvalue(), "not a studyplan plan"),
        "stripped.md": (
            re.sub(r" \[\]\(#[^)]*\)$", "", md, flags=re.MULTILINE).encode(),
            "none carries its task id",
        ),
        "empty.yaml": (b"", "the file is empty"),
        "ada.yaml": (b"name: Ada\ngoal: llm-engineer\n", "this is a profile"),
        "notes.txt": (b"just text\n", "not a studyplan PDF"),
    }
    for name, (data, _) in files.items():
        _write(tmp_path / name, data)
    for name, (_, reason) in [*files.items(), ("missing.pdf", (b"", "no such file"))]:
        result = run_cli("progress", name)
        assert result.returncode == 2, (name, result.stderr)
        assert result.stderr.startswith(f"error: {name}: ") and reason in result.stderr, name
        assert result.stderr.count("\n") == 1 and not result.stdout, name


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
