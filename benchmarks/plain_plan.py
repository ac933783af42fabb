"""A plain ReportLab plan: the yardstick the PDF benchmark measures studyplan's drawing by.

    python benchmarks/plain_plan.py PLAN.json OUT.pdf

Run as its own process, it draws a plan from studyplan's JSON export the way a person new to
ReportLab would: SimpleDocTemplate, one Paragraph per text with markup for links, a form
checkbox per task, a page per week, the same embedded font. No QR codes: ReportLab's own
QrCodeWidget would take seconds and make any renderer look fast. It imports nothing of
studyplan, so the machine's speed cancels out when studyplan's figures are divided by its own.
"""

from __future__ import annotations

import html
import json
import sys
from pathlib import Path

from font_source_sans_pro import __file__ as font_package
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Spacer

FONTS = Path(font_package).parent / "files"


class Checkbox(Flowable):
    """A task with a real form checkbox before it."""

    def __init__(self, name: str, text: Paragraph) -> None:
        super().__init__()
        self.name, self.text = name, text

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, height = self.text.wrap(avail_width - 18, avail_height)
        self.width, self.height = avail_width, max(height, 12) + 3
        return self.width, self.height

    def draw(self) -> None:
        self.canv.acroForm.checkboxRelative(
            name=self.name, x=0, y=self.height - 13, size=11, fieldFlags="", buttonStyle="check"
        )
        self.text.drawOn(self.canv, 18, self.height - 3 - self.text.height)


def story(plan: dict) -> list[Flowable]:
    body = ParagraphStyle("body", fontName="SourceSans", fontSize=10, leading=13)
    head = ParagraphStyle("head", fontName="SourceSans-Bold", fontSize=15, leading=19)
    title = ParagraphStyle("title", fontName="SourceSans-Bold", fontSize=12, leading=16)
    out: list[Flowable] = [Paragraph(html.escape(plan["name"]), head), PageBreak()]
    for week in plan["weeks"]:
        out.append(Paragraph(f"Week {week['number']} · {week['start']} · {week['hours']} h", head))
        for item in week["items"]:
            out += [Spacer(1, 8), Paragraph(html.escape(item["title"]), title)]
            out += [Paragraph(html.escape(r), body) for r in item["reasons"]]
            for resource in item["resources"]:
                link = html.escape(resource["url"], quote=True)
                text = html.escape(resource["title"])
                out.append(Paragraph(f'<a href="{link}" color="blue">{text}</a>', body))
            for task in item["tasks"]:
                out.append(Checkbox(task["id"], Paragraph(html.escape(task["text"]), body)))
        out.append(PageBreak())
    return out


def main(source: str, target: str) -> None:
    for name, file in (("SourceSans", "Regular"), ("SourceSans-Bold", "Bold")):
        pdfmetrics.registerFont(TTFont(name, str(FONTS / f"SourceSansPro-{file}.ttf")))
    plan = json.loads(Path(source).read_text(encoding="utf-8"))
    SimpleDocTemplate(target, invariant=1).build(story(plan))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
