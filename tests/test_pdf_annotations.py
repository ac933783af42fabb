"""Checkboxes and links written by the fast path are the bytes ReportLab's own would be."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from planner.render.pdf import lines
from planner.render.pdf.canvas import DocumentCanvas
from planner.render.pdf.render import render_pdf
from tests.pdf_reading import Pdf
from tests.sample_plans import linked_plan, long_plan, unicode_plan


def reportlab_checkbox(canv, name, tooltip, x, y, look) -> None:
    canv.acroForm.checkboxRelative(
        name=name,
        tooltip=tooltip,
        x=x,
        y=y,
        size=look.size,
        buttonStyle="check",
        borderColor=look.border,
        fillColor=look.fill,
        textColor=look.tick,
        borderWidth=look.border_width,
        forceBorder=True,
        fieldFlags="",
    )


def test_the_fast_path_writes_the_bytes_reportlab_would(monkeypatch) -> None:
    plans = (long_plan(), linked_plan(), unicode_plan())
    fast = [render_pdf(plan).data for plan in plans]
    monkeypatch.setattr(lines, "add_checkbox", reportlab_checkbox)
    monkeypatch.setattr(DocumentCanvas, "linkURL", Canvas.linkURL)
    assert [render_pdf(plan).data for plan in plans] == fast


def test_boxes_are_optional_unticked_and_links_borderless() -> None:
    pdf = Pdf.of(render_pdf(long_plan(2)).data)
    annots = [a.get_object() for page in pdf.reader.pages for a in page.get("/Annots", [])]
    boxes = [a for a in annots if a["/Subtype"] == "/Widget"]
    links = [a for a in annots if a["/Subtype"] == "/Link" and "/A" in a]
    assert boxes and all(b["/Ff"] == 0 and b["/V"] == "/Off" and b["/AS"] == "/Off" for b in boxes)
    assert links and all(list(a["/Border"]) == [0, 0, 0] for a in links)
    assert {str(a["/A"]["/S"]) for a in links} == {"/URI"}
