"""--paper on build, batch and progress --replan, the web page's paper choice, and print
warnings where a person sees them: build's and batch's stderr, the batch report, the web page."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.catalog.model import Catalog
from planner.render import render
from planner.web import create_app
from tests.sample_plans import minimal_plan

A4, LETTER = (595, 842), (612, 792)
PROFILE = """\
name: {name}
goal: llm-applications
hours_per_week: 20
start_date: 2027-01-04
weeks: 3
background: {{math: 3, python: 3, ml: 2}}
"""
FORM = {
    "name": "Ada \U0001fae0",  # 🫠: newer than every monochrome emoji font
    "goal": "llm-engineer",
    "background.math": "2",
    "background.python": "2",
    "background.ml": "1",
    "hours_per_week": "8",
    "study_days": ["mon", "wed", "sat"],
    "formats": ["pdf"],
}


def size_of(path: Path | bytes) -> tuple[int, int]:
    reader = PdfReader(path if isinstance(path, Path) else io.BytesIO(path))
    box = reader.pages[0].mediabox
    return round(float(box.width)), round(float(box.height))


def test_render_takes_a_paper_size_and_refuses_others() -> None:
    assert size_of(render(minimal_plan(), "pdf").data) == A4
    assert size_of(render(minimal_plan(), "pdf", "letter").data) == LETTER
    assert render(minimal_plan(), "md", "letter").data == render(minimal_plan(), "md").data
    with pytest.raises(ValueError, match="allowed: a4, letter"):
        render(minimal_plan(), "pdf", "a5")


def test_build_prints_on_letter_and_warns_about_what_cannot_print(run_cli, tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(PROFILE.format(name="Zoë \U0001fae0"), encoding="utf-8")
    result = run_cli("build", "p.yaml", "--paper", "letter", "--today", "2026-11-25")
    assert result.returncode == 0, result.stderr
    assert size_of(tmp_path / result.stdout.split()[0]) == LETTER
    assert (
        "warning: The name contains characters no available font has: \U0001fae0 (U+1FAE0); "
        "they print as ?"
    ) in result.stderr
    bad = run_cli("build", "p.yaml", "--paper", "a5")
    assert bad.returncode == 2 and "invalid choice: 'a5'" in bad.stderr


def test_batch_prints_on_letter_warns_and_reports_warnings(run_cli, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.yaml").write_text(PROFILE.format(name="Plain Name"), encoding="utf-8")
    (tmp_path / "in" / "b.yaml").write_text(
        PROFILE.format(name="Emoji \U0001fae0"), encoding="utf-8"
    )
    result = run_cli(
        "batch", "in", "-o", "out", "-j", "1", "--paper", "letter", "--today", "2026-11-25"
    )
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    assert size_of(out / "plain-name.pdf") == LETTER and size_of(out / "cohort.pdf") == LETTER
    assert "warning: in/b.yaml:1: The name contains characters" in result.stderr
    with (out / "batch-report.csv").open(encoding="utf-8") as handle:
        rows = {row["source"]: row for row in csv.DictReader(handle)}
    assert rows["in/a.yaml"]["warnings"] == ""
    assert "\U0001fae0 (U+1FAE0)" in rows["in/b.yaml"]["warnings"]
    report = json.loads((out / "batch-report.json").read_text(encoding="utf-8"))
    assert [len(p["warnings"]) for p in report["profiles"]] == [0, 1]


def test_progress_replan_prints_on_letter(run_cli, tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(PROFILE.format(name="Ada"), encoding="utf-8")
    built = run_cli("build", "p.yaml", "--today", "2026-11-25")
    assert built.returncode == 0, built.stderr
    result = run_cli(
        "progress", "output/ada.pdf", "--replan", "--paper", "letter", "--today", "2026-12-01"
    )
    assert result.returncode == 0, result.stderr
    replanned = [line for line in result.stdout.split() if line.endswith(".pdf")]
    assert replanned and size_of(tmp_path / replanned[0]) == LETTER


@pytest.fixture
def client(small_catalog: Catalog):
    return create_app(small_catalog, clock=lambda: date(2026, 11, 25)).test_client()


def test_the_web_page_offers_paper_sizes_and_carries_the_choice(client) -> None:
    page = client.get("/").get_data(as_text=True)
    assert 'name="paper" type="radio" value="a4" checked' in page
    assert 'name="paper" type="radio" value="letter"' in page
    summary = client.post("/", data={**FORM, "paper": "letter"}).get_data(as_text=True)
    assert '<input type="hidden" name="paper" value="letter">' in summary
    bad = client.post("/", data={**FORM, "paper": "a5"})
    assert bad.status_code == 422


def test_the_summary_page_shows_what_will_not_print(client) -> None:
    summary = client.post("/", data=FORM).get_data(as_text=True)
    assert "Some characters will not print in the PDF" in summary
    assert "\U0001fae0 (U+1FAE0)" in summary
    plain = client.post("/", data={**FORM, "name": "Ada"}).get_data(as_text=True)
    assert "will not print" not in plain


def test_the_api_takes_paper_as_a_query_or_form_field(client) -> None:
    form = {k: v for k, v in FORM.items() if k != "formats"}
    assert size_of(client.post("/api/plan?paper=letter", data=form).data) == LETTER
    assert size_of(client.post("/api/plan", data={**form, "paper": "letter"}).data) == LETTER
    assert size_of(client.post("/api/plan", data=form).data) == A4
    refused = client.post("/api/plan?paper=a5", data=form)
    assert refused.status_code == 400 and "allowed: a4, letter" in refused.get_data(as_text=True)
