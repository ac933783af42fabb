"""QR codes of web links: encoded once per process, drawn as one path, linked; and which
appendix page each is on, for the week pages to print ("QR p. 97")."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import zxingcpp
from reportlab.lib.units import mm
from reportlab.pdfgen.pathobject import PDFPathObject
from reportlab.platypus import Flowable, Paragraph

from planner.plan import Plan, Resource, Week
from planner.render.pdf.lines import FigureLine
from planner.render.pdf.styles import INK

QR_SIZE = 18 * mm
# Scanners need 4 modules of white around a code; the coarsest code (21 modules) sets it.
QUIET = 4 * QR_SIZE / 21 + 2


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
    rects = ["n"]  # what PDFPathObject writes (a new path, whole-number rectangles), directly
    for row in range(size):
        y = size - 1 - row  # the image runs top down, PDF space bottom up
        for run in DARK_RUN.finditer(pixels, row * size, (row + 1) * size):
            rects.append(f"{run.start() - row * size} {y} {run.end() - run.start()} 1 re")
    return EncodedCode(url, size, " ".join(rects) if len(rects) > 1 else "")


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


class QrIndex:
    """Which page each web link's code is on, once the weekly part knows where it ends."""

    def __init__(self, offsets: dict[str, int]) -> None:
        self.offsets = offsets  # URL -> page of the appendix it is on, from 0
        self.first_page = 0  # the appendix's first page; 0 until the weekly part is laid out

    def page_of(self, url: str) -> int | None:
        if not self.first_page or url not in self.offsets:
            return None
        return self.first_page + self.offsets[url]

    def line(self, text: Paragraph, url: str) -> FigureLine:
        """A resource line that prints "QR p. N" for its URL on the right."""
        return QrLine(text, self, url)


class QrLine(FigureLine):
    """A resource line; its QR code's page is looked up when it is drawn."""

    def __init__(self, text: Paragraph, index: QrIndex, url: str) -> None:
        super().__init__(text, "")
        self.index, self.url = index, url

    def draw(self) -> None:
        page = self.index.page_of(self.url)
        self.figure = f"QR p. {page}" if page else ""
        super().draw()
