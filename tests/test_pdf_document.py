"""The document base every PDF is built on: footer, dates, metadata, fonts, later numbers."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from reportlab.platypus import Flowable, PageBreak

from planner.batch.cohort_pdf import render_cohort_pdf
from planner.catalog.model import Catalog
from planner.progress.cohort import Cohort
from planner.progress.cohort_pdf import render_cohort_progress
from planner.progress.summary import summarise
from planner.progress.summary_pdf import render_summary_pdf
from planner.render.pdf import DocumentInfo, build_pdf, para, styles
from planner.render.pdf.canvas import LaterText
from planner.render.pdf.fonts import BODY
from planner.render.pdf.render import render_pdf
from planner.render.pdf.styles import INK
from tests.pdf_reading import Pdf
from tests.sample_plans import minimal_plan
from tests.test_cohort import cohort
from tests.test_cohort_progress_units import learner, state
from tests.test_progress import ADA, small_plan, task_ids
from tests.test_progress_summary import NOW, ticked

BUILT = date(2027, 2, 3)
BUILT_ON = date(2026, 12, 1)


@pytest.fixture(scope="module")
def every_pdf(small_catalog: Catalog, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """One of each kind of PDF the project writes, built on the same day."""
    plan = small_plan(small_catalog, ADA)
    ticks = ticked(tmp_path_factory.mktemp("summary"), plan, set(task_ids(plan)[:3]))
    summary = replace(summarise(ticks, plan, small_catalog, NOW), today=BUILT_ON)
    learners = Cohort().extend([learner("Ada", 2.0, (state("transformers", 1),))])
    return {
        "plan": render_pdf(replace(minimal_plan(), built_on=BUILT_ON)).data,
        "cohort": render_cohort_pdf(cohort(), "a4", BUILT_ON),
        "progress": render_summary_pdf(summary),
        "cohort progress": render_cohort_progress(learners, small_catalog, BUILT_ON),
    }


def font_names(data: bytes) -> set[str]:
    return {m.decode() for m in re.findall(rb"/BaseFont /([A-Za-z+\-]+)", data)}


def test_every_pdf_numbers_its_pages_and_embeds_every_font_it_names(every_pdf: dict) -> None:
    for kind, data in every_pdf.items():
        pdf = Pdf.of(data)
        first = 1 if kind == "plan" else 0  # a plan's cover has no footer
        assert len(font_names(data)) >= 2, kind
        for number, text in enumerate(pdf.texts[first:], start=first + 1):
            assert f"Page {number} of {len(pdf.texts)}" in " ".join(text.split()), (kind, number)
        names = font_names(data)
        assert names and all("+" in name for name in names), (kind, names)  # subsets only
        assert "Helvetica" not in data.decode("latin-1"), kind


def test_every_pdf_is_dated_by_its_build_and_says_who_made_it(every_pdf: dict) -> None:
    for kind, data in every_pdf.items():
        meta = Pdf.of(data).reader.metadata
        assert meta["/CreationDate"] == "D:20261201000000+00'00'", kind
        assert meta.creator == "studyplan", kind
        assert Pdf.of(data).reader.trailer["/Root"]["/Lang"] == "en", kind


def test_source_date_epoch_wins_over_the_build_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")  # 2027-01-15 08:00:00 UTC
    meta = Pdf.of(render_pdf(minimal_plan()).data).reader.metadata
    assert meta["/CreationDate"] == "D:20270115080000+00'00'"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    meta = Pdf.of(render_pdf(minimal_plan()).data).reader.metadata
    assert meta["/CreationDate"] == "D:20270104000000+00'00'"  # undated: its start
    info = DocumentInfo(title="t", author="a", built_on=BUILT)
    meta = Pdf.of(build_pdf([para("x", styles().body)], info)).reader.metadata
    assert meta["/CreationDate"] == "D:20270203000000+00'00'"


class Mention(Flowable):
    """Draws "see p. N" where N is the page a Target with the same key lands on."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key
        self.width, self.height = 100.0, 12.0

    def draw(self) -> None:
        self.canv.setFont(BODY, 9)
        self.canv.drawString(0, 0, "see p. ")
        x = self.canv.stringWidth("see p. ", BODY, 9)
        self.canv.draw_later(self.key, x, 0, LaterText(BODY, 9, INK))


class Target(Mention):
    def draw(self) -> None:
        self.canv.settle(self.key, str(self.canv.getPageNumber()))
        self.canv.setFont(BODY, 9)
        self.canv.drawString(0, 0, f"target {self.key}")


def test_a_number_drawn_before_it_is_known_shows_the_page_settled_later() -> None:
    story = [Mention("a"), Mention("b"), PageBreak(), PageBreak(), Target("b"), PageBreak()]
    story += [Target("a"), Target("a")]  # the first settlement counts
    pdf = Pdf.of(build_pdf(story, DocumentInfo(title="t", author="a", built_on=BUILT)))
    first = " ".join(pdf.texts[0].split())
    assert "see p. 4 see p. 3" in first or "see p. 4\nsee p. 3" in pdf.texts[0], first
    assert "target b" in pdf.texts[2] and "target a" in pdf.texts[3]
