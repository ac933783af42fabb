"""--skip-existing by identity: a plan is skipped only when the files under its name embed
the same profile; another learner's files send it to the next free name, and the report
says so. Batches run in-process and in a pool over the fixture catalog."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from planner.batch.existing import embedded_profile
from planner.batch.run import run_batch
from planner.batch.worker import Settings
from tests.conftest import FIXTURE_CONTENT, TODAY

PROFILE = """\
name: Ada Lovelace
goal: llm-engineer
hours_per_week: {hours}
background: {{math: 1, python: 2, ml: 0}}
"""


def settings(out: Path, formats: tuple[str, ...] = ("pdf",), today: date = TODAY) -> Settings:
    return Settings(out, formats, today, True, content=FIXTURE_CONTENT)


def cohort(folder: Path, *hours: int) -> Path:
    """One profile file per weekly hours given, all of learners named Ada Lovelace."""
    folder.mkdir(parents=True, exist_ok=True)
    for n, value in enumerate(hours):
        (folder / f"p{n}.yaml").write_text(PROFILE.format(hours=value), encoding="utf-8")
    return folder


def rows(out: Path) -> list[dict[str, str]]:
    text = (out / "batch-report.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def hours_in(path: Path) -> float:
    return yaml.safe_load(PdfReader(path).attachments["profile.yaml"][0])["hours_per_week"]


def test_the_same_profile_again_is_skipped(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([cohort(tmp_path / "a", 6)], settings(out), jobs=1)
    first = (out / "ada-lovelace.pdf").read_bytes()
    later = TODAY + timedelta(days=9)  # no start date: the plan would start a week later
    result = run_batch([tmp_path / "a"], settings(out, today=later), jobs=1)
    assert (result.ok, result.skipped) == (0, 1)
    assert (out / "ada-lovelace.pdf").read_bytes() == first


def test_another_learner_of_the_same_name_gets_the_next_name(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([cohort(tmp_path / "a", 6)], settings(out), jobs=1)
    first = (out / "ada-lovelace.pdf").read_bytes()
    result = run_batch([cohort(tmp_path / "b", 9)], settings(out), jobs=1)
    assert (result.ok, result.skipped) == (1, 0)
    [row] = rows(out)
    assert row["outputs"] == "ada-lovelace-2.pdf"
    assert row["warnings"] == (
        "ada-lovelace.pdf holds another profile's plan; this one is written as ada-lovelace-2.pdf"
    )
    assert (out / "ada-lovelace.pdf").read_bytes() == first
    assert hours_in(out / "ada-lovelace-2.pdf") == 9
    again = run_batch([tmp_path / "b"], settings(out), jobs=1)  # found under its new name
    assert (again.ok, again.skipped) == (0, 1) and rows(out)[0]["outputs"] == "ada-lovelace-2.pdf"


def test_a_name_holding_no_plan_of_ours_is_passed_over(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "ada-lovelace.pdf").write_bytes(b"%PDF-1.4\nnot a plan at all\n%%EOF\n")
    run_batch([cohort(tmp_path / "a", 6)], settings(out), jobs=1)
    assert rows(out)[0]["outputs"] == "ada-lovelace-2.pdf"
    assert (out / "ada-lovelace.pdf").read_bytes().startswith(b"%PDF-1.4\nnot a plan")


def test_identity_is_read_from_the_markdown_file_without_a_pdf(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([cohort(tmp_path / "a", 6)], settings(out, ("md",)), jobs=1)
    assert embedded_profile(out / "ada-lovelace")["hours_per_week"] == 6
    assert run_batch([tmp_path / "a"], settings(out, ("md",)), jobs=1).skipped == 1
    assert run_batch([cohort(tmp_path / "b", 9)], settings(out, ("md",)), jobs=1).ok == 1
    assert rows(out)[0]["outputs"] == "ada-lovelace-2.md"


def test_without_a_pdf_or_markdown_file_the_bytes_decide(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([cohort(tmp_path / "a", 6)], settings(out, ("json",)), jobs=1)
    assert run_batch([tmp_path / "a"], settings(out, ("json",)), jobs=1).skipped == 1
    assert run_batch([cohort(tmp_path / "b", 9)], settings(out, ("json",)), jobs=1).ok == 1
    assert rows(out)[0]["outputs"] == "ada-lovelace-2.json"


def test_a_missing_format_of_this_plan_is_written_under_its_own_name(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch([cohort(tmp_path / "a", 6)], settings(out, ("pdf", "json")), jobs=1)
    (out / "ada-lovelace.json").unlink()
    result = run_batch([tmp_path / "a"], settings(out, ("pdf", "json")), jobs=1)
    assert result.ok == 1 and rows(out)[0]["outputs"] == "ada-lovelace.pdf;ada-lovelace.json"


@pytest.mark.parametrize("jobs", [1, 2])
def test_learners_sharing_a_name_never_share_a_file(tmp_path: Path, jobs: int) -> None:
    out = tmp_path / "out"
    run_batch([cohort(tmp_path / "old", 3, 4)], settings(out), jobs=1)  # two earlier Adas
    result = run_batch([cohort(tmp_path / "new", 5, 6, 7)], settings(out), jobs=jobs)
    assert (result.ok, result.failed) == (3, 0)
    written = {r["outputs"]: r for r in rows(out)}
    assert len(written) == 3 and not {"ada-lovelace.pdf", "ada-lovelace-2.pdf"} & set(written)
    for name, row in written.items():  # each file holds the plan of the profile its row names
        expected = yaml.safe_load(Path(row["source"]).read_text())["hours_per_week"]
        assert hours_in(out / name) == expected
    assert [hours_in(out / f"ada-lovelace{s}.pdf") for s in ("", "-2")] == [3, 4]
