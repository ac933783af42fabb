"""`studyplan progress FOLDER`: a cohort of plans ticked as a viewer would, read back.

The cohort mixes PDF, Markdown and YAML progress files, a renamed copy, an older copy, a
re-plan, and broken files; every figure of the CSV and JSON is compared with what was
ticked, computed from the plans themselves rather than from the files.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import subprocess
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, NameObject
from reportlab.pdfgen.canvas import Canvas

from planner.catalog.model import Catalog
from planner.pipeline import make_plan
from planner.plan import Plan
from planner.profile.validate import validate
from planner.progress.cohort_learner import SLOT
from planner.progress.planned import tasks_by_id
from planner.render.markdown import render_markdown
from planner.render.pdf.render import render_pdf
from tests.conftest import studyplan_command
from tests.test_progress import tick_pdf, ticked_markdown

START = date(2027, 1, 4)
TODAY = START + timedelta(days=28)  # the Monday of week 5: four plan weeks expected done
ANSWERS = {
    "goal": "llm-engineer",
    "hours_per_week": 10,
    "start_date": START.isoformat(),
    "weeks": 12,
    "background": {"math": 2, "python": 3, "ml": 1},
}
APPS = {
    "goal": "llm-applications",
    "hours_per_week": 8,
    "start_date": START.isoformat(),
    "weeks": 14,
    "background": {"math": 1, "python": 2, "ml": 1},
}


@dataclass(frozen=True)
class Ticked:
    """One learner as the test made them: the plan and the weeks ticked completely."""

    name: str
    file: str
    plan: Plan
    weeks_ticked: int
    start: date = START

    @property
    def done(self) -> set[str]:
        return {
            t for t, (week, _, _) in tasks_by_id(self.plan).items() if week <= self.weeks_ticked
        }


def plan_for(catalog: Catalog, name: str, answers: dict[str, Any]) -> Plan:
    profile, problems = validate({"name": name, **answers}, catalog)
    assert profile and not problems
    return make_plan(profile, TODAY, catalog)


def flattened(pdf: bytes) -> bytes:
    """The PDF as a printer driver 'flattens' it: the look kept, the form fields gone."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for page in writer.pages:
        annots = [a for a in page.get("/Annots") or () if a.get_object()["/Subtype"] != "/Widget"]
        page[NameObject("/Annots")] = ArrayObject(annots)
    del writer.root_object["/AcroForm"]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def cohort(tmp_path_factory: pytest.TempPathFactory, catalog: Catalog) -> tuple[Path, dict]:
    """A folder of handed-in plans; returns it and the learners that should be counted."""
    root = tmp_path_factory.mktemp("cohort")
    folder = root / "handed-in"
    (folder / "late").mkdir(parents=True)
    engineer = plan_for(catalog, "Ada Lovelace", ANSWERS)
    sergei_plan = plan_for(catalog, "Сергей Иванов", ANSWERS)
    li_plan = plan_for(catalog, "李小龍", APPS)
    grace_plan = plan_for(catalog, "Grace <Hopper> & Co", APPS)
    first_item = next(i.id for i in li_plan.weeks[0].items if not SLOT.match(i.id))
    li_replan = plan_for(
        catalog, "李小龍", APPS | {"start_date": TODAY.isoformat(), "completed": [first_item]}
    )
    ada_pdf = render_pdf(engineer).data
    learners = {
        "Ada Lovelace": Ticked("Ada Lovelace", "handed-in/ada.pdf", engineer, 2),
        "Сергей Иванов": Ticked("Сергей Иванов", "handed-in/late/sergei.pdf", sergei_plan, 5),
        "李小龍": Ticked("李小龍", "handed-in/li-replanned.md", li_replan, 0, TODAY),
        "Grace <Hopper> & Co": Ticked("Grace <Hopper> & Co", "handed-in/grace.md", grace_plan, 3),
        "Dan Brown": Ticked(
            "Dan Brown", "handed-in/dan.yaml", plan_for(catalog, "Dan Brown", ANSWERS), 2
        ),
    }
    write = _writer(root)
    write("handed-in/ada.pdf", tick_pdf(ada_pdf, learners["Ada Lovelace"].done), 0)
    write("handed-in/copy-of-ada.pdf", (folder / "ada.pdf").read_bytes(), -100)
    write(
        "handed-in/ada-old.pdf", tick_pdf(ada_pdf, Ticked("", "", engineer, 1).done), 100
    )  # newest, fewer ticks
    write(
        "handed-in/late/sergei.pdf",
        tick_pdf(render_pdf(sergei_plan).data, learners["Сергей Иванов"].done),
        0,
    )
    write("handed-in/li.pdf", render_pdf(li_plan).data, 0)
    write("handed-in/li-replanned.md", render_markdown(li_replan), -50)
    write(
        "handed-in/grace.md",
        ticked_markdown(grace_plan, learners["Grace <Hopper> & Co"].done).encode(),
        0,
    )
    dan = learners["Dan Brown"]
    write(
        "handed-in/dan.yaml",
        yaml.safe_dump(
            {"profile": {"name": "Dan Brown", **ANSWERS}, "done": sorted(dan.done)},
            allow_unicode=True,
        ).encode(),
        0,
    )
    # the broken ones, and files that are no plans
    write("handed-in/cut.pdf", ada_pdf[: len(ada_pdf) // 3], 0)
    write("handed-in/flat.pdf", flattened(tick_pdf(ada_pdf, learners["Ada Lovelace"].done)), 0)
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "Reading list")
    canvas.save()
    write("handed-in/reading-list.pdf", buffer.getvalue(), 0)
    write(
        "handed-in/late/grace-latin1.md",
        render_markdown(grace_plan).decode().encode("latin-1", "replace"),
        0,
    )
    write(
        "handed-in/ada-profile.yaml",
        yaml.safe_dump({"name": "Ada Lovelace", **ANSWERS}).encode(),
        0,
    )
    write("handed-in/late/notes.txt", b"Dan hands in a YAML progress file.\n", 0)
    return root, learners


def _writer(root: Path):
    now = 1_800_000_000

    def write(name: str, data: bytes, age: int) -> None:
        path = root / name
        path.write_bytes(data)
        os.utime(path, (now + age, now + age))

    return write


@pytest.fixture(scope="module")
def report(cohort: tuple[Path, dict]) -> dict:
    root, _ = cohort
    result = subprocess.run(
        [
            *studyplan_command(),
            "progress",
            "handed-in",
            "-o",
            "out",
            "--today",
            TODAY.isoformat(),
            "-j",
            "2",
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
    )
    out = root / "out"
    with (out / "cohort-progress.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return {
        "result": result,
        "rows": {r["name"]: r for r in rows},
        "row_list": rows,
        "json": json.loads((out / "cohort-progress.json").read_text(encoding="utf-8")),
        "out": out,
    }


def test_exit_1_and_every_output_written(report: dict) -> None:
    result = report["result"]
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.splitlines()[-3:] == [
        "out/cohort-progress.csv",
        "out/cohort-progress.json",
        "out/cohort-progress.pdf",
    ]
    assert result.stdout.startswith(
        "Cohort progress on 2027-02-01: 5 learners from 14 files (3 older copies, 4 failed, "
        "2 skipped)"
    )
    for name in ("cut.pdf", "flat.pdf", "reading-list.pdf", "late/grace-latin1.md"):
        assert f"failed: handed-in/{name}: " in result.stderr
    assert not list(report["out"].glob(".*.part"))


def test_one_row_per_learner_with_what_was_ticked(report: dict, cohort: tuple[Path, dict]) -> None:
    _, learners = cohort
    rows = report["rows"]
    assert len(report["row_list"]) == len(learners)
    assert [r["name"] for r in report["row_list"]] == sorted(learners, key=str.casefold)
    for name, ticked in learners.items():
        row = rows[name]
        by_id = tasks_by_id(ticked.plan)
        hours = sum(task.hours for tid, (_, _, task) in by_id.items() if tid in ticked.done)
        total = sum(task.hours for _, _, task in by_id.values())
        weeks = len(ticked.plan.weeks)
        days = (TODAY - ticked.start).days
        expected = {
            "file": ticked.file,
            "track": ticked.plan.goal,
            "tasks_done": str(len(ticked.done)),
            "tasks_total": str(len(by_id)),
            "hours_done": f"{round(hours, 2)}",
            "hours_left": f"{round(total - hours, 2)}",
            "expected_week": str(days // 7 + 1),
            "weeks": str(weeks),
            "weeks_ahead": f"{float(ticked.weeks_ticked - days / 7)}",
            "plan_end": (ticked.start + timedelta(weeks=weeks, days=-1)).isoformat(),
            "start_date": ticked.start.isoformat(),
            "end_at_pace": (
                ticked.start + timedelta(days=math.ceil(days * weeks / ticked.weeks_ticked) - 1)
            ).isoformat()
            if ticked.weeks_ticked and days
            else "",
        }
        assert {k: row[k] for k in expected} == expected, name
    assert {n: r["status"] for n, r in rows.items()} == {
        "Ada Lovelace": "behind",
        "Сергей Иванов": "ahead",
        "李小龍": "on track",
        "Grace <Hopper> & Co": "behind",
        "Dan Brown": "behind",
    }


def test_copies_count_once_and_the_newer_wins(report: dict) -> None:
    rows = report["rows"]
    # a byte-for-byte renamed copy, and a newer-saved copy with fewer ticks: both set aside
    assert rows["Ada Lovelace"]["other_files"] == "handed-in/ada-old.pdf;handed-in/copy-of-ada.pdf"
    # the re-plan starts later, so it wins over the original with its ticks
    assert rows["李小龍"]["other_files"] == "handed-in/li.pdf"
    files = {f["file"]: f for f in report["json"]["files"]}
    assert files["handed-in/li.pdf"]["status"] == "duplicate"
    assert (
        files["handed-in/li.pdf"]["reason"]
        == "an older copy of 李小龍's plan; counted: handed-in/li-replanned.md"
    )


def test_unreadable_files_are_listed_with_their_reason(report: dict) -> None:
    files = {f["file"]: f for f in report["json"]["files"]}
    reasons = {
        name: (files[f"handed-in/{name}"]["status"], files[f"handed-in/{name}"]["reason"])
        for name in (
            "cut.pdf",
            "flat.pdf",
            "reading-list.pdf",
            "late/grace-latin1.md",
            "ada-profile.yaml",
        )
    }
    assert reasons["cut.pdf"][0] == "failed" and "damaged" in reasons["cut.pdf"][1]
    assert reasons["flat.pdf"][0] == "failed"
    assert "no embedded profile.yaml" in reasons["reading-list.pdf"][1]
    assert "not UTF-8" in reasons["late/grace-latin1.md"][1]
    assert reasons["ada-profile.yaml"] == ("skipped", "a profile, not a progress file")
    notes = files["handed-in/late/notes.txt"]
    assert (notes["status"], notes["reason"]) == (
        "skipped",
        "not a plan (plans are .pdf, .md or .yaml files)",
    )
    summary = report["json"]["summary"]
    assert {k: summary[k] for k in ("files", "learners", "duplicates", "failed", "skipped")} == {
        "files": 14,
        "learners": 5,
        "duplicates": 3,
        "failed": 4,
        "skipped": 2,
    }
    assert summary["today"] == TODAY.isoformat()


def test_items_count_who_started_finished_and_is_overdue(
    report: dict, cohort: tuple[Path, dict]
) -> None:
    _, learners = cohort
    expected: dict[str, list[int]] = {}
    for ticked in learners.values():
        days = (TODAY - ticked.start).days
        parts: dict[str, list[str]] = {}
        last: dict[str, int] = {}
        for week in ticked.plan.weeks:
            for item in week.items:
                if item.kind in ("review", "catch-up"):
                    continue
                parts.setdefault(item.id, []).extend(item.task_ids(week.number))
                last[item.id] = week.number
        for item, ids in parts.items():
            done = sum(t in ticked.done for t in ids)
            count = expected.setdefault(item, [0, 0, 0, 0])
            count[0] += 1
            count[1] += done > 0
            count[2] += done == len(ids)
            count[3] += done < len(ids) and days >= 7 * last[item]
    items = report["json"]["items"]
    assert {
        i["id"]: [i["in_plan"], i["started"], i["finished"], i["overdue"]] for i in items
    } == expected
    overdue = [i["overdue"] for i in items]
    assert overdue == sorted(overdue, reverse=True) and overdue[0] > 0


def test_study_groups_pair_learners_at_the_same_point(report: dict) -> None:
    groups = report["json"]["groups"]
    assert groups and all(2 <= len(g["learners"]) <= 6 for g in groups)
    together = [{m["name"] for m in g["learners"]} for g in groups]
    # Ada and Dan have the same plan and the same ticks: they are at the same point
    assert any({"Ada Lovelace", "Dan Brown"} <= names for names in together)
    assert not any("Сергей Иванов" in names for names in together)  # three weeks ahead


def test_the_pdf_names_everyone_and_numbers_its_pages(report: dict) -> None:
    reader = PdfReader(report["out"] / "cohort-progress.pdf")
    pages = [page.extract_text() for page in reader.pages]
    text = "\n".join(pages)
    for name in ("Ada Lovelace", "Сергей Иванов", "李小龍", "Grace <Hopper> & Co", "Dan Brown"):
        assert name in text
    for k, page in enumerate(pages, start=1):
        assert f"Page {k} of \n{len(pages)}" in page or f"Page {k} of {len(pages)}" in page
    assert "Where the cohort is stuck" in text and "Suggested study groups" in text
    stuck = report["json"]["items"][0]
    assert stuck["title"] in text.replace("\n", " ")
    assert "Files not counted" in text and "cut.pdf" in text and "damaged" in text


def test_the_same_cohort_gives_the_same_bytes_with_one_or_two_workers(
    cohort: tuple[Path, dict], report: dict, run_cli
) -> None:
    root, _ = cohort
    result = run_cli(
        "progress", "handed-in", "-o", "one", "--today", TODAY.isoformat(), "-j", "1", cwd=root
    )
    assert result.returncode == 1
    for name in ("cohort-progress.csv", "cohort-progress.json", "cohort-progress.pdf"):
        assert (root / "one" / name).read_bytes() == (report["out"] / name).read_bytes(), name


def test_shards_merge_into_the_whole(cohort: tuple[Path, dict], report: dict, run_cli) -> None:
    root, _ = cohort
    for index in (2, 1, 3):
        result = run_cli(
            "progress",
            "handed-in",
            "-o",
            "sharded",
            "--today",
            TODAY.isoformat(),
            "--shard",
            f"{index}/3",
            cwd=root,
        )
        assert result.returncode in (0, 1), result.stderr
        assert f"sharded/cohort-progress-{index}-of-3.json" in result.stdout
    merged = root / "sharded"
    assert (merged / "cohort-progress.csv").read_bytes() == (
        report["out"] / "cohort-progress.csv"
    ).read_bytes()
    whole = report["json"]
    data = json.loads((merged / "cohort-progress.json").read_text(encoding="utf-8"))
    for key in ("learners", "items", "groups", "files"):
        assert data[key] == whole[key], key
    assert data["summary"]["shards"] == ["1/3", "2/3", "3/3"]
    parts = [
        json.loads(p.read_text(encoding="utf-8"))["summary"]["files"]
        for p in merged.glob("cohort-progress-*-of-3.json")
    ]
    assert sum(parts) == whole["summary"]["files"]


def test_all_readable_exits_0_and_bad_usage_exits_2(cohort: tuple[Path, dict], run_cli) -> None:
    root, _ = cohort
    good = ["handed-in/ada.pdf", "handed-in/grace.md", "handed-in/late/sergei.pdf"]
    result = run_cli("progress", *good, "-o", "good", "--today", TODAY.isoformat(), cwd=root)
    assert result.returncode == 0, result.stderr
    (root / "empty").mkdir()
    for args, message in (
        (["handed-in", "missing-folder"], "missing-folder: no such file or folder"),
        (["empty"], "no ticked plans found in empty"),
        (["handed-in", "--replan"], "--replan, --from and --format take one file"),
        (["handed-in", "--shard", "4/3"], "--shard: expected I/N"),
    ):
        result = run_cli("progress", *args, "-o", "bad", cwd=root)
        assert result.returncode == 2, (args, result.stderr)
        assert message in result.stderr and "Traceback" not in result.stderr
    assert not (root / "bad").exists()


def test_one_file_keeps_the_single_plan_report(cohort: tuple[Path, dict], run_cli) -> None:
    root, _ = cohort
    result = run_cli("progress", "handed-in/ada.pdf", "--today", TODAY.isoformat(), cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Progress of Ada Lovelace's plan (ada.pdf)")
    assert not (root / "output").exists()
