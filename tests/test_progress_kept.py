"""No command destroys ticks: a ticked plan file is kept aside before its name is reused."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from planner.catalog.model import Catalog
from planner.pipeline import write_plan
from planner.plan import Plan
from planner.progress.from_pdf import ticked_boxes
from planner.progress.kept import keep_ticked, surely_unticked, ticks_in
from planner.progress.read import read_progress
from planner.render.markdown import render_markdown
from planner.render.pdf.render import render_pdf
from tests.test_progress import (
    ADA,
    TODAY,
    rename_on_state,
    small_plan,
    task_ids,
    tick_pdf,
    ticked_markdown,
)
from tests.test_progress_replan import real_catalog

BUILT = date(2027, 1, 27)
SHORT = ADA + "weeks: 8\n"  # a deadline keeps the real plans (and the tests) short


@pytest.fixture(scope="module")
def plan(small_catalog: Catalog) -> Plan:
    return replace(small_plan(small_catalog), built_on=BUILT)


@pytest.fixture(scope="module")
def pdf(plan: Plan) -> bytes:
    return render_pdf(plan).data


def test_what_counts_as_ticks(plan: Plan, pdf: bytes, tmp_path: Path) -> None:
    ids = set(task_ids(plan)[:3])
    files = {
        "none.pdf": pdf,
        "ticked.pdf": tick_pdf(pdf, ids),
        "appearance.pdf": tick_pdf(pdf, ids, value=False),
        "none.md": render_markdown(plan),
        "ticked.md": ticked_markdown(plan, ids).encode(),
        "cut.pdf": pdf[:2000],
        "ticked.ics": b"- [x] not a plan file that is ticked\n",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    found = {name: ticks_in(tmp_path / name) for name in files}
    assert found == {
        "none.pdf": 0,
        "ticked.pdf": 3,
        "appearance.pdf": 3,
        "none.md": 0,
        "ticked.md": 3,
        "cut.pdf": None,
        "ticked.ics": 0,
    }
    assert ticks_in(tmp_path / "missing.pdf") == 0


def _variants(plan: Plan, pdf: bytes) -> dict[str, bytes]:
    """The plan PDF as written, and ticked or saved in the ways viewers and tools do."""
    ids = set(task_ids(plan)[:2])
    ticked = tick_pdf(pdf, ids)
    return {
        "as written": pdf,
        "saved untouched": tick_pdf(pdf, set()),
        "ticked": ticked,
        "appearance only": tick_pdf(pdf, ids, value=False),
        "other on-state": tick_pdf(rename_on_state(pdf, "/On"), ids, "/On"),
        "value by reference": ticked.replace(b"/V /Yes", b"/V 3 0 R", 1),
        "escaped name": ticked.replace(b"/AS /Yes", b"/#41S /Yes"),
        "ticked, appended": pdf + b"\n99 0 obj\n<< /T (x) /V /Yes >>\nendobj\n",
    }


def test_the_quick_check_never_misses_a_tick(plan: Plan, pdf: bytes, tmp_path: Path) -> None:
    """A plan as build wrote it is cleared from its bytes; anything else goes to pypdf."""
    for name, data in _variants(plan, pdf).items():
        if surely_unticked(data):
            assert ticked_boxes(data) == 0, name
    assert surely_unticked(pdf) and surely_unticked(tick_pdf(pdf, set()))
    assert not surely_unticked(tick_pdf(pdf, set(task_ids(plan)[:1]), value=False))
    path = tmp_path / "plan.pdf"
    path.write_bytes(pdf)
    probe = (
        "import sys; from pathlib import Path; from planner.progress.kept import ticks_in; "
        f"print(ticks_in(Path({str(path)!r})), 'pypdf' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", "False"]  # cleared without loading pypdf


def test_a_ticked_file_is_kept_and_never_over_another(
    pdf: bytes, plan: Plan, tmp_path: Path
) -> None:
    path = tmp_path / "ada.pdf"
    path.write_bytes(pdf)
    assert keep_ticked(path, BUILT) is None and path.read_bytes() == pdf  # nothing to keep
    first = tick_pdf(pdf, set(task_ids(plan)[:2]))
    path.write_bytes(first)
    kept = keep_ticked(path, BUILT)
    assert kept is not None and kept.ticked == 2
    assert kept.kept_as == tmp_path / "ada-ticked-2027-01-27.pdf"
    assert kept.kept_as.read_bytes() == first
    assert kept.message() == (
        f"{path} has 2 ticked boxes: kept as {kept.kept_as}; the new plan is {path}"
    )
    second = tick_pdf(pdf, set(task_ids(plan)[:5]))
    path.write_bytes(second)  # ticked again the same day: a second name, the first one stays
    again = keep_ticked(path, BUILT)
    assert again is not None and again.kept_as.name == "ada-ticked-2027-01-27-2.pdf"
    assert again.kept_as.read_bytes() == second and kept.kept_as.read_bytes() == first
    path.write_bytes(b"%PDF-1.4 cut short")
    broken = keep_ticked(path, BUILT)
    assert broken is not None and broken.ticked is None and "could not be read" in broken.message()


def test_write_plan_keeps_ticked_files_and_replaces_the_rest(
    plan: Plan, pdf: bytes, tmp_path: Path
) -> None:
    ticked_pdf = tick_pdf(pdf, set(task_ids(plan)[:4]))
    (tmp_path / "ada.pdf").write_bytes(ticked_pdf)
    (tmp_path / "ada.md").write_bytes(render_markdown(plan))  # written, never ticked
    (tmp_path / "ada.ics").write_bytes(b"old calendar")
    written = write_plan(plan, tmp_path, ("pdf", "md", "ics"), "ada")
    assert [(k.path.name, k.kept_as.name, k.ticked) for k in written.kept] == [
        ("ada.pdf", "ada-ticked-2027-01-27.pdf", 4)
    ]
    assert (tmp_path / "ada-ticked-2027-01-27.pdf").read_bytes() == ticked_pdf
    assert (tmp_path / "ada.pdf").read_bytes() == pdf  # the new plan took the name
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "ada-ticked-2027-01-27.pdf",
        "ada.ics",
        "ada.md",
        "ada.pdf",
    ]


def _ticks_on_disk(folder: Path) -> dict[str, set[str]]:
    """Every PDF in folder with the task boxes ticked in it."""
    return {
        p.name: {t.id for t in read_progress(p, TODAY).tasks if t.done}
        for p in sorted(folder.glob("ada-lovelace*.pdf"))
    }


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_tick_replan_rebuild_in_one_folder_keeps_the_ticks(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    """The learner's loop in one folder: build, tick, re-plan, build the re-plan, build the
    first profile again, run a batch over it: the ticked file is on disk all along."""
    real_catalog()
    (tmp_path / "ada.yaml").write_text(SHORT, encoding="utf-8")
    assert run_cli("build", "ada.yaml", "-o", ".", "--today", "2026-12-30").returncode == 0
    plan_pdf = tmp_path / "ada-lovelace.pdf"
    ids = sorted(t.id for t in read_progress(plan_pdf, TODAY).tasks)[:5]
    plan_pdf.write_bytes(tick_pdf(plan_pdf.read_bytes(), set(ids)))
    ticked = _digest(plan_pdf)
    replanned = run_cli(
        "progress", "ada-lovelace.pdf", "--replan", "-o", ".", "--today", "2027-01-27"
    )
    assert replanned.returncode == 0, replanned.stderr
    assert _digest(plan_pdf) == ticked  # the re-plan has a name of its own
    assert (tmp_path / "ada-lovelace-replan-2027-02-01.pdf").exists()
    rebuilt = run_cli(
        "build", "ada-lovelace-replan-2027-02-01.yaml", "-o", ".", "--today", "2027-01-28"
    )
    assert rebuilt.returncode == 0, rebuilt.stderr
    kept = tmp_path / "ada-lovelace-ticked-2027-01-28.pdf"
    assert f"note: ada-lovelace.pdf has 5 ticked boxes: kept as {kept.name}" in rebuilt.stderr
    assert _digest(kept) == ticked
    on_disk = _ticks_on_disk(tmp_path)
    assert on_disk[kept.name] == set(ids) and on_disk["ada-lovelace.pdf"] == set()
    # the first profile built again, and a batch over the folder: no more copies, same ticks
    assert run_cli("build", "ada.yaml", "-o", ".", "--today", "2027-01-28").returncode == 0
    batch = run_cli("batch", "ada.yaml", "-o", ".", "-j", "1", "--today", "2027-01-28")
    assert batch.returncode == 0, batch.stderr
    assert _digest(kept) == ticked
    assert [name for name, ticks in _ticks_on_disk(tmp_path).items() if ticks] == [kept.name]


def test_batch_keeps_a_ticked_plan_without_skip_existing(
    run_cli: Callable[..., Any], tmp_path: Path
) -> None:
    real_catalog()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ada.yaml").write_text(SHORT, encoding="utf-8")
    first = run_cli("batch", "in", "-o", "out", "-j", "1", "--today", "2026-12-30")
    assert first.returncode == 0, first.stderr
    plan_pdf = tmp_path / "out" / "ada-lovelace.pdf"
    ids = {t.id for t in read_progress(plan_pdf, TODAY).tasks[:3]}
    plan_pdf.write_bytes(tick_pdf(plan_pdf.read_bytes(), ids, value=False))  # /AS only
    again = run_cli("batch", "in", "-o", "out", "-j", "1", "--today", "2027-01-27")
    assert again.returncode == 0, again.stderr
    kept = tmp_path / "out" / "ada-lovelace-ticked-2027-01-27.pdf"
    assert (
        f"note: {plan_pdf.relative_to(tmp_path)} has 3 ticked boxes: kept as "
        f"{kept.relative_to(tmp_path)}" in again.stderr
    )
    assert {t.id for t in read_progress(kept, TODAY).tasks if t.done} == ids
    assert read_progress(plan_pdf, TODAY).done == 0
