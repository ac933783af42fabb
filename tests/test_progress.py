"""The progress model and readers (Markdown, YAML), and helpers the other progress tests share."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject

from planner.catalog.model import Catalog
from planner.engine.build import build_plan
from planner.errors import UserError
from planner.plan import OLD_PROFILE_MARKER, PROFILE_MARKER, Plan, task_id
from planner.profile.load import load_text, only_profile
from planner.progress.model import Progress, Task
from planner.progress.read import detect_kind, read_progress
from planner.render.markdown import render_markdown

ADA = """\
name: Ada Lovelace
goal: llm-engineer
hours_per_week: 6
start_date: 2027-01-04
background: {math: 1, python: 1, ml: 0}
"""
TODAY = date(2026, 12, 30)


def small_plan(catalog: Catalog, text: str = ADA) -> Plan:
    profile = next(only_profile(load_text(text, catalog, "ada.yaml")))
    return build_plan(profile, catalog, TODAY)


def task_ids(
    plan: Plan, item_id: str | None = None, numbers: tuple[int, ...] | None = None
) -> list[str]:
    """The checkbox ids of plan, of one item, of some of its tasks (every session of each)."""
    return [
        f"w{w.number}-{i.id}-t{t.index}"
        for w in plan.weeks
        for i in w.items
        for t in i.tasks
        if item_id in (None, i.id) and (numbers is None or t.index in numbers)
    ]


def tick_pdf(pdf: bytes, names: set[str], on: str = "/Yes", value: bool = True) -> bytes:
    """What a viewer does when a person ticks boxes: set the field's /V and widget's /AS.

    value=False: set only the appearance state, as some viewers save a tick.
    """
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for page in writer.pages:
        for ref in page.get("/Annots") or ():
            widget = ref.get_object()
            if widget.get("/T") in names:
                if value:
                    widget[NameObject("/V")] = NameObject(on)
                widget[NameObject("/AS")] = NameObject(on)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def rename_on_state(pdf: bytes, on: str) -> bytes:
    """Every checkbox's on appearance renamed from /Yes to on, as other PDF writers do."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for page in writer.pages:
        for ref in page.get("/Annots") or ():
            appearance = ref.get_object().get("/AP")
            for key in ("/N", "/D"):
                states = appearance.get_object().get(key) if appearance else None
                if states is not None and "/Yes" in states:
                    states = states.get_object()
                    states[NameObject(on)] = states.pop("/Yes")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# --- the model ---------------------------------------------------------------------------


def test_task_ids_parse_back() -> None:
    task = Task.parse("w12-linear-algebra-t3", True)
    assert task == Task("w12-linear-algebra-t3", 12, "linear-algebra", 3, True)
    for bad in ("w0-x-t1", "w1-X-t1", "w1--t1", "w1-x-t", "x1-a-t1", "w1-a-t1 "):
        assert Task.parse(bad, True) is None
    assert task_id(3, "review-w3", 0) == "w3-review-w3-t0"
    assert Task.parse(task_id(3, "review-w3", 0), False).item_id == "review-w3"  # type: ignore[union-attr]


def test_finished_items_need_every_task_of_every_part() -> None:
    tasks = (
        Task.parse("w1-a-t0", True),
        Task.parse("w2-a-t1", True),
        Task.parse("w2-b-t0", True),
        Task.parse("w3-b-t1", False),
    )
    progress = Progress(
        "x", {"start_date": "2027-01-04"}, tuple(t for t in tasks if t), marked_completed=("c",)
    )
    assert progress.finished_items() == ["a", "c"]
    assert (progress.done, progress.percent) == (3, 75)
    weeks = progress.weeks()
    assert [(w.number, w.done, w.total, w.percent) for w in weeks] == [
        (1, 1, 1, 100),
        (2, 2, 2, 100),
        (3, 0, 1, 0),
    ]
    assert weeks[2].start == date(2027, 1, 18)


def test_detect_kind() -> None:
    assert detect_kind(b"%PDF-1.4\n...") == "pdf"
    assert detect_kind(f"# x\n{PROFILE_MARKER}\n".encode()) == "md"
    assert detect_kind(f"# x\n{OLD_PROFILE_MARKER}\n".encode()) == "md"  # files from before
    assert detect_kind(b"profile: ada.yaml\ndone: []\n") == "yaml"
    for data, reason in (
        (b"", "the file is empty"),
        (b" \n\n", "the file is empty"),
        (b"name: Ada\ngoal: llm-engineer\n", "this is a profile, not a ticked"),
        (b"# Notes\n- [x] read a book\n", "without the embedded studyplan profile"),
        (b"servers: [a, b]\n", "not a studyplan PDF, Markdown export or"),
    ):
        with pytest.raises(UserError, match=reason):
            detect_kind(data)


def test_a_task_done_when_every_session_box_is_ticked() -> None:
    """A task longer than a week has a box in each week it spans, all with its t-number."""
    ticked = {
        "w3-a-t2": True,
        "w4-a-t2": False,
        "w4-a-t3": True,
        "w5-a-t4": False,
        "w1-b-t0": True,
        "w2-b-t0": True,
        "w2-b-t1": False,
        "w6-c-t0": False,
    }
    progress = Progress(
        "x", {}, tuple(t for tid, done in ticked.items() if (t := Task.parse(tid, done)))
    )
    assert progress.tasks_done() == {"a": (3,), "b": (0,)}  # t2: one session of two
    assert progress.finished_items() == []
    whole = Progress(
        "x", {}, tuple(t for tid in ("w3-a-t2", "w4-a-t2") if (t := Task.parse(tid, True)))
    )
    assert whole.tasks_done() == {"a": (2,)} and whole.finished_items() == ["a"]


# --- Markdown --------------------------------------------------------------------------------


def ticked_markdown(plan: Plan, ids: set[str]) -> str:
    lines = render_markdown(plan).decode().splitlines()
    return (
        "\n".join(
            line.replace("- [ ]", "- [x]", 1)
            if any(line.endswith(f"[](#{i})") for i in ids)
            else line
            for line in lines
        )
        + "\n"
    )


def as_before(markdown: str) -> str:
    """A Markdown export as studyplan wrote it before: ids and marker in HTML comments."""
    markdown = re.sub(
        r"\[\]\(#(w\d+-[a-z0-9-]+-t\d+)\)$", r"<!-- \1 -->", markdown, flags=re.MULTILINE
    )
    return markdown.replace(f"{PROFILE_MARKER}\n\n", f"{OLD_PROFILE_MARKER}\n")


def test_markdown_ticks_read_back(small_catalog: Catalog, tmp_path: Path) -> None:
    plan = small_plan(small_catalog)
    ids = task_ids(plan)
    chosen = {*task_ids(plan, "python-basics"), ids[-1]}
    path = tmp_path / "ada.md"
    path.write_text(ticked_markdown(plan, chosen), encoding="utf-8")
    progress = read_progress(path, TODAY)
    assert {t.id for t in progress.tasks if t.done} == chosen
    assert len(progress.tasks) == len(ids)
    last_item = Task.parse(ids[-1], True).item_id  # type: ignore[union-attr]
    last_done = set(task_ids(plan, last_item)) <= chosen
    assert progress.finished_items() == ["python-basics"] + [last_item] * last_done
    assert progress.profile == plan.profile
    assert progress.end_date == plan.end_date


def test_markdown_edited_by_hand(small_catalog: Catalog, tmp_path: Path) -> None:
    """Other bullets, capital X and a line pasted twice, as editors and people do."""
    plan = small_plan(small_catalog)
    first, second = task_ids(plan)[:2]
    text = render_markdown(plan).decode()
    line = next(x for x in text.splitlines() if first in x)
    text = text.replace(line, line.replace("- [ ]", "* [X]") + "\n" + line)
    text = text.replace(
        f"- [ ] Write a class [](#{second})", f"+ [x] Write a class <!--{second}-->"
    )  # the old form, by hand
    progress = read_progress(_write(tmp_path / "a.md", text), TODAY)
    assert {t.id for t in progress.tasks if t.done} == {first, second}


def test_markdown_written_before_with_comment_ids(small_catalog: Catalog, tmp_path: Path) -> None:
    plan = small_plan(small_catalog)
    chosen = set(task_ids(plan)[2:5])
    old = as_before(ticked_markdown(plan, chosen))
    assert "[](#" not in old and PROFILE_MARKER not in old  # really the old form
    progress = read_progress(_write(tmp_path / "old.md", old), TODAY)
    assert {t.id for t in progress.tasks if t.done} == chosen
    assert progress.profile == plan.profile


def test_markdown_whose_task_ids_were_lost(small_catalog: Catalog, tmp_path: Path) -> None:
    """Ids stripped as a converter or a copy would (the boxes and the profile are left)."""
    plan = small_plan(small_catalog)
    text = ticked_markdown(plan, set(task_ids(plan)[:3]))
    stripped = re.sub(r" \[\]\(#[^)]*\)$", "", text, flags=re.MULTILINE)
    assert "- [x]" in stripped and PROFILE_MARKER in stripped and "[](#" not in stripped
    with pytest.raises(
        UserError,
        match=rf"{len(task_ids(plan))} task boxes but none carries "
        "its task id",
    ):
        read_progress(_write(tmp_path / "a.md", stripped), TODAY)
    no_list = re.sub(r"^- \[[ x]\] .*$", "", text, flags=re.MULTILINE)
    with pytest.raises(UserError, match="no task list in this Markdown file"):
        read_progress(_write(tmp_path / "b.md", no_list), TODAY)


def test_markdown_without_profile_is_a_clear_error(small_catalog: Catalog, tmp_path: Path) -> None:
    text = render_markdown(small_plan(small_catalog)).decode()
    broken = text[: text.index("```yaml")]
    with pytest.raises(UserError, match="no embedded profile"):
        read_progress(_write(tmp_path / "a.md", broken), TODAY)


# --- YAML progress -------------------------------------------------------------------------


def test_yaml_progress_with_profile_file(small_catalog: Catalog, tmp_path: Path) -> None:
    plan = small_plan(small_catalog)
    _write(tmp_path / "ada.yaml", ADA)
    done = task_ids(plan, "python-basics")[:3]
    path = _write(
        tmp_path / "progress.yaml",
        f"profile: ada.yaml\ndone: [{', '.join(done)}]\ncompleted: [transformers]\n",
    )
    progress = read_progress(path, TODAY, small_catalog)
    assert {t.id for t in progress.tasks if t.done} == set(done)
    assert len(progress.tasks) == len(task_ids(plan))
    assert progress.finished_items() == ["transformers"]  # 3 of 4 tasks: not finished


def test_yaml_progress_inline_profile_and_errors(small_catalog: Catalog, tmp_path: Path) -> None:
    inline = "profile:\n" + "".join(f"  {line}\n" for line in ADA.splitlines())
    progress = read_progress(
        _write(tmp_path / "p.yaml", inline + "done: []\n"), TODAY, small_catalog
    )
    assert progress.done == 0 and progress.tasks
    with pytest.raises(UserError, match="no such task in this plan: w1-python-basic-t0"):
        read_progress(
            _write(tmp_path / "p.yaml", inline + "done: [w1-python-basic-t0]\n"),
            TODAY,
            small_catalog,
        )
    with pytest.raises(UserError, match='unknown field.*did you mean "done"'):
        read_progress(_write(tmp_path / "p.yaml", inline + "dones: []\n"), TODAY, small_catalog)
    with pytest.raises(UserError, match="hours_per_week"):
        read_progress(
            _write(tmp_path / "p.yaml", inline.replace("6", "600") + "done: []\n"),
            TODAY,
            small_catalog,
        )


def test_unreadable_inputs(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no such file"):
        read_progress(tmp_path / "missing.pdf", TODAY)
    with pytest.raises(UserError, match="is a folder"):
        read_progress(tmp_path, TODAY)
    with pytest.raises(UserError, match="not a studyplan PDF"):
        read_progress(_write(tmp_path / "x.txt", "hello\n"), TODAY)


def test_empty_or_unrelated_yaml(small_catalog: Catalog, tmp_path: Path) -> None:
    for text, reason in (
        ("", "the file is empty"),
        (ADA, "this is a profile, not a ticked plan"),
        ("profile:\n", "problems in its profile"),
        ("profile: ada.yaml\n---\nprofile: b.yaml\n", "one mapping"),
        ("- profile: ada.yaml\n", "not a studyplan PDF"),
    ):
        with pytest.raises(UserError, match=reason) as caught:
            read_progress(_write(tmp_path / "p.yaml", text), TODAY, small_catalog)
        assert str(tmp_path / "p.yaml") in caught.value.render()


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
