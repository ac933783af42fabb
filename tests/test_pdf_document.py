"""The document base every PDF is built on: footer, dates, metadata, fonts, later numbers."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from reportlab.platypus import Flowable, PageBreak

from planner.batch.cohort_pdf import render_cohort_pdf
from planner.render.pdf import DocumentInfo, build_pdf, para, styles
from planner.render.pdf.canvas import LaterText
from planner.render.pdf.fonts import BODY
from planner.render.pdf.render import render_pdf
from planner.render.pdf.styles import INK
from tests.pdf_reading import Pdf
from tests.sample_plans import minimal_plan
from tests.test_cohort import cohort

BUILT = date(2027, 2, 3)
BUILT_ON = date(2026, 12, 1)


def every_pdf() -> dict[str, bytes]:
    """One of each kind of PDF the project writes, built on the same day."""
    return {
        "plan": render_pdf(replace(minimal_plan(), built_on=BUILT_ON)).data,
        "cohort": render_cohort_pdf(cohort(), "a4", BUILT_ON),
    }


def font_names(data: bytes) -> set[str]:
    return {m.decode() for m in re.findall(rb"/BaseFont /([A-Za-z+\-]+)", data)}


def test_every_pdf_numbers_its_pages_and_embeds_every_font_it_names() -> None:
    for kind, data in every_pdf().items():
        pdf = Pdf.of(data)
        first = 1 if kind == "plan" else 0  # a plan's cover has no footer
        for number, text in enumerate(pdf.texts[first:], start=first + 1):
            assert f"Page {number} of {len(pdf.texts)}" in " ".join(text.split()), (kind, number)
        names = font_names(data)
        assert names and all("+" in name for name in names), (kind, names)  # subsets only
        assert "Helvetica" not in data.decode("latin-1"), kind


def test_every_pdf_is_dated_by_its_build_and_says_who_made_it() -> None:
    for kind, data in every_pdf().items():
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
