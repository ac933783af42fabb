"""Redraw docs/plan-pages.png, the README's picture of a plan, from the current build.

    .venv/bin/python docs/plan_pages.py

Plans examples/ada-lovelace.yaml, renders its PDF and lays four pages side by side: the
cover, "Your plan at a glance", the first week and the first page of QR codes.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from planner.catalog.load import load_catalog  # noqa: E402
from planner.pipeline import make_plan  # noqa: E402
from planner.profile.load import load_file  # noqa: E402
from planner.render.pdf.render import render_pdf  # noqa: E402

PAGE_WIDTH = 330  # pixels per page in the picture
GAP = 16
BACKGROUND = (238, 240, 244)
SHADOW = (214, 218, 226)


def page_indexes(document: pdfium.PdfDocument) -> list[int]:
    """Cover, overview, week 1, and the first page of the QR appendix (by its bookmarks)."""
    marks = {item.get_title(): item.get_dest().get_index() for item in document.get_toc()}
    return [
        0,
        marks["Your plan at a glance"],
        marks["Week by week"],
        marks.get("Resources (QR codes)", len(document) - 1),
    ]


def main() -> None:
    catalog = load_catalog()
    profile = load_file(ROOT / "examples" / "ada-lovelace.yaml", catalog)[0].profile
    assert profile is not None
    document = pdfium.PdfDocument(render_pdf(make_plan(profile, date(2027, 1, 1), catalog)).data)
    pages = []
    for index in page_indexes(document):
        page = document[index]
        pages.append(
            page.render(scale=PAGE_WIDTH * 2 / page.get_width())
            .to_pil()
            .resize(
                (PAGE_WIDTH, round(PAGE_WIDTH * page.get_height() / page.get_width())),
                Image.LANCZOS,
            )
        )
    height = max(p.height for p in pages)
    sheet = Image.new("RGB", (len(pages) * (PAGE_WIDTH + GAP) + GAP, height + 2 * GAP), BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    for k, page in enumerate(pages):
        x = GAP + k * (PAGE_WIDTH + GAP)
        draw.rectangle((x + 2, GAP + 2, x + PAGE_WIDTH + 2, GAP + page.height + 2), SHADOW)
        sheet.paste(page, (x, GAP))
    out = ROOT / "docs" / "plan-pages.png"
    sheet.save(out, optimize=True)
    print(out)


if __name__ == "__main__":
    main()
