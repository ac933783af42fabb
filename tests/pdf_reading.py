"""Reading a rendered plan back for page-by-page properties: text, bookmarks, boxes, colours."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject

# a week's rail: "Week 5", dates, hours, "week 5 of 54"; on a later page "Week 5", "(continued)"
WEEK_RAIL = re.compile(r"^Week (\d+)\n(?:(\(continued\))\n|[^\n]+\n[^\n]+\nweek \1 of \d+\n)", re.M)
QR_REF = re.compile(r"QR p\. (\d+)")


@dataclass
class Pdf:
    data: bytes
    reader: PdfReader
    texts: list[str]

    @classmethod
    def of(cls, data: bytes) -> Pdf:
        reader = PdfReader(io.BytesIO(data))
        return cls(data, reader, [page.extract_text() for page in reader.pages])

    def bookmarks(self) -> dict[str, int]:
        """Outline title -> page index, nested entries included."""
        found: dict[str, int] = {}

        def walk(entries: list) -> None:
            for entry in entries:
                if isinstance(entry, list):
                    walk(entry)
                else:
                    found[entry.title] = self.reader.get_destination_page_number(entry)

        walk(self.reader.outline)
        return found

    def weekly_pages(self) -> range:
        """Page indexes of the weekly part: from week 1's page to the appendix (or the end)."""
        marks = self.bookmarks()
        first = marks["Week by week"]
        last = marks.get("Resources (QR codes)", len(self.texts))
        return range(first, last)

    def weeks_on(self, index: int) -> list[tuple[int, bool]]:
        """(week number, continued) of every week's rail on a page, top down."""
        return [(int(m.group(1)), bool(m.group(2))) for m in WEEK_RAIL.finditer(self.texts[index])]

    def checkbox_rects(self) -> dict[str, tuple[int, list[float]]]:
        """Checkbox field name -> (page index, rectangle)."""
        found = {}
        for index, page in enumerate(self.reader.pages):
            for annot in page.get("/Annots", []):
                widget = annot.get_object()
                if widget.get("/FT") == "/Btn":
                    found[str(widget["/T"])] = (index, [float(v) for v in widget["/Rect"]])
        return found

    def checkbox_pages(self) -> dict[str, int]:
        """Checkbox field name -> the page index it is on."""
        pages = {}
        for index, page in enumerate(self.reader.pages):
            for annot in page.get("/Annots", []):
                widget = annot.get_object()
                if widget.get("/FT") == "/Btn":
                    pages[str(widget["/T"])] = index
        return pages


def text_lines(pdf: Pdf, index: int) -> list[tuple[float, str]]:
    """(baseline y, text) of every text run drawn on a page, in drawing order."""
    runs: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: object) -> None:
        if text.strip():
            runs.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text.strip()))

    pdf.reader.pages[index].extract_text(visitor_text=visit)
    return runs


def text_colours(pdf: Pdf, index: int) -> set[tuple[float, float, float]]:
    """The fill colours (RGB, 0..1) text is shown in on a page, from its content stream."""
    page = pdf.reader.pages[index]
    content = ContentStream(page.get_contents(), pdf.reader)
    stack: list[tuple[float, float, float]] = []
    fill = (0.0, 0.0, 0.0)
    used = set()
    for operands, operator in content.operations:
        if operator == b"q":
            stack.append(fill)
        elif operator == b"Q" and stack:
            fill = stack.pop()
        elif operator == b"rg":
            fill = tuple(float(v) for v in operands)  # type: ignore[assignment]
        elif operator == b"g":
            fill = (float(operands[0]),) * 3  # type: ignore[assignment]
        elif operator in (b"Tj", b"TJ", b"'", b'"') and _visible(operands):
            used.add(fill)
    return used


def _visible(operands: list) -> bool:
    text = operands[-1]
    if isinstance(text, list):
        return any(not isinstance(t, (int, float)) and str(t).strip() for t in text)
    return bool(str(text).strip())


def used_fonts(pdf: Pdf, index: int) -> dict[str, DictionaryObject]:
    """Fonts a page draws text with (ReportLab selects an unused Helvetica in an empty BT)."""
    page = pdf.reader.pages[index]
    content = page.get_contents().get_data().decode("latin-1")
    fonts = page["/Resources"].get("/Font", {})
    used = {}
    for block in re.findall(r"\bBT\b(.*?)\bET\b", content, re.S):
        if not re.search(r"T[jJ]\b", block):
            continue
        for key in re.findall(r"(/F\d+(?:\+\d+)?) [\d.]+ Tf", block):
            font = fonts[key].get_object()
            used[str(font["/BaseFont"])] = font
    return used


def descriptor(font: DictionaryObject) -> DictionaryObject:
    if "/DescendantFonts" in font:
        font = font["/DescendantFonts"][0].get_object()
    return font["/FontDescriptor"].get_object()


def luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """WCAG 2 contrast ratio of two sRGB colours."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
