"""The "Resources" appendix: one QR code per distinct web link, so a printed plan keeps them."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import zxingcpp
from reportlab.lib.units import mm
from reportlab.pdfgen.pathobject import PDFPathObject
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table

from planner.plan import Plan, Resource, Week
from planner.render.formatting import week_key
from planner.render.pdf.flowables import OutlineEntry, outlined
from planner.render.pdf.markup import para_text
from planner.render.pdf.paragraphs import para
from planner.render.pdf.styles import ACCENT, INK, RULE, Page, Styles, hex_of
from planner.render.pdf.tables import table_style
from planner.render.pdf.urlbreak import url_lines

QR_SIZE = 18 * mm
# Scanners need 4 modules of white around a code; the coarsest code (21 modules) sets it.
QUIET = 4 * QR_SIZE / 21 + 2
LINE_GAP = 1.0
COLUMNS = 3
OUTLINE_TITLE = "Resources (QR codes)"


def is_web_url(url: str) -> bool:
    """Only http(s) links are linked on the week pages or get a code: never javascript: or files."""
    parts = urlsplit(url)
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


@dataclass(frozen=True)
class EncodedCode:
    """A URL's QR code: its module count and the dark modules as one path, in module units."""

    value: str
    modules: int
    path: str  # the dark modules' `re` operators, formatted once and shared by every document


DARK_RUN = re.compile(rb"\x00+")  # a run of black modules in a row of the code's image


@functools.lru_cache(maxsize=1024)
def encoded_code(url: str) -> EncodedCode:
    """Encode one URL once per process, for every plan and page that prints it.

    zxing-cpp encodes (error correction L, the best mask scored, about 0.5 ms a code in C++;
    ReportLab's pure-Python encoder took 3.5 ms even with a fixed mask, most of a build's QR
    time). The dark modules are kept as `re` rectangles of one path: drawing a cached path
    costs 0.1 ms a document, a Drawing through renderPDF 3 ms.
    """
    code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="L")
    image = memoryview(code.to_image(scale=1, add_quiet_zones=False))  # type: ignore[arg-type]
    size = image.shape[0] if image.shape else 0
    pixels = image.tobytes()
    path = PDFPathObject()
    for row in range(size):
        y = size - 1 - row  # the image runs top down, PDF space bottom up
        for run in DARK_RUN.finditer(pixels, row * size, (row + 1) * size):
            path.rect(run.start() - row * size, y, run.end() - run.start(), 1)
    return EncodedCode(url, size, str(path.getCode()))


class QrCode(Flowable):
    """A URL's cached code drawn QR_SIZE square, and a link to the URL in a PDF viewer."""

    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url
        self.code = encoded_code(url)
        self.width = self.height = QR_SIZE

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.scale(QR_SIZE / self.code.modules, QR_SIZE / self.code.modules)
        canv.setFillColor(INK)
        canv._code.append(self.code.path)  # what drawPath appends, without formatting it again
        canv.drawPath(PDFPathObject(), stroke=0, fill=1)
        canv.restoreState()
        canv.linkURL(self.url, (0, 0, self.width, self.height), relative=1, thickness=0)


class ResourceCard(Flowable):
    """One grid cell: the code on the left; its week, title and URL (small) stacked beside it."""

    def __init__(self, week: Week, resource: Resource, styles: Styles) -> None:
        super().__init__()
        self.code = QrCode(resource.url)
        link = f'<a href="#{week_key(week.number)}" color="{hex_of(ACCENT)}">WEEK {week.number}</a>'
        self.url = resource.url
        self.url_style = styles.code_url
        self.lines: tuple[Paragraph, ...] = (
            para(link, styles.label),
            para(para_text(resource.title), styles.code_title),
        )
        self._heights: list[float] = []
        self.width = -1.0

    def _url(self, width: float) -> Paragraph:
        """The URL, broken into lines only after a slash or before . - ? & =."""
        style = self.url_style
        lines = url_lines(self.url, style.fontName, style.fontSize, width)
        return para("<br/>".join(para_text(line) for line in lines), style)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if avail_width != self.width:  # the grid asks again at the same width: reuse the lines
            text_width = avail_width - QR_SIZE - QUIET
            self.lines = (*self.lines[:2], self._url(text_width))
            self._heights = [line.wrap(text_width, avail_height)[1] for line in self.lines]
            self.width, self.height = avail_width, max(QR_SIZE, sum(self._heights) + 2 * LINE_GAP)
        return self.width, self.height

    def draw(self) -> None:
        self.code.drawOn(self.canv, 0, self.height - QR_SIZE)
        y = self.height
        for line, height in zip(self.lines, self._heights, strict=True):
            y -= height
            line.drawOn(self.canv, QR_SIZE + QUIET, y)
            y -= LINE_GAP


def first_uses(plan: Plan) -> list[tuple[Week, Resource]]:
    """Each distinct web URL once, with the week that first uses it, in plan order."""
    seen: set[str] = set()
    uses = []
    for week in plan.weeks:
        for item in week.items:
            for resource in item.resources:
                if is_web_url(resource.url) and resource.url not in seen:
                    seen.add(resource.url)
                    uses.append((week, resource))
    return uses


def _rows(cards: list[ResourceCard]) -> list[list[Flowable | str]]:
    cells: list[Flowable | str] = [*cards, *[""] * (-len(cards) % COLUMNS)]
    return [cells[i : i + COLUMNS] for i in range(0, len(cells), COLUMNS)]


def _last_page_break(
    rows: list[list[Flowable | str]], width: float, first_room: float, room: float
) -> int:
    """Where to start the last page so it holds two rows of codes, not one alone.

    The grid splits between rows wherever a page fills; this measures the rows as the table
    will and returns the row to break before (0: no break needed).
    """
    heights = [
        max(c.wrap(width / COLUMNS - QUIET, room)[1] for c in row if isinstance(c, Flowable))
        + 2 * QUIET
        for row in rows
    ]
    starts, left = [0], first_room
    for index, height in enumerate(heights):
        if height > left and index > starts[-1]:
            starts.append(index)
            left = room
        left -= height
    last, before = starts[-1], starts[-2] if len(starts) > 1 else 0
    return last - 1 if len(starts) > 1 and len(rows) - last == 1 and last - before >= 3 else 0


def _grid(rows: list[list[Flowable | str]], width: float) -> Table:
    grid = Table(rows, colWidths=[width / COLUMNS] * COLUMNS)
    grid.setStyle(
        table_style(
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), QUIET),
            ("TOPPADDING", (0, 0), (-1, -1), QUIET),
            ("BOTTOMPADDING", (0, 0), (-1, -1), QUIET),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        )
    )
    return grid


def resource_codes(plan: Plan, styles: Styles, page: Page) -> list[Flowable]:
    """The appendix from a new page, bookmarked; nothing when the plan links nowhere."""
    uses = first_uses(plan)
    if not uses:
        return []
    heading = para("Resources", styles.h1)
    intro = para(
        "Scan a code with a phone camera, or click it, to open the resource. Each link appears "
        "once, beside the week that first uses it.",
        styles.meta,
    )
    width = page.frame_width
    head_height = sum(p.wrap(width, page.frame_height)[1] for p in (heading, intro))
    first_room = page.frame_height - head_height - styles.h1.spaceAfter - styles.meta.spaceAfter - 6
    rows = _rows([ResourceCard(week, resource, styles) for week, resource in uses])
    cut = _last_page_break(rows, width, first_room, page.frame_height)
    grids: list[Flowable] = (
        [_grid(rows, width)]
        if not cut
        else [_grid(rows[:cut], width), PageBreak(), _grid(rows[cut:], width)]
    )
    return [
        PageBreak(),
        outlined(heading, OutlineEntry(OUTLINE_TITLE, "resources", 0)),
        intro,
        Spacer(1, 6),
        *grids,
    ]
